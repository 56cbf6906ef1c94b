package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.state.ElementInstance;

/** Receive task: waits for its message; completes with the message's variables. */
final class ReceiveTaskBehavior extends ActivityBehavior {

  ReceiveTaskBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    return () -> bpmn.lifecycle().activated(instance);
  }

  @Override
  protected boolean subscribesItself(ElementInstance instance) {
    return true;
  }
}
