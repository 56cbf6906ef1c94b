package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.state.ElementInstance;
import java.util.Map;

/**
 * Throws a BPMN error: searches from the throwing element outwards for an error boundary event with
 * the same code (a catch-all one when none has the code), interrupts that scope and activates the
 * boundary event. Returns whether the error was caught.
 */
public final class ErrorBehavior {

  private final BpmnBehaviors bpmn;

  ErrorBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  public boolean throwError(ElementInstance thrower, String code, Map<String, Object> variables) {
    for (ElementInstance scope = thrower; scope != null; scope = scope.flowScope()) {
      ExecutableElement catchEvent = findCatchEvent(scope.element(), code);
      if (catchEvent != null) {
        bpmn.triggers().triggerBoundary(scope, catchEvent, variables);
        return true;
      }
    }
    return false;
  }

  private static ExecutableElement findCatchEvent(ExecutableElement element, String code) {
    ExecutableElement catchAll = null;
    for (ExecutableElement boundary : element.boundaryEvents()) {
      if (boundary.eventKind() != EventKind.ERROR) {
        continue;
      }
      if (boundary.errorCode() == null) {
        catchAll = catchAll == null ? boundary : catchAll;
      } else if (boundary.errorCode().equals(code)) {
        return boundary;
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
