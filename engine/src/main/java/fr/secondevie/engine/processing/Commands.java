package fr.secondevie.engine.processing;

import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.behavior.DecisionBehavior;
import fr.secondevie.engine.processing.bpmn.TaskListenerBehavior;
import fr.secondevie.engine.record.DecisionValue;
import fr.secondevie.engine.state.ElementInstance;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The commands the engine accepts, for the transports (gRPC gateway now, REST next). Each returns a
 * future completed by the processing thread; a rejected command fails its future with a {@link
 * Rejection}. Variables are already-parsed JSON objects.
 */
public final class Commands {

  private final Engine engine;

  Commands(Engine engine) {
    this.engine = engine;
  }

  public CompletableFuture<DeploymentResult> deploy(List<DeploymentResource> resources) {
    return engine.submit(() -> engine.deployments.deploy(resources));
  }

  public CompletableFuture<CreatedInstance> createProcessInstance(
      long processDefinitionKey, String bpmnProcessId, int version, Map<String, Object> vars) {
    return createProcessInstance(processDefinitionKey, bpmnProcessId, version, vars, List.of());
  }

  /** Creates an instance; with start element ids, starts there instead of the none start. */
  public CompletableFuture<CreatedInstance> createProcessInstance(
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      Map<String, Object> vars,
      List<String> startElementIds) {
    return engine.submit(
        () -> {
          Result<ExecutableProcess> process =
              engine.instances.find(processDefinitionKey, bpmnProcessId, version);
          if (process.isRejected()) {
            return Result.rejected(process.rejection().type(), process.rejection().getMessage());
          }
          Result<ElementInstance> created =
              engine.instances.create(process.value(), vars, startElementIds);
          if (created.isRejected()) {
            return Result.rejected(created.rejection().type(), created.rejection().getMessage());
          }
          return Result.ok(created(process.value(), created.value(), null));
        });
  }

  /**
   * Creates an instance and completes when it completes, with the root variables (only the fetched
   * ones unless the list is empty); fails with a {@link java.util.concurrent .TimeoutException}
   * after {@code timeoutMillis}.
   */
  public CompletableFuture<CreatedInstance> createProcessInstanceWithResult(
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      Map<String, Object> vars,
      List<String> fetchVariables,
      long timeoutMillis) {
    CompletableFuture<CreatedInstance> result = new CompletableFuture<>();
    engine.execute(
        () -> {
          Result<ExecutableProcess> process =
              engine.instances.find(processDefinitionKey, bpmnProcessId, version);
          if (process.isRejected()) {
            result.completeExceptionally(process.rejection());
            return;
          }
          Result<ElementInstance> created =
              engine.instances.create(process.value(), vars, List.of());
          if (created.isRejected()) {
            result.completeExceptionally(created.rejection());
            return;
          }
          ElementInstance root = created.value();
          Engine.ResultWaiter waiter =
              new Engine.ResultWaiter(
                  fetchVariables,
                  variables -> result.complete(created(process.value(), root, variables)));
          // registered before the follow-up steps run, so an instance ending at once is seen
          engine.awaitResult(root.key(), waiter);
          engine.schedule(
              () -> {
                if (result.completeExceptionally(
                    new java.util.concurrent.TimeoutException(
                        "Expected the process instance '"
                            + root.key()
                            + "' to complete within "
                            + timeoutMillis
                            + " ms, but it did not"))) {
                  engine.execute(() -> engine.forgetWaiter(root.key(), waiter));
                }
              },
              timeoutMillis);
        });
    return result;
  }

  private static CreatedInstance created(
      ExecutableProcess process, ElementInstance root, Map<String, Object> variables) {
    return new CreatedInstance(
        process.key(), process.bpmnProcessId(), process.version(), root.key(), variables);
  }

  public CompletableFuture<Void> cancelProcessInstance(long processInstanceKey) {
    return engine.submit(() -> engine.instances.cancel(processInstanceKey));
  }

  public CompletableFuture<Long> setVariables(
      long elementInstanceKey, Map<String, Object> variables, boolean local) {
    return engine.submit(() -> engine.instances.setVariables(elementInstanceKey, variables, local));
  }

