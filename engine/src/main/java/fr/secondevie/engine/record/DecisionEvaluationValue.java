package fr.secondevie.engine.record;

import fr.secondevie.engine.dmn.DecisionOutcome;
import java.util.List;

/**
 * One evaluation of a decision, standalone (process keys -1) or from a business rule task. Each
 * evaluated decision gets the instance key {@code "<evaluationKey>-<n>"}.
 */
public record DecisionEvaluationValue(
    long decisionKey,
    String decisionId,
    String decisionName,
    int decisionVersion,
    String decisionRequirementsId,
    long decisionRequirementsKey,
    Object output,
    String failedDecisionId,
    String failureMessage,
    List<Evaluated> evaluatedDecisions,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    long elementInstanceKey,
    String elementId)
    implements RecordValue {

  /** An evaluated decision with its definition key and version. */
  public record Evaluated(
      long decisionKey, int decisionVersion, DecisionOutcome.EvaluatedDecision detail) {}
}
