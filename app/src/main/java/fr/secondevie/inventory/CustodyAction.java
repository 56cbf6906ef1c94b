package fr.secondevie.inventory;

import org.springframework.modulith.NamedInterface;

/** What a chain-of-custody entry records. */
@NamedInterface("api")
public enum CustodyAction {
  REGISTERED("Enregistré dans l'inventaire"),
  DESCRIPTION_UPDATED("Description mise à jour"),
  STATUS_CHANGED("Changement de statut"),
  ROUTE_ASSIGNED("Orientation décidée"),
  STORAGE_RECORDED("Support de stockage relevé"),
  HANDOVER("Remise / transfert de garde"),
  EVIDENCE("Pièce justificative"),
  NOTE("Observation");

  private final String label;

  CustodyAction(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
