package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.processing.behavior.DecisionBehavior;
import fr.secondevie.engine.record.DecisionValue;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.Collections;
import java.util.List;

/**
 * Business rule task: evaluates the called decision (latest version) with every variable visible
 * from the task and stores the output in the result variable; the job-based variant behaves like a
 * service task.
 */
final class BusinessRuleTaskBehavior extends ActivityBehavior {

  private final DecisionBehavior decisions;

  BusinessRuleTaskBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
    this.decisions = new DecisionBehavior(bpmn.ctx());
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    if (instance.element().job() != null) {
      return prepareJob(instance);
    }
    var state = bpmn.ctx().state();
    Either<String> decisionId =
        bpmn.ctx()
            .expressions()
            .evaluateString(
                instance.element().calledDecisionId(), state.variables().lookup(instance.key()));
    if (!decisionId.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.EXTRACT_VALUE_ERROR, decisionId.failure());
      return null;
    }
    DecisionValue decision = state.definitions().latestDecision(decisionId.value());
    if (decision == null) {
      bpmn.incidents()
          .raise(
              instance,
              ErrorType.CALLED_DECISION_ERROR,
              "Expected to evaluate decision '"
                  + decisionId.value()
                  + "', but no decision found for id '"
                  + decisionId.value()
                  + "'");
      return null;
    }
    DecisionBehavior.Evaluation evaluation =
        decisions.evaluate(
            decision, state.variables().visible(instance.key(), List.of()), instance);
    if (evaluation.isFailure()) {
      bpmn.incidents()
          .raise(
              instance,
              ErrorType.DECISION_EVALUATION_ERROR,
              "Expected to evaluate decision '"
                  + decision.decisionId()
                  + "', but failed to evaluate decision '"
                  + evaluation.value().failedDecisionId()
                  + "': "
                  + evaluation.value().failureMessage());
      return null;
    }
    return () -> {
      bpmn.variables()
          .applyResult(
              instance,
              Collections.singletonMap(
                  instance.element().resultVariable(), evaluation.value().output()));
      passThrough(instance).run();
    };
  }

  @Override
  protected void release(ElementInstance instance) {
    bpmn.jobs().cancel(instance);
  }
}
