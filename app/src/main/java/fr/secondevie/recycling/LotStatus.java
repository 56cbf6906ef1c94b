package fr.secondevie.recycling;

/** Where a dismantling lot stands, in the order of process {@code dismantling-lot}. */
enum LotStatus {
  OPEN("Ouvert"),
  FULL("Complet"),
  CLOSED("Clos"),
  ORDER_SENT("Bon envoyé"),
  PICKED_UP("Enlevé"),
  ATTESTED("Attesté"),
  COMPLETED("Traité");

  private final String label;

  LotStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Accepts no more assets. */
  public boolean closed() {
    return this != OPEN;
  }
}
