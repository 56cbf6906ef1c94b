package fr.secondevie.suppliers;

/** Where a supplier stands with the hospital. */
public enum SupplierStatus {
  CANDIDATE("Candidat"),
  REFERENCED("Référencé"),
  NOT_REFERENCED("Non référencé");

  private final String label;

  SupplierStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
