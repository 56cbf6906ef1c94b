package fr.secondevie.suppliers;

/**
 * The five axes of the Charte Numérique Responsable, as the CHU states them when it signed the
 * charter: environment, ethics, accessibility, resilience and values.
 */
enum Axis {
  ENVIRONMENT("Environnement", "Limiter les impacts environnementaux du numérique"),
  ETHICS("Éthique", "Pratiques éthiques, loyales et protectrices des données"),
  ACCESSIBILITY("Accessibilité", "Des services numériques accessibles à tous"),
  RESILIENCE("Résilience", "Durabilité, réparation et continuité du service"),
  VALUES("Valeurs", "Inclusion, diversité et conditions de travail");

  private final String label;
  private final String description;

  Axis(String label, String description) {
    this.label = label;
    this.description = description;
  }

  public String label() {
    return label;
  }

  public String description() {
    return description;
  }
}
