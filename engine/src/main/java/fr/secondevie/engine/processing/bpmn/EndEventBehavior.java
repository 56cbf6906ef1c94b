package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * End events: none (the token ends), terminate (ends every other element of its scope, which then
 * completes), error (throws; uncaught, an incident), message (a job, like a service task), signal
 * (broadcasts its signal with its local variables) and escalation (throws its code; uncaught, the
 * token just ends).
 */
final class EndEventBehavior extends ActivityBehavior {

  EndEventBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    return switch (instance.element().eventKind()) {
      case MESSAGE -> prepareJob(instance);
      case ERROR -> prepareError(instance);
      case TERMINATE -> () -> terminateScope(instance);
      case SIGNAL ->
          IntermediateThrowEventBehavior.prepareSignal(bpmn, instance, passThrough(instance));
      case ESCALATION -> bpmn.escalations().prepare(instance);
      case COMPENSATION -> IntermediateThrowEventBehavior.compensate(bpmn, instance);
      default -> passThrough(instance);
    };
  }

  private Runnable prepareError(ElementInstance instance) {
    Either<String> code =
        instance.element().thrownErrorCode() == null
            ? Either.ok("")
            : bpmn.ctx()
                .expressions()
                .evaluateString(
                    instance.element().thrownErrorCode(),
                    bpmn.ctx().state().variables().lookup(instance.key()));
    if (!code.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.EXTRACT_VALUE_ERROR, code.failure());
      return null;
    }
    return () -> {
      if (!bpmn.errors().throwError(instance, code.value(), Map.of())) {
        bpmn.incidents()
            .raise(
                instance,
                ErrorType.UNHANDLED_ERROR_EVENT,
                ErrorBehavior.uncaughtMessage(code.value(), null));
      }
    };
  }

  private void terminateScope(ElementInstance instance) {
    bpmn.lifecycle().activated(instance);
    List<ElementInstance> siblings = new ArrayList<>();
    instance.flowScope().children().forEach(siblings::add);
    for (ElementInstance sibling : siblings) {
      if (sibling != instance) {
        bpmn.lifecycle().terminate(sibling);
      }
    }
    bpmn.lifecycle().complete(instance);
  }

  @Override
  protected void release(ElementInstance instance) {
    bpmn.jobs().cancel(instance);
  }
}
