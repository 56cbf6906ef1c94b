package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.processing.behavior.JobBehavior;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;

/**
 * The steps activities share: input mappings, element-specific preparation, boundary event
 * subscriptions, then the element's own start; on completion output mappings and closing the
 * subscriptions. Subclasses say how they prepare and start.
 */
abstract class ActivityBehavior implements BpmnElementBehavior {

  protected final BpmnBehaviors bpmn;

  ActivityBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public final void onActivate(ElementInstance instance) {
    if (!bpmn.listenerJobs().startBegun(instance)) {
      Either<Void> inputs = bpmn.variables().applyInputMappings(instance);
      if (!inputs.isOk()) {
        bpmn.incidents().raise(instance, ErrorType.IO_MAPPING_ERROR, inputs.failure());
        return;
      }
    }
    if (bpmn.listenerJobs().awaitStart(instance)) {
      return; // a start listener runs first
    }
    Runnable start = prepare(instance);
    if (start == null) {
      return; // prepare raised an incident
    }
    Either<Void> subscriptions = bpmn.subscriptions().open(instance, subscribesItself(instance));
    if (!subscriptions.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.EXTRACT_VALUE_ERROR, subscriptions.failure());
      return;
    }
    start.run();
  }

  /**
   * Evaluates what the element needs; returns what starts it, or {@code null} after raising an
   * incident. Must not write what cannot be written twice: the step runs again on resolution.
   */
  protected abstract Runnable prepare(ElementInstance instance);

  /** Whether the element waits for its own timer, message or signal (catch event, receive task). */
  protected boolean subscribesItself(ElementInstance instance) {
    return false;
  }

  @Override
  public void onComplete(ElementInstance instance) {
    if (!applyOutputsAwaitingEndListeners(instance)) {
      bpmn.subscriptions().close(instance);
      bpmn.lifecycle().completed(instance);
    }
  }

  /**
   * Applies the output mappings (once: not again when an end listener completed) and creates the
   * next end listener job; returns whether the element must wait (listener job or incident).
   */
  protected boolean applyOutputsAwaitingEndListeners(ElementInstance instance) {
    return applyOutputsAwaitingEndListeners(bpmn, instance);
  }

  static boolean applyOutputsAwaitingEndListeners(BpmnBehaviors bpmn, ElementInstance instance) {
    if (instance.listenersDone() == 0) {
      Either<Void> outputs = bpmn.variables().applyOutputMappings(instance);
      if (!outputs.isOk()) {
        bpmn.incidents().raise(instance, ErrorType.IO_MAPPING_ERROR, outputs.failure());
        return true;
      }
    }
    return bpmn.listenerJobs().awaitEnd(instance);
  }

  @Override
  public void onTerminate(ElementInstance instance) {
    bpmn.subscriptions().close(instance);
    release(instance);
  }

  /** Releases what the element holds when it is terminated (job, user task). */
  protected void release(ElementInstance instance) {}

  /** Prepares a job-based element: the job is created and the element waits for it. */
  protected Runnable prepareJob(ElementInstance instance) {
    JobBehavior jobs = bpmn.jobs();
    Either<JobValue> job = jobs.prepare(instance);
    if (!job.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.EXTRACT_VALUE_ERROR, job.failure());
      return null;
    }
    return () -> {
      jobs.create(job.value());
      bpmn.lifecycle().activated(instance);
    };
  }

  /** Starts an element that does its work at once and completes. */
  protected Runnable passThrough(ElementInstance instance) {
    return () -> {
      bpmn.lifecycle().activated(instance);
      bpmn.lifecycle().complete(instance);
    };
  }
}
