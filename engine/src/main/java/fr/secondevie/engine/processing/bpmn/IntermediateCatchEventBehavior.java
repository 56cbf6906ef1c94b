package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.state.ElementInstance;

/**
 * Intermediate timer, message or signal catch event: opens its subscription and waits; the trigger
 * completes it (with the message's or signal's variables). After an event-based gateway, the
 * gateway waited for it: it completes at once with the trigger's variables. A link catch event
 * passes through.
 */
final class IntermediateCatchEventBehavior extends ActivityBehavior {

  IntermediateCatchEventBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    if (instance.element().afterEventBasedGateway()) {
      return () -> {
        bpmn.variables().applyResult(instance, instance.triggerVariables());
        passThrough(instance).run();
      };
    }
    if (instance.element().eventKind() == EventKind.LINK) {
      return passThrough(instance);
    }
    return () -> bpmn.lifecycle().activated(instance);
  }

  @Override
  protected boolean subscribesItself(ElementInstance instance) {
    return !instance.element().afterEventBasedGateway();
  }
}
