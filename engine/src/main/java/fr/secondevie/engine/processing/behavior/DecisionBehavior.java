package fr.secondevie.engine.processing.behavior;

import fr.secondevie.engine.dmn.DecisionOutcome;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.record.DecisionEvaluationValue;
import fr.secondevie.engine.record.DecisionRequirementsValue;
import fr.secondevie.engine.record.DecisionValue;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a deployed decision and records the evaluation (output, evaluated inputs, matched
 * rules) so that decision instances can be searched later. The record key is the
 * decisionEvaluationKey, also returned as decisionInstanceKey by EvaluateDecision.
 */
public final class DecisionBehavior {

  /** A recorded evaluation: its key and value. */
  public record Evaluation(long key, DecisionEvaluationValue value) {
    public boolean isFailure() {
      return value.failureMessage() != null;
    }
  }

  private final EngineContext ctx;

  public DecisionBehavior(EngineContext ctx) {
    this.ctx = ctx;
  }

  public Evaluation evaluate(
      DecisionValue decision, Map<String, Object> variables, ElementInstance instance) {
    DecisionRequirementsValue drg =
        ctx.state().definitions().decisionRequirements(decision.decisionRequirementsKey());
    DecisionOutcome outcome =
        ctx.decisions().evaluate(drg.parsed().dmn(), decision.decisionId(), variables);
    List<DecisionEvaluationValue.Evaluated> evaluated = new ArrayList<>();
    for (DecisionOutcome.EvaluatedDecision detail : outcome.evaluatedDecisions()) {
      DecisionValue definition =
          ctx.state().definitions().decisionIn(drg.key(), detail.decisionId());
      evaluated.add(
          new DecisionEvaluationValue.Evaluated(
              definition == null ? -1 : definition.key(),
              definition == null ? -1 : definition.version(),
              detail));
    }
    DecisionEvaluationValue value =
        new DecisionEvaluationValue(
            decision.key(),
            decision.decisionId(),
            decision.name(),
            decision.version(),
            decision.decisionRequirementsId(),
            decision.decisionRequirementsKey(),
            outcome.output(),
            outcome.failedDecisionId(),
            outcome.failureMessage(),
            List.copyOf(evaluated),
            instance == null ? -1 : instance.processInstanceKey(),
            instance == null ? -1 : instance.value().processDefinitionKey(),
            instance == null ? "" : instance.value().bpmnProcessId(),
            instance == null ? -1 : instance.key(),
            instance == null ? "" : instance.element().id());
    long key = ctx.nextKey();
    ctx.write(
        key,
        ValueType.DECISION_EVALUATION,
        outcome.isFailure() ? Intent.FAILED : Intent.EVALUATED,
        value);
    return new Evaluation(key, value);
  }
}
