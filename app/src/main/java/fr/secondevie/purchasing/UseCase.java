package fr.secondevie.purchasing;

/** What the requested equipment is for (an input of {@code purchase-channel}). */
enum UseCase {
  OFFICE_WORKSTATION("Poste bureautique"),
  CLINICAL_WORKSTATION("Poste clinique (soins)"),
  MOBILE_LAPTOP("Portable pour personnel mobile"),
  SCREEN("Écran"),
  OTHER("Autre usage");

  private final String label;

  UseCase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
