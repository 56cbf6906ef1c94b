package fr.secondevie.inventory;

import fr.secondevie.common.RefusedRequestException;
import java.util.Map;

/** No asset has this inventory number (job workers turn it into BPMN error ASSET_NOT_FOUND). */
class AssetNotFoundException extends RefusedRequestException {

  /** BPMN error code the workers use for it. */
  public static final String ERROR_CODE = "ASSET_NOT_FOUND";

  private final String inventoryNumber;

  AssetNotFoundException(String inventoryNumber) {
    super(
        Reason.NOT_FOUND,
        "Équipement inconnu",
        "Aucun équipement n'a le numéro d'inventaire « " + inventoryNumber + " »");
    this.inventoryNumber = inventoryNumber;
  }

  public String inventoryNumber() {
    return inventoryNumber;
  }

  @Override
  public Map<String, Object> details() {
    return Map.of("inventoryNumber", inventoryNumber);
  }
}
