package fr.secondevie.sanitization;

import org.springframework.modulith.NamedInterface;

/** How the result was verified (NIST SP 800-88 Appendix G: full, quick sampling, none). */
@NamedInterface("api")
public enum Verification {
  FULL("Vérification complète"),
  SAMPLING("Vérification par échantillonnage"),
  NONE("Aucune vérification");

  private final String label;

  Verification(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
