package fr.secondevie.sanitization;

import org.springframework.modulith.NamedInterface;

/**
 * The sanitization levels of NIST SP 800-88, in increasing strength: an effective level at or above
 * the required one satisfies it.
 */
@NamedInterface("api")
public enum SanitizationLevel {
  /** Logical techniques on all user-addressable locations (overwrite). */
  CLEAR("Clear (effacement logique)"),
  /** Recovery infeasible with state-of-the-art laboratory techniques (sanitize, crypto erase). */
  PURGE("Purge (effacement renforcé)"),
  /** Physical destruction of the medium. */
  DESTROY("Destroy (destruction physique)");

  private final String label;

  SanitizationLevel(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean satisfies(SanitizationLevel required) {
    return compareTo(required) >= 0;
  }

  static SanitizationLevel min(SanitizationLevel a, SanitizationLevel b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
