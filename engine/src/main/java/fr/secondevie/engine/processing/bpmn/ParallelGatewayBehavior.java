package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.state.ElementInstance;

/**
 * Parallel gateway: forks on every outgoing flow. Joining is done by the lifecycle, which activates
 * the gateway only once every incoming flow was taken.
 */
final class ParallelGatewayBehavior implements BpmnElementBehavior {

  private final BpmnBehaviors bpmn;

  ParallelGatewayBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public void onActivate(ElementInstance instance) {
    if (bpmn.listenerJobs().awaitStart(instance)) {
      return; // a start listener runs first
    }
    bpmn.lifecycle().activated(instance);
    bpmn.lifecycle().complete(instance);
  }

  @Override
  public void onComplete(ElementInstance instance) {
    bpmn.lifecycle().completed(instance);
  }

  @Override
  public void onTerminate(ElementInstance instance) {}
}
