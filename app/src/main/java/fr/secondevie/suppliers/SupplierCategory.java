package fr.secondevie.suppliers;

import org.springframework.modulith.NamedInterface;

/** What a supplier offers the hospital (several per supplier). */
@NamedInterface("api")
public enum SupplierCategory {
  RECONDITIONED_EQUIPMENT("Matériel reconditionné"),
  NEW_EQUIPMENT("Matériel neuf"),
  REPAIR_MAINTENANCE("Réparation et maintenance"),
  DATA_SANITIZATION("Effacement certifié des données"),
  DISMANTLING_RECYCLING("Démantèlement et recyclage (DEEE)"),
  DIGITAL_SERVICES("Logiciels et services numériques");

  private final String label;

  SupplierCategory(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
