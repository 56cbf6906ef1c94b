package fr.secondevie.inventory;

import fr.secondevie.common.RefusedRequestException;

/** An operation id that was already used on this asset for a different operation. */
class OperationConflictException extends RefusedRequestException {

  OperationConflictException(String inventoryNumber, String operationId, String existing) {
    super(
        Reason.CONFLICT,
        "Identifiant d'opération déjà utilisé",
        "L'identifiant d'opération « %s » a déjà servi pour l'équipement %s à une autre opération (%s)"
            .formatted(operationId, inventoryNumber, existing));
  }
}
