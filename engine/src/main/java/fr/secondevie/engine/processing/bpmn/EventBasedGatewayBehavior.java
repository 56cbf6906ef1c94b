package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;

/**
 * Event-based gateway: opens the timers, message and signal subscriptions of the catch events after
 * it and waits. The first that happens wins: the gateway completes towards it and the others close
 * (see {@link EventTriggerBehavior}).
 */
final class EventBasedGatewayBehavior implements BpmnElementBehavior {

  private final BpmnBehaviors bpmn;

  EventBasedGatewayBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public void onActivate(ElementInstance instance) {
    if (bpmn.listenerJobs().awaitStart(instance)) {
      return; // a start listener runs first
    }
    Either<Void> subscriptions = bpmn.subscriptions().open(instance, false);
    if (!subscriptions.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.EXTRACT_VALUE_ERROR, subscriptions.failure());
      return;
    }
    bpmn.lifecycle().activated(instance);
  }

  @Override
  public void onComplete(ElementInstance instance) {
    bpmn.subscriptions().close(instance);
    bpmn.lifecycle().completed(instance);
  }

  @Override
  public void onTerminate(ElementInstance instance) {
    bpmn.subscriptions().close(instance);
  }
}
