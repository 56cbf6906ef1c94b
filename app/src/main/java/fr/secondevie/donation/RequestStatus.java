package fr.secondevie.donation;

/** Where a donation request stands. */
enum RequestStatus {
  OPEN("Ouverte"),
  FULFILLED("Satisfaite"),
  CLOSED("Close");

  private final String label;

  RequestStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
