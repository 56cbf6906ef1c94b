package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.state.ElementInstance;

/**
 * Intermediate timer or message catch event: opens its subscription and waits; the trigger
 * completes it (with the message's variables).
 */
final class IntermediateCatchEventBehavior extends ActivityBehavior {

  IntermediateCatchEventBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    return () -> bpmn.lifecycle().activated(instance);
  }

  @Override
  protected boolean subscribesItself() {
    return true;
  }
}
