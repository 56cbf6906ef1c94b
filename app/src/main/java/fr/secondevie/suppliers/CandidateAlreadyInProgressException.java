package fr.secondevie.suppliers;

/** The supplier already has an application that is not closed. */
class CandidateAlreadyInProgressException extends RuntimeException {

  private final long applicationId;

  CandidateAlreadyInProgressException(String supplierName, long applicationId) {
    super(
        "Le fournisseur "
            + supplierName
            + " a déjà une candidature en cours (n° "
            + applicationId
            + ").");
    this.applicationId = applicationId;
  }

  public long applicationId() {
    return applicationId;
  }
}
