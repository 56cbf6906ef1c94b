package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.state.ElementInstance;
import java.util.List;
import java.util.Map;

/**
 * Throws a BPMN error: searches from the throwing element outwards, scope by scope, for an error
 * event sub-process inside the scope, then an error boundary event attached to it, with the same
 * code (a catch-all one when none has the code); from a called process's top level the search goes
 * on at the call activity. The first match interrupts its scope and runs. Returns whether the error
 * was caught.
 */
public final class ErrorBehavior {

  private final BpmnBehaviors bpmn;

  ErrorBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  public boolean throwError(ElementInstance thrower, String code, Map<String, Object> variables) {
    for (ElementInstance scope = thrower; scope != null; scope = outer(bpmn, scope)) {
      if (!scope.isInterrupted()) {
        ExecutableElement start = findErrorStart(scope.element().eventSubProcesses(), code);
        if (start != null) {
          bpmn.triggers().triggerEventSubProcess(scope, start, variables);
          return true;
        }
      }
      ExecutableElement boundary = findCatchEvent(scope.element().boundaryEvents(), code);
      if (boundary != null) {
        bpmn.triggers().triggerBoundary(scope, boundary, variables);
        return true;
      }
    }
    return false;
  }

  /** The flow scope, or for the top level of a called process its call activity. */
  static ElementInstance outer(BpmnBehaviors bpmn, ElementInstance scope) {
    if (scope.flowScope() != null) {
      return scope.flowScope();
    }
    long callActivity = scope.value().parentElementInstanceKey();
    return callActivity < 0 ? null : bpmn.ctx().state().instances().get(callActivity);
  }

  private static ExecutableElement findErrorStart(
      List<ExecutableElement> eventSubProcesses, String code) {
    return findCatchEvent(
        eventSubProcesses.stream().map(esp -> esp.startEvents().get(0)).toList(), code);
  }

  private static ExecutableElement findCatchEvent(List<ExecutableElement> events, String code) {
    ExecutableElement catchAll = null;
    for (ExecutableElement event : events) {
      if (event.eventKind() != EventKind.ERROR) {
        continue;
      }
      if (event.errorCode() == null) {
        catchAll = catchAll == null ? event : catchAll;
      } else if (event.errorCode().equals(code)) {
        return event;
      }
    }
    return catchAll;
  }

  public static String uncaughtMessage(String code, String message) {
    return "Expected to throw an error event with the code '"
        + code
        + "'"
        + (message == null || message.isEmpty() ? "" : " with message '" + message + "'")
        + ", but it was not caught. No error events are available in the scope.";
  }
}
