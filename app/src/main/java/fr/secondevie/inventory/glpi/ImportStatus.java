package fr.secondevie.inventory.glpi;

/** Where an import run stands. */
public enum ImportStatus {
  PENDING("En attente", false),
  RUNNING("En cours", false),
  SUCCEEDED("Importé", true),
  REJECTED("Refusé : fichier à corriger", true),
  DUPLICATE("Déjà importé : aucun changement", true),
  FAILED("Échec technique", true);

  private final String label;
  private final boolean finished;

  ImportStatus(String label, boolean finished) {
    this.label = label;
    this.finished = finished;
  }

  public String label() {
    return label;
  }

  public boolean finished() {
    return finished;
  }
}
