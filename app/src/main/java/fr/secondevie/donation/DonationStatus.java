package fr.secondevie.donation;

/** Where one asset's donation stands. */
enum DonationStatus {
  /** The agreement is prepared: the asset is allocated to the request. */
  AGREED("Convention établie"),
  /** Handed over against a signed receipt: the beneficiary owns it. */
  HANDED_OVER("Remis"),
  /** Superseded by a later agreement for the same asset (its place in the request is freed). */
  CANCELLED("Annulé");

  private final String label;

  DonationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
