package fr.secondevie.purchasing;

/** Where an offer comes from. */
enum OfferSource {
  REFERENCED_SUPPLIER("Fournisseur référencé"),
  PURCHASING_CENTRAL("Centrale d'achat"),
  SAD("Système d'acquisition dynamique (SAD)");

  private final String label;

  OfferSource(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
