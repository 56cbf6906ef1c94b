package fr.secondevie.engine.dmn;

import java.util.List;

/**
 * The result of evaluating a decision: the output (JSON value) when it succeeded, or the failed
 * decision and message; in both cases the decisions evaluated on the way.
 */
public record DecisionOutcome(
    Object output,
    String failedDecisionId,
    String failureMessage,
    List<EvaluatedDecision> evaluatedDecisions) {

  public boolean isFailure() {
    return failureMessage != null;
  }

  /** One evaluated decision with its inputs and matched rules (ruleIndex is 1-based). */
  public record EvaluatedDecision(
      String decisionId,
      String decisionName,
      String decisionType,
      Object output,
      List<EvaluatedInput> inputs,
      List<MatchedRule> matchedRules) {}

  public record EvaluatedInput(String id, String name, Object value) {}

  public record MatchedRule(String ruleId, int ruleIndex, List<EvaluatedOutput> outputs) {}

  public record EvaluatedOutput(String id, String name, Object value) {}
}
