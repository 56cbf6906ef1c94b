package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;

/** Start events (none, message, timer): the instance already exists, so they pass through. */
final class StartEventBehavior implements BpmnElementBehavior {

  private final BpmnBehaviors bpmn;

  StartEventBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public void onActivate(ElementInstance instance) {
    bpmn.lifecycle().activated(instance);
    bpmn.lifecycle().complete(instance);
  }

  @Override
  public void onComplete(ElementInstance instance) {
    Either<Void> outputs = bpmn.variables().applyOutputMappings(instance);
    if (!outputs.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.IO_MAPPING_ERROR, outputs.failure());
      return;
    }
    bpmn.lifecycle().completed(instance);
  }

  @Override
  public void onTerminate(ElementInstance instance) {}
}
