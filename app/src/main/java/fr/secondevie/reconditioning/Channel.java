package fr.secondevie.reconditioning;

/** Who refurbishes. */
enum Channel {
  INTERNAL_WORKSHOP("Atelier interne"),
  SUPPLIER("Fournisseur référencé");

  private final String label;

  Channel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
