package fr.secondevie.sanitization;

import org.springframework.modulith.NamedInterface;

/** The technique used, as NIST SP 800-88 Appendix G names them (values of the wipe report). */
@NamedInterface("api")
public enum SanitizationMethod {
  OVERWRITE("Écrasement (réécriture des zones adressables)"),
  BLOCK_ERASE("Effacement par blocs (SANITIZE BLOCK ERASE)"),
  CRYPTO_ERASE("Effacement cryptographique"),
  SANITIZE_COMMAND("Commande SANITIZE du support (OVERWRITE)"),
  /** ATA SECURITY ERASE UNIT (hdparm --security-erase), normal or enhanced. */
  SECURE_ERASE("Effacement sécurisé ATA (SECURITY ERASE UNIT)"),
  OTHER("Autre technique");

  private final String label;

  SanitizationMethod(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
