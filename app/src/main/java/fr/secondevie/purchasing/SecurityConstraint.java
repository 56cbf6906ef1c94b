package fr.secondevie.purchasing;

/** A security constraint on the equipment (an input of {@code purchase-channel}). */
enum SecurityConstraint {
  NONE("Aucune"),
  HEALTH_DATA_STORAGE("Conservera des données de santé sous obligations particulières"),
  QUALIFIED_PRODUCT("Produit de sécurité qualifié exigé (ANSSI)");

  private final String label;

  SecurityConstraint(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
