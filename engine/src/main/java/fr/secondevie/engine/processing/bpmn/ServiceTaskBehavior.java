package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.state.ElementInstance;

/**
 * Service task (and send task, which runs the same way): a job is created on activation and the
 * task completes when a worker completes the job.
 */
final class ServiceTaskBehavior extends ActivityBehavior {

  ServiceTaskBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    return prepareJob(instance);
  }

  @Override
  protected void release(ElementInstance instance) {
    bpmn.jobs().cancel(instance);
  }
}
