package fr.secondevie.recycling;

/**
 * Kind of adapted company (domain-research §3.6): an entreprise adaptée employs at least 55 %
 * recognised disabled workers (Code du travail L5213-13 et s.); an ESAT is a medico-social
 * establishment of the protected sector (authorised by the regional health agency).
 */
enum CompanyType {
  EA("Entreprise adaptée (EA)"),
  ESAT("Établissement et service d'accompagnement par le travail (ESAT)");

  private final String label;

  CompanyType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
