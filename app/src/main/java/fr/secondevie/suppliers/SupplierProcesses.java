package fr.secondevie.suppliers;

import java.util.Map;

/**
 * What this module asks of the process runtime (Camunda 8 or the embedded engine), through the
 * Camunda client only.
 */
public interface SupplierProcesses {

  /**
   * Starts {@code supplier-referencing} with the candidate.
   *
   * @return the process instance key
   * @throws ProcessUnavailableException the runtime refused or could not be reached
   */
  long startReferencing(Candidate candidate);

  /**
   * Publishes {@code QuestionnaireSubmitted} for the application's round (message id {@code
   * <applicationId>-<round>}, so a double submission correlates once).
   *
   * @throws ProcessUnavailableException the runtime refused or could not be reached
   */
  void publishQuestionnaireSubmitted(long applicationId, int round, Map<String, Object> submission);

  /**
   * Completes the open {@code evaluate-evidence} user task of the instance with the form's
   * variables.
   *
   * @throws ProcessUnavailableException no such open task, or the runtime could not be reached
   */
  void completeEvidenceEvaluation(long processInstanceKey, Map<String, Object> variables);
}
