package fr.secondevie.inventory;

/** No asset has this inventory number (job workers turn it into BPMN error ASSET_NOT_FOUND). */
public class AssetNotFoundException extends RuntimeException {

  /** BPMN error code the workers use for it. */
  public static final String ERROR_CODE = "ASSET_NOT_FOUND";

  private final String inventoryNumber;

  public AssetNotFoundException(String inventoryNumber) {
    super("Aucun équipement n'a le numéro d'inventaire « " + inventoryNumber + " »");
    this.inventoryNumber = inventoryNumber;
  }

  public String inventoryNumber() {
    return inventoryNumber;
  }
}
