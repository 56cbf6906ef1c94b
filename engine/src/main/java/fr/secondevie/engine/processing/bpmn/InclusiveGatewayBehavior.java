package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableFlow;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.ArrayList;
import java.util.List;

/**
 * Inclusive gateway: forks on every outgoing flow whose condition is true, else on the default flow
 * (whose condition is not evaluated); with neither, or a condition that is not a boolean, it raises
 * a CONDITION_ERROR incident (resolving it evaluates the conditions again). Joining is done by the
 * lifecycle, which activates the gateway once no other token of its scope can still reach one of
 * its incoming flows without a token.
 */
final class InclusiveGatewayBehavior implements BpmnElementBehavior {

  private final BpmnBehaviors bpmn;

  InclusiveGatewayBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public void onActivate(ElementInstance instance) {
    if (bpmn.listenerJobs().awaitStart(instance)) {
      return; // a start listener runs first
    }
    Either<List<ExecutableFlow>> flows = chooseFlows(instance);
    if (!flows.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.CONDITION_ERROR, flows.failure());
      return;
    }
    bpmn.lifecycle().activated(instance);
    bpmn.ctx()
        .write(
            instance.key(),
            ValueType.PROCESS_INSTANCE,
            Intent.ELEMENT_COMPLETING,
            instance.value());
    bpmn.lifecycle().completedTaking(instance, flows.value());
  }

  private Either<List<ExecutableFlow>> chooseFlows(ElementInstance instance) {
    ExecutableElement gateway = instance.element();
    List<ExecutableFlow> outgoing = gateway.outgoing();
    if (outgoing.size() <= 1 && (outgoing.isEmpty() || outgoing.get(0).condition() == null)) {
      return Either.ok(outgoing); // a pure join, or an implicit end of its scope
    }
    VariableLookup variables = bpmn.ctx().state().variables().lookup(instance.key());
    List<ExecutableFlow> taken = new ArrayList<>();
    for (ExecutableFlow flow : outgoing) {
      if (flow == gateway.defaultFlow()) {
        continue;
      }
      if (flow.condition() == null) {
        taken.add(flow);
        continue;
      }
      Either<Boolean> condition =
          bpmn.ctx().expressions().evaluateBoolean(flow.condition(), variables);
      if (!condition.isOk()) {
        return Either.fail(condition.failure());
      }
      if (condition.value()) {
        taken.add(flow);
      }
    }
    if (taken.isEmpty() && gateway.defaultFlow() != null) {
      taken.add(gateway.defaultFlow());
    }
    if (taken.isEmpty()) {
      return Either.fail(
          "Expected at least one condition to evaluate to true, or to have a default flow");
    }
    return Either.ok(taken);
  }

  @Override
  public void onComplete(ElementInstance instance) {
    bpmn.lifecycle().completed(instance);
  }

  @Override
  public void onTerminate(ElementInstance instance) {}
}
