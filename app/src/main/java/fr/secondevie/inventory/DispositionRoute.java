package fr.secondevie.inventory;

import org.springframework.modulith.NamedInterface;

/** Where a retired asset goes (decided by the DMN {@code asset-route} or by arbitration). */
@NamedInterface("api")
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
