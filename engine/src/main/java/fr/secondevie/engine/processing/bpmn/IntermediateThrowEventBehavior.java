package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.state.ElementInstance;

/** Intermediate throw events: none passes through; message is a job, like a service task. */
final class IntermediateThrowEventBehavior extends ActivityBehavior {

  IntermediateThrowEventBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    return instance.element().eventKind() == EventKind.MESSAGE
        ? prepareJob(instance)
        : passThrough(instance);
  }

  @Override
  protected void release(ElementInstance instance) {
    bpmn.jobs().cancel(instance);
  }
}
