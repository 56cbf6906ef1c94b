package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.state.ElementInstance;

/**
 * Start events: the instance (or the event sub-process) already exists, so they pass through. The
 * start event of an event sub-process takes the variables of its trigger: those of a message or a
 * signal are merged like a task's result; those of an error stay local to the start event (only its
 * output mappings propagate them), like an error boundary event's.
 */
final class StartEventBehavior implements BpmnElementBehavior {

  private final BpmnBehaviors bpmn;

  StartEventBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public void onActivate(ElementInstance instance) {
    if (!instance.triggerVariables().isEmpty()) {
      if (instance.element().eventKind() == EventKind.ERROR) {
        bpmn.variables().setLocal(instance, instance.triggerVariables());
      } else {
        bpmn.variables().applyResult(instance, instance.triggerVariables());
      }
    }
    bpmn.lifecycle().activated(instance);
    bpmn.lifecycle().complete(instance);
  }

  @Override
  public void onComplete(ElementInstance instance) {
    if (ActivityBehavior.applyOutputsAwaitingEndListeners(bpmn, instance)) {
      return; // an end listener runs first
    }
    bpmn.lifecycle().completed(instance);
  }

  @Override
  public void onTerminate(ElementInstance instance) {}
}