  /** Activates elements of an ad-hoc sub-process instance (REST ad-hoc activities activation). */
  public CompletableFuture<Void> activateAdHocActivities(
      long adHocKey, List<AdHocActivation> activations, boolean cancelRemaining) {
    return engine.submit(
        () -> engine.instances.activateAdHoc(adHocKey, activations, cancelRemaining));
  }

  public CompletableFuture<Void> resolveIncident(long incidentKey) {
    return engine.submit(() -> engine.incidents.resolve(incidentKey));
  }

  public CompletableFuture<Long> publishMessage(
      String name,
      String correlationKey,
      long timeToLive,
      String messageId,
      Map<String, Object> variables) {
    return engine.submit(
        () -> engine.messages.publish(name, correlationKey, timeToLive, messageId, variables));
  }

  /** Correlates a message without buffering it (REST {@code /messages/correlation}). */
  public CompletableFuture<MessageCorrelation> correlateMessage(
      String name, String correlationKey, Map<String, Object> variables) {
    return engine.submit(() -> engine.messages.correlate(name, correlationKey, variables));
  }

  /**
   * Broadcasts a signal to every element and signal start event waiting for it; returns the
   * signal's key.
   */
  public CompletableFuture<Long> broadcastSignal(String signalName, Map<String, Object> variables) {
    return engine.submit(
        () -> {
          if (signalName == null || signalName.isBlank()) {
            return Result.rejected(
                RejectionType.INVALID_ARGUMENT, "Expected a signal name, but it was blank");
          }
          return Result.ok(engine.bpmn().triggers().broadcastSignal(signalName, variables));
        });
  }

  /**
   * Activates jobs. With {@code requestTimeoutMillis > 0} and no job available, waits (long
   * polling) until a job of the type becomes activatable or the timeout elapses, then answers with
   * what it has (possibly nothing). {@code open} tells whether the caller still listens.
   */
  public CompletableFuture<List<ActivatedJob>> activateJobs(
      ActivatedJob.Request request, long requestTimeoutMillis, BooleanSupplier open) {
    CompletableFuture<List<ActivatedJob>> result = new CompletableFuture<>();
    engine.execute(
        () -> {
          List<ActivatedJob> jobs = engine.dispatcher().activate(request);
          if (!jobs.isEmpty() || requestTimeoutMillis <= 0) {
            result.complete(jobs);
            return;
          }
          JobDispatcher.Poll poll = new JobDispatcher.Poll(request, result::complete, open);
          engine.dispatcher().addPoll(poll);
          engine.schedule(
              () -> engine.execute(() -> engine.dispatcher().expire(poll)), requestTimeoutMillis);
        });
    return result;
  }

  /**
   * Opens a job stream: every job of the type that becomes activatable is activated for it and
   * pushed. Returns what closes the stream.
   */
  public Runnable openJobStream(
      ActivatedJob.Request request, Consumer<ActivatedJob> push, BooleanSupplier open) {
    AtomicBoolean closed = new AtomicBoolean();
    JobDispatcher.Stream stream =
        new JobDispatcher.Stream(request, push, () -> !closed.get() && open.getAsBoolean());
    engine.execute(() -> engine.dispatcher().addStream(stream));
    return () -> {
      closed.set(true);
      engine.execute(() -> engine.dispatcher().removeStream(stream));
    };
  }

  public CompletableFuture<Void> completeJob(long jobKey, Map<String, Object> variables) {
    return completeJob(jobKey, variables, JobResult.NONE);
  }

  /** Completes a job with a worker's result (user task listener jobs: denial, corrections). */
  public CompletableFuture<Void> completeJob(
      long jobKey, Map<String, Object> variables, JobResult result) {
    return engine.submit(() -> engine.jobs.complete(jobKey, variables, result));
  }

  public CompletableFuture<Void> failJob(
      long jobKey, int retries, String errorMessage, long backoffMillis, Map<String, Object> vars) {
    return engine.submit(
        () -> engine.jobs.fail(jobKey, retries, errorMessage, backoffMillis, vars));
  }

