package fr.secondevie.security;

import org.springframework.modulith.NamedInterface;

/** The roles of Seconde Vie (DESIGN §1 and §4). Spring authorities are {@code ROLE_<name>}. */
@NamedInterface("api")
public enum Role {
  TECHNICIAN("Technicien DSI"),
  ASSET_MANAGER("Gestionnaire de parc (pilote du processus)"),
  DIRECTOR("Directeur ou délégataire"),
  BUYER("Acheteur"),
  EVALUATOR("Évaluateur RSE"),
  AUDITOR("Auditeur"),
  ADMIN("Administrateur");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
