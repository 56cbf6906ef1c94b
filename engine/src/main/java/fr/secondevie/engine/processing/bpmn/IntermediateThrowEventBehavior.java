package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Intermediate throw events: none passes through; message is a job, like a service task; signal
 * broadcasts its signal with its local variables (from its input mappings) and passes through;
 * escalation throws its code and goes on unless an interrupting catch ends it; link goes on at the
 * link catch event of the same name.
 */
final class IntermediateThrowEventBehavior extends ActivityBehavior {

  IntermediateThrowEventBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    return switch (instance.element().eventKind()) {
      case MESSAGE -> prepareJob(instance);
      case SIGNAL -> prepareSignal(bpmn, instance, passThrough(instance));
      case ESCALATION -> bpmn.escalations().prepare(instance);
      case COMPENSATION -> compensate(bpmn, instance);
      default -> passThrough(instance);
    };
  }

  /**
   * Triggers the compensation of the event's scope; the event completes once every handler it
   * invoked completed, at once when there is nothing to compensate.
   */
  static Runnable compensate(BpmnBehaviors bpmn, ElementInstance instance) {
    return () -> {
      bpmn.lifecycle().activated(instance);
      if (!bpmn.compensations().trigger(instance)) {
        bpmn.lifecycle().complete(instance);
      }
    };
  }

  /**
   * Evaluates the signal name; what it returns broadcasts the signal (after the current step, as
   * Camunda processes the broadcast as a command of its own) and then runs {@code next}.
   */
  static Runnable prepareSignal(BpmnBehaviors bpmn, ElementInstance instance, Runnable next) {
    Either<String> name =
        bpmn.ctx()
            .expressions()
            .evaluateString(
                instance.element().signalName(),
                bpmn.ctx().state().variables().lookup(instance.key()));
    if (!name.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.EXTRACT_VALUE_ERROR, name.failure());
      return null;
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    bpmn.ctx()
        .state()
        .variables()
        .locals(instance.key())
        .forEach((variable, value) -> variables.put(variable, value.value()));
    return () -> {
      bpmn.ctx().followUp(() -> bpmn.triggers().broadcastSignal(name.value(), variables));
      next.run();
    };
  }

  @Override
  public void onComplete(ElementInstance instance) {
    if (instance.element().eventKind() != EventKind.LINK) {
      super.onComplete(instance);
      return;
    }
    if (applyOutputsAwaitingEndListeners(instance)) {
      return;
    }
    bpmn.lifecycle().completedLinking(instance, instance.element().linkTarget());
  }

  @Override
  protected void release(ElementInstance instance) {
    bpmn.jobs().cancel(instance);
  }
}
