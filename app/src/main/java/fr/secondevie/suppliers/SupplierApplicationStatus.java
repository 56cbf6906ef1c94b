package fr.secondevie.suppliers;

/** Where an application stands in process P4. */
public enum SupplierApplicationStatus {
  REGISTERED("Enregistrée", false),
  OPEN("Questionnaire ouvert au fournisseur", false),
  SUBMITTED("Réponses transmises, justificatifs à évaluer", false),
  EVALUATED("Justificatifs évalués, décision à prendre", false),
  REFERENCED("Fournisseur référencé", true),
  REJECTED("Candidature refusée", true),
  CLOSED_NO_ANSWER("Close sans réponse dans le délai", true);

  private final String label;
  private final boolean closed;

  SupplierApplicationStatus(String label, boolean closed) {
    this.label = label;
    this.closed = closed;
  }

  public String label() {
    return label;
  }

  /** Whether the application is over (no portal access, no further step). */
  public boolean isClosed() {
    return closed;
  }
}
