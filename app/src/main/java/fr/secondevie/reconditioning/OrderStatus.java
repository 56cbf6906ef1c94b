package fr.secondevie.reconditioning;

/** Where a reconditioning order stands. */
enum OrderStatus {
  OPEN("En cours"),
  COMPLETED("Terminé");

  private final String label;

  OrderStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
