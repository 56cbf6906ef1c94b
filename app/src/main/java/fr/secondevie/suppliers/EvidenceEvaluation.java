package fr.secondevie.suppliers;

/** The evaluator's view of a criterion's evidence. */
enum EvidenceEvaluation {
  PENDING("À évaluer"),
  ACCEPTED("Justificatif accepté"),
  REJECTED("Justificatif refusé");

  private final String label;

  EvidenceEvaluation(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
