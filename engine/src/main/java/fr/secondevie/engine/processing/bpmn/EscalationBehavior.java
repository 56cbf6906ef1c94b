package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.List;
import java.util.Map;

/**
 * Escalations, as the Camunda 8.8 "Escalation events" page describes them: an intermediate throw or
 * end event throws its code to the nearest enclosing scope that catches it, by an escalation event
 * sub-process inside the scope or an escalation boundary event attached to it (the same code first,
 * else a catch-all), also across a call activity. It is caught at most once; an interrupting catch
 * terminates the scope, thrower included; otherwise, and when nothing catches it (no incident), the
 * thrower goes on.
 */
final class EscalationBehavior {

  private final BpmnBehaviors bpmn;

  EscalationBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  /** Evaluates the code; what it returns throws the escalation and goes on if not interrupted. */
  Runnable prepare(ElementInstance instance) {
    Either<String> code =
        bpmn.ctx()
            .expressions()
            .evaluateString(
                instance.element().escalationCode(),
                bpmn.ctx().state().variables().lookup(instance.key()));
    if (!code.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.EXTRACT_VALUE_ERROR, code.failure());
      return null;
    }
    return () -> {
      bpmn.lifecycle().activated(instance);
      throwEscalation(instance, code.value());
      if (bpmn.ctx().state().instances().get(instance.key()) == instance && instance.isActive()) {
        bpmn.lifecycle().complete(instance);
      }
    };
  }

  private void throwEscalation(ElementInstance thrower, String code) {
    for (ElementInstance scope = ErrorBehavior.outer(bpmn, thrower);
        scope != null;
        scope = ErrorBehavior.outer(bpmn, scope)) {
      if (!scope.isInterrupted()) {
        ExecutableElement start =
            find(
                scope.element().eventSubProcesses().stream()
                    .map(esp -> esp.startEvents().get(0))
                    .toList(),
                code);
        if (start != null) {
          bpmn.triggers().triggerEventSubProcess(scope, start, Map.of());
          return;
        }
      }
      ExecutableElement boundary = find(scope.element().boundaryEvents(), code);
      if (boundary != null) {
        bpmn.triggers().triggerBoundary(scope, boundary, Map.of());
        return;
      }
    }
  }

  private static ExecutableElement find(List<ExecutableElement> events, String code) {
    ExecutableElement catchAll = null;
    for (ExecutableElement event : events) {
      if (event.eventKind() != EventKind.ESCALATION) {
        continue;
      }
      if (event.escalationCode() == null) {
        catchAll = catchAll == null ? event : catchAll;
      } else if (event.escalationCode().raw().equals(code)) {
        return event;
      }
    }
    return catchAll;
  }
}
