package fr.secondevie.inventory;

/** Where a retired asset goes (decided by the DMN {@code asset-route} or by arbitration). */
public enum DispositionRoute {
  INTERNAL_REUSE("Réemploi interne"),
  DONATION("Don"),
  RECONDITION("Reconditionnement"),
  RECYCLE("Recyclage (entreprise adaptée)");

  private final String label;

  DispositionRoute(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
