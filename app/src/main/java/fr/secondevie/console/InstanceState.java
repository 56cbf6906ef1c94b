package fr.secondevie.console;

/** The state of a process instance as the console filters and shows it. */
enum InstanceState {
  ACTIVE("En cours"),
  INCIDENT("En incident"),
  COMPLETED("Terminée"),
  TERMINATED("Annulée");

  private final String label;

  InstanceState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
