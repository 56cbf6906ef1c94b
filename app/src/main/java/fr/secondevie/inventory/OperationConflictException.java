package fr.secondevie.inventory;

/** An operation id that was already used on this asset for a different operation. */
public class OperationConflictException extends RuntimeException {

  public OperationConflictException(String inventoryNumber, String operationId, String existing) {
    super(
        "L'identifiant d'opération « %s » a déjà servi pour l'équipement %s à une autre opération (%s)"
            .formatted(operationId, inventoryNumber, existing));
  }
}
