package fr.secondevie.engine.processing;

import fr.secondevie.engine.processing.bpmn.BpmnBehaviors;
import fr.secondevie.engine.processing.bpmn.ErrorBehavior;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.Job;
import java.util.Map;

/**
 * Job commands from workers: complete, fail, throw error, update retries and timeout; and the
 * engine's own: time out an activation, end a retry back-off.
 */
final class JobProcessor {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  JobProcessor(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  Result<Void> complete(long key, Map<String, Object> variables, JobResult result) {
    Job job = ctx.state().jobs().get(key);
    Result<Void> rejection = requireActivated(job, key, "complete");
    if (rejection != null) {
      return rejection;
    }
    if (JobValue.TASK_LISTENER.equals(job.value().kind())) {
      rejection = checkTaskListenerResult(key, job.value(), variables, result);
      if (rejection != null) {
        return rejection;
      }
    }
    ctx.write(key, ValueType.JOB, Intent.COMPLETED, job.value());
    ElementInstance instance = ctx.state().instances().get(job.value().elementInstanceKey());
    if (JobValue.TASK_LISTENER.equals(job.value().kind())) {
      bpmn.taskListeners()
          .listenerCompleted(instance, job.value().userTask().userTaskKey(), result);
      return Result.ok(null);
    }
    if (JobValue.EXECUTION_LISTENER.equals(job.value().kind())) {
      executionListenerCompleted(instance, job.value(), variables);
      return Result.ok(null);
    }
    bpmn.variables().applyResult(instance, variables);
    bpmn.lifecycle().complete(instance);
    return Result.ok(null);
  }

  /**
   * A user task listener job takes no variables; only assigning, updating and completing can be
   * denied; corrected priorities and dates must be valid. Checked before anything is written.
   */
  private static Result<Void> checkTaskListenerResult(
      long key, JobValue job, Map<String, Object> variables, JobResult result) {
    String eventType = job.listenerEventType();
    if (!variables.isEmpty()) {
      return Result.rejected(
          RejectionType.INVALID_ARGUMENT,
          "Expected to complete task listener job with key '"
              + key
              + "' without variables, but variables were given: a user task listener job cannot"
              + " set variables");
    }
    if (result.denied() && "CREATING".equals(eventType)) {
      return Result.rejected(
          RejectionType.INVALID_ARGUMENT,
          "Expected to complete task listener job with key '"
              + key
              + "', but it denies a 'creating' event: only assigning, updating and completing can"
              + " be denied");
    }
    JobResult.Corrections corrections = result.corrections();
    if (corrections == null) {
      return null;
    }
    if (corrections.priority() != null
        && (corrections.priority() < 0 || corrections.priority() > 100)) {
      return Result.rejected(
          RejectionType.INVALID_ARGUMENT,
          "Expected the corrected priority to be a number between 0 and 100, but was "
              + corrections.priority());
    }
    for (String date : new String[] {corrections.dueDate(), corrections.followUpDate()}) {
      if (date != null && !date.isEmpty()) {
        try {
          java.time.ZonedDateTime.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
          return Result.rejected(
              RejectionType.INVALID_ARGUMENT,
              "Expected a corrected date in ISO 8601 format with offset, but was '" + date + "'");
        }
      }
    }
    return null;
  }

  /**
   * A start listener's variables are local to the element; an end listener's are propagated from
   * the element's scope, like its output mappings. The element then goes on with its next listener
   * or its own step.
   */
  private void executionListenerCompleted(
      ElementInstance instance, JobValue job, Map<String, Object> variables) {
    if ("START".equals(job.listenerEventType()) || instance.flowScope() == null) {
      bpmn.variables().setLocal(instance, variables);
    } else {
      bpmn.variables()
          .propagate(instance.loopCounter() > 0 ? instance : instance.flowScope(), variables);
    }
    bpmn.lifecycle().resume(instance);
  }

  Result<Void> fail(
      long key, int retries, String errorMessage, long backoff, Map<String, Object> variables) {
    Job job = ctx.state().jobs().get(key);
    Result<Void> rejection = requireActivated(job, key, "fail");
    if (rejection != null) {
      return rejection;
    }
    long recurAt = retries > 0 && backoff > 0 ? ctx.now() + backoff : -1;
    JobValue failed =
        job.value().failed(retries, errorMessage == null ? "" : errorMessage, recurAt);
    ctx.write(key, ValueType.JOB, Intent.FAILED, failed);
    ElementInstance instance = ctx.state().instances().get(failed.elementInstanceKey());
    bpmn.variables().setLocal(instance, variables);
    if (retries <= 0) {
      ErrorType type =
          switch (failed.kindName()) {
            case JobValue.EXECUTION_LISTENER -> ErrorType.EXECUTION_LISTENER_NO_RETRIES;
            case JobValue.TASK_LISTENER -> ErrorType.TASK_LISTENER_NO_RETRIES;
            default -> ErrorType.JOB_NO_RETRIES;
          };
      bpmn.incidents()
          .raise(
              instance,
              type,
              failed.errorMessage().isEmpty() ? "No more retries left." : failed.errorMessage(),
              key);
    }
    return Result.ok(null);
  }

  Result<Void> throwError(
      long key, String errorCode, String errorMessage, Map<String, Object> variables) {
    Job job = ctx.state().jobs().get(key);
    Result<Void> rejection = requireActivated(job, key, "throw an error for");
    if (rejection != null) {
      return rejection;
    }
    if (job.value().listenerJob()) {
      return Result.rejected(
          RejectionType.INVALID_STATE,
          "Expected to throw an error for job with key '"
              + key
              + "', but it is a "
              + (JobValue.TASK_LISTENER.equals(job.value().kind()) ? "task" : "execution")
              + " listener job: throwing a BPMN error from a listener is not supported");
    }
    String message = errorMessage == null ? "" : errorMessage;
    ctx.write(key, ValueType.JOB, Intent.ERROR_THROWN, job.value().withError(errorCode, message));
    ElementInstance instance = ctx.state().instances().get(job.value().elementInstanceKey());
    if (!bpmn.errors().throwError(instance, errorCode, variables)) {
      bpmn.incidents()
          .raise(
              instance,
              ErrorType.UNHANDLED_ERROR_EVENT,
              ErrorBehavior.uncaughtMessage(errorCode, message),
              key);
    }
    return Result.ok(null);
  }

  Result<Void> updateRetries(long key, int retries) {
    Job job = ctx.state().jobs().get(key);
    if (job == null) {
      return notFound(key, "update retries of");
    }
    if (retries < 1) {
      return Result.rejected(
          RejectionType.INVALID_ARGUMENT,
          "Expected to update retries of job with key '"
              + key
              + "' to a value greater than zero, but it was "
              + retries);
    }
    ctx.write(key, ValueType.JOB, Intent.RETRIES_UPDATED, job.value().withRetries(retries));
    return Result.ok(null);
  }

  Result<Void> updateTimeout(long key, long timeout) {
    Job job = ctx.state().jobs().get(key);
    if (job == null) {
      return notFound(key, "update the timeout of");
    }
    if (job.status() != Job.Status.ACTIVATED) {
      return Result.rejected(
          RejectionType.INVALID_STATE,
          "Expected to update the timeout of job with key '" + key + "', but it is not activated");
    }
    ctx.write(
        key, ValueType.JOB, Intent.TIMEOUT_UPDATED, job.value().withDeadline(ctx.now() + timeout));
    return Result.ok(null);
  }

  /** The activation deadline passed: the job goes back to the workers, retries unchanged. */
  void timeOut(long key) {
    Job job = ctx.state().jobs().get(key);
    if (job != null && job.status() == Job.Status.ACTIVATED) {
      ctx.write(key, ValueType.JOB, Intent.TIMED_OUT, job.value().activated("", -1));
    }
  }

  void recur(long key) {
    Job job = ctx.state().jobs().get(key);
    if (job != null && job.status() == Job.Status.BACKING_OFF) {
      ctx.write(key, ValueType.JOB, Intent.RECURRED_AFTER_BACKOFF, job.value());
    }
  }

  /**
   * Workers may complete, fail or throw an error for a job that is activated or activatable again
   * (its activation timed out and nobody took it yet), as Camunda accepts; a job another worker
   * already completed is gone, so a late command is NOT_FOUND.
   */
  private Result<Void> requireActivated(Job job, long key, String action) {
    if (job == null) {
      return notFound(key, action);
    }
    if (job.status() != Job.Status.ACTIVATED && job.status() != Job.Status.ACTIVATABLE) {
      return Result.rejected(
          RejectionType.INVALID_STATE,
          "Expected to "
              + action
              + " job with key '"
              + key
              + "', but it is in state '"
              + job.status()
              + "'");
    }
    return null;
  }

  private static Result<Void> notFound(long key, String action) {
    return Result.rejected(
        RejectionType.NOT_FOUND,
        "Expected to " + action + " job with key '" + key + "', but no such job was found");
  }
}
