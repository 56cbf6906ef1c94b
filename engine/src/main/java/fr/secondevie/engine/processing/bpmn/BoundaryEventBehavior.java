package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.state.ElementInstance;

/**
 * Boundary event, activated once triggered: takes the trigger's variables and completes. Message
 * variables are merged like a task's result; error variables are local to the catch event (only its
 * output mappings propagate them), as the Camunda API documents.
 */
final class BoundaryEventBehavior implements BpmnElementBehavior {

  private final BpmnBehaviors bpmn;

  BoundaryEventBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public void onActivate(ElementInstance instance) {
    if (instance.element().eventKind() == EventKind.ERROR) {
      bpmn.variables().setLocal(instance, instance.triggerVariables());
    } else {
      bpmn.variables().applyResult(instance, instance.triggerVariables());
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
