package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.state.ElementInstance;

/** Manual task and undefined task: nothing to do, the engine passes through. */
final class PassThroughTaskBehavior extends ActivityBehavior {

  PassThroughTaskBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    return passThrough(instance);
  }
}