  public CompletableFuture<Void> throwError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
    return engine.submit(() -> engine.jobs.throwError(jobKey, errorCode, errorMessage, variables));
  }

  public CompletableFuture<Void> updateJobRetries(long jobKey, int retries) {
    return engine.submit(() -> engine.jobs.updateRetries(jobKey, retries));
  }

  public CompletableFuture<Void> updateJobTimeout(long jobKey, long timeoutMillis) {
    return engine.submit(() -> engine.jobs.updateTimeout(jobKey, timeoutMillis));
  }

  /** Evaluates a decision by key (when positive) or by id (latest version). */
  public CompletableFuture<DecisionBehavior.Evaluation> evaluateDecision(
      long decisionKey, String decisionId, Map<String, Object> variables) {
    return engine.submit(
        () -> {
          var definitions = engine.context().state().definitions();
          DecisionValue decision =
              decisionKey > 0
                  ? definitions.decision(decisionKey)
                  : definitions.latestDecision(decisionId);
          if (decision == null) {
            String what = decisionKey > 0 ? "key '" + decisionKey + "'" : "id '" + decisionId + "'";
            return Result.rejected(
                RejectionType.NOT_FOUND,
                "Expected to evaluate decision with " + what + ", but no decision found");
          }
          return Result.ok(
              new DecisionBehavior(engine.context()).evaluate(decision, variables, null));
        });
  }

  public CompletableFuture<Void> completeUserTask(long userTaskKey, Map<String, Object> vars) {
    return completeUserTask(userTaskKey, vars, null);
  }

  /**
   * Completes a user task; with completing task listeners, answers once they all completed (or
   * fails with the rejection of the one that denied it).
   */
  public CompletableFuture<Void> completeUserTask(
      long userTaskKey, Map<String, Object> vars, String action) {
    return awaitingListeners(
        waiter -> engine.userTasks.complete(userTaskKey, vars, action, waiter));
  }

  public CompletableFuture<Void> assignUserTask(
      long userTaskKey, String assignee, boolean allowOverride) {
    return assignUserTask(userTaskKey, assignee, allowOverride, null);
  }

  /** Assigns a user task; with assigning task listeners, answers once they all completed. */
  public CompletableFuture<Void> assignUserTask(
      long userTaskKey, String assignee, boolean allowOverride, String action) {
    return awaitingListeners(
        waiter -> engine.userTasks.assign(userTaskKey, assignee, allowOverride, action, waiter));
  }

  /**
   * Runs a user task command that may wait for task listeners (its result then says {@code true}):
   * the answer comes when the transition is applied, or as the rejection of a denial.
   */
  private CompletableFuture<Void> awaitingListeners(
      java.util.function.Function<TaskListenerBehavior.Waiter, Result<Boolean>> command) {
    CompletableFuture<Void> answer = new CompletableFuture<>();
    TaskListenerBehavior.Waiter waiter =
        new TaskListenerBehavior.Waiter() {
          @Override
          public void accepted() {
            answer.complete(null);
          }

          @Override
          public void denied(String reason) {
            answer.completeExceptionally(new Rejection(RejectionType.INVALID_STATE, reason));
          }
        };
    engine
        .submit(() -> command.apply(waiter))
        .whenComplete(
            (waiting, error) -> {
              if (error != null) {
                answer.completeExceptionally(error);
              } else if (!waiting) {
                answer.complete(null);
              }
            });
    return answer;
  }

  public CompletableFuture<Void> unassignUserTask(long userTaskKey) {
    return engine.submit(() -> engine.userTasks.unassign(userTaskKey));
  }

  public CompletableFuture<Void> updateUserTask(long userTaskKey, UserTaskUpdate changes) {
    return updateUserTask(userTaskKey, changes, null);
  }

  /** Updates a user task; with updating task listeners, answers once they all completed. */
  public CompletableFuture<Void> updateUserTask(
      long userTaskKey, UserTaskUpdate changes, String action) {
    return awaitingListeners(
        waiter -> engine.userTasks.update(userTaskKey, changes, action, waiter));
  }

  /** Deletes every deployment, instance and record. */
  public CompletableFuture<Void> purge() {
    return engine.submit(
        () -> {
          engine.purge();
          return Result.ok(null);
        });
  }
}
