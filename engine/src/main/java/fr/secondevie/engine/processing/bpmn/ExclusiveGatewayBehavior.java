package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableFlow;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.List;

/**
 * Exclusive gateway: takes the first outgoing flow whose condition is true, else the default flow;
 * with neither, or a condition that is not a boolean, it raises a CONDITION_ERROR incident
 * (resolving it evaluates the conditions again).
 */
final class ExclusiveGatewayBehavior implements BpmnElementBehavior {

  private final BpmnBehaviors bpmn;

  ExclusiveGatewayBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public void onActivate(ElementInstance instance) {
    if (bpmn.listenerJobs().awaitStart(instance)) {
      return; // a start listener runs first
    }
    Either<ExecutableFlow> flow = chooseFlow(instance);
    if (!flow.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.CONDITION_ERROR, flow.failure());
      return;
    }
    bpmn.lifecycle().activated(instance);
    bpmn.ctx()
        .write(
            instance.key(),
            ValueType.PROCESS_INSTANCE,
            Intent.ELEMENT_COMPLETING,
            instance.value());
    bpmn.lifecycle()
        .completedTaking(instance, flow.value() == null ? List.of() : List.of(flow.value()));
  }

  private Either<ExecutableFlow> chooseFlow(ElementInstance instance) {
    ExecutableElement gateway = instance.element();
    List<ExecutableFlow> outgoing = gateway.outgoing();
    if (outgoing.isEmpty()) {
      return Either.ok(null); // the gateway is an implicit end of its scope
    }
    if (outgoing.size() == 1 && outgoing.get(0).condition() == null) {
      return Either.ok(outgoing.get(0));
    }
    VariableLookup variables = bpmn.ctx().state().variables().lookup(instance.key());
    for (ExecutableFlow flow : outgoing) {
      if (flow == gateway.defaultFlow() || flow.condition() == null) {
        continue;
      }
      Either<Boolean> taken = bpmn.ctx().expressions().evaluateBoolean(flow.condition(), variables);
      if (!taken.isOk()) {
        return Either.fail(taken.failure());
      }
      if (taken.value()) {
        return Either.ok(flow);
      }
    }
    if (gateway.defaultFlow() != null) {
      return Either.ok(gateway.defaultFlow());
    }
    return Either.fail(
        "Expected at least one condition to evaluate to true, or to have a default flow");
  }

  @Override
  public void onComplete(ElementInstance instance) {
    bpmn.lifecycle().completed(instance);
  }

  @Override
  public void onTerminate(ElementInstance instance) {}
}
