package fr.secondevie.engine.conformance;

import static fr.secondevie.engine.conformance.DeploymentTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.TaskListenerBuilder;
import io.grpc.Status;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * User task listeners ({@code zeebe:taskListeners}): the lifecycle transition (creating, assigning,
 * updating, completing) waits for its listener jobs, one at a time; their corrections are applied
 * to the task, a denial rejects the request and leaves the task as it was. Checks
 * https://docs.camunda.io/docs/components/concepts/user-task-listeners/ (8.8), through the real
 * client: user task commands over REST, listener jobs over gRPC and, in one case, over REST.
 */
class TaskListenerTest extends ConformanceTest {

  /** A process with one Camunda user task carrying the given listeners. */
  private static BpmnModelInstance userTaskProcess(
      String processId, List<Consumer<TaskListenerBuilder>> listeners) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .userTask(
            "review",
            u -> {
              u.zeebeUserTask().zeebeCandidateGroups("technicians").zeebeTaskHeader("site", "Nord");
              listeners.forEach(u::zeebeTaskListener);
            })
        .endEvent()
        .done();
  }

  private UserTask userTaskOf(long processInstanceKey) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .items()
        .stream()
        .findFirst()
        .orElseThrow();
  }

  private long awaitUserTask(long processInstanceKey) {
    awaitElement(processInstanceKey, "review", "ACTIVE");
    return userTaskOf(processInstanceKey).getUserTaskKey();
  }

  @Test
  void shouldLetCompletingListenerCorrectTheAssigneeBeforeTheTaskCompletes() {
    // given
    String processId = unique("tl-complete");
    String listener = unique("tl-completing");
    deploy(userTaskProcess(processId, List.of(l -> l.completing().type(listener))));
    long key = start(processId).getProcessInstanceKey();
    long taskKey = awaitUserTask(key);

    // when the task is completed, the completion waits for the listener
    CamundaFuture<?> completion =
        client.newCompleteUserTaskCommand(taskKey).variables(Map.of("decision", "reuse")).send();
    ActivatedJob job = activateJob(listener);

    // then the listener job carries the task
    assertThat(job.getKind()).isEqualTo(JobKind.TASK_LISTENER);
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.COMPLETING);
    assertThat(job.getElementId()).isEqualTo("review");
    assertThat(job.getCustomHeaders()).containsEntry("site", "Nord");
    assertThat(job.getUserTask().getUserTaskKey()).isEqualTo(taskKey);
    assertThat(job.getUserTask().getAction()).isEqualTo("complete");
    assertThat(job.getUserTask().getCandidateGroups()).containsExactly("technicians");
    assertThat(job.getUserTask().getPriority()).isEqualTo(50);
    assertThat(completion.toCompletableFuture()).isNotDone();
    assertThat(userTaskOf(key).getState()).isEqualTo(UserTaskState.COMPLETING);

    // when the listener corrects the assignee
    client
        .newCompleteCommand(job.getKey())
        .withResult(r -> r.forUserTask().correctAssignee("tech-7"))
        .send()
        .join();

    // then the completion is answered, the task completed with the correction
    completion.join();
    awaitCompleted(key);
    UserTask task = userTaskOf(key);
    assertThat(task.getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(task.getAssignee()).isEqualTo("tech-7");
    assertThat(variables(key)).containsEntry("decision", "reuse");
  }

  @Test
  void shouldRejectCompletionDeniedByListenerAndKeepTheTaskActive() {
    // given
    String processId = unique("tl-deny");
    String listener = unique("tl-completing");
    deploy(userTaskProcess(processId, List.of(l -> l.completing().type(listener))));
    long key = start(processId).getProcessInstanceKey();
    long taskKey = awaitUserTask(key);
    CamundaFuture<?> completion =
        client.newCompleteUserTaskCommand(taskKey).variables(Map.of("decision", "scrap")).send();

    // when the listener denies it
    client
        .newCompleteCommand(activateJob(listener).getKey())
        .withResult(
            r -> r.forUserTask().correctPriority(90).deny(true, "le rapport d'effacement manque"))
        .send()
        .join();

    // then the client's completion gets Camunda's rejection
    assertThatThrownBy(completion::join)
        .isInstanceOf(ProblemException.class)
        .satisfies(
            e -> {
              ProblemException problem = (ProblemException) e;
              assertThat(problem.code()).isEqualTo(409);
              assertThat(problem.details().getTitle()).isEqualTo("INVALID_STATE");
              assertThat(problem.details().getDetail())
                  .isEqualTo(
                      "Command 'COMPLETE' rejected with code 'INVALID_STATE': Completion of the"
                          + " User Task with key '"
                          + taskKey
                          + "' was denied by Task Listener. Reason to deny: 'le rapport"
                          + " d'effacement manque'");
            });
    // and the task stays active as it was, its correction discarded, the variables not set
    UserTask task = userTaskOf(key);
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getPriority()).isEqualTo(50);
    assertThat(element(key, "review").state()).isEqualTo("ACTIVE");
    assertThat(variables(key)).doesNotContainKey("decision");

    // when completed again and accepted
    CamundaFuture<?> again = client.newCompleteUserTaskCommand(taskKey).send();
    client.newCompleteCommand(activateJob(listener).getKey()).send().join();

    // then
    again.join();
    awaitCompleted(key);
  }

  @Test
  void shouldRunAssigningListenersInOrderEachSeeingThePreviousCorrections() {
    // given
    String processId = unique("tl-assign");
    String first = unique("tl-assign-1");
    String second = unique("tl-assign-2");
    deploy(
        userTaskProcess(
            processId, List.of(l -> l.assigning().type(first), l -> l.assigning().type(second))));
    long key = start(processId).getProcessInstanceKey();
    long taskKey = awaitUserTask(key);

    // when the task is assigned and the first listener corrects the priority
    CamundaFuture<?> assignment =
        client.newAssignUserTaskCommand(taskKey).assignee("tech-1").action("claim").send();
    ActivatedJob firstJob = activateJob(first);
    assertThat(firstJob.getListenerEventType()).isEqualTo(ListenerEventType.ASSIGNING);
    assertThat(firstJob.getUserTask().getAssignee()).isEqualTo("tech-1");
    assertThat(firstJob.getUserTask().getAction()).isEqualTo("claim");
    assertThat(firstJob.getUserTask().getChangedAttributes()).containsExactly("assignee");
    assertThat(activateJobsNow(second)).isEmpty();
    client
        .newCompleteCommand(firstJob.getKey())
        .withResult(r -> r.forUserTask().correctPriority(80))
        .send()
        .join();

    // then the second listener sees the correction
    ActivatedJob secondJob = activateJob(second);
    assertThat(secondJob.getUserTask().getPriority()).isEqualTo(80);
    assertThat(secondJob.getUserTask().getChangedAttributes())
        .containsExactlyInAnyOrder("assignee", "priority");
    assertThat(userTaskOf(key).getAssignee()).isNull();

    // when it completes
    client.newCompleteCommand(secondJob.getKey()).send().join();

    // then the assignment is applied with the correction
    assignment.join();
    UserTask task = userTaskOf(key);
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getAssignee()).isEqualTo("tech-1");
    assertThat(task.getPriority()).isEqualTo(80);
  }

  @Test
  void shouldAssignTheModelsAssigneeThroughTheAssigningListenerAfterCreation() {
    // given a user task whose model sets an assignee, with an assigning listener
    String processId = unique("tl-model-assignee");
    String listener = unique("tl-assign");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "review",
                u ->
                    u.zeebeUserTask()
                        .zeebeAssignee("tech-2")
                        .zeebeTaskListener(l -> l.assigning().type(listener)))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();

    // when the task is reached, it is created unassigned and the assignment waits for the listener
    ActivatedJob job = activateJob(listener);
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.ASSIGNING);
    assertThat(job.getUserTask().getAssignee()).isEqualTo("tech-2");
    assertThat(job.getUserTask().getChangedAttributes()).containsExactly("assignee");
    assertThat(userTaskOf(key).getState()).isEqualTo(UserTaskState.ASSIGNING);
    assertThat(userTaskOf(key).getAssignee()).isNull();
    client.newCompleteCommand(job.getKey()).send().join();

    // then
    awaitUserTaskState(key, UserTaskState.CREATED);
    assertThat(userTaskOf(key).getAssignee()).isEqualTo("tech-2");
  }

  @Test
  void shouldLeaveTheTaskUnassignedWhenTheAssignmentIsDenied() {
    // given
    String processId = unique("tl-assign-deny");
    String listener = unique("tl-assign");
    deploy(userTaskProcess(processId, List.of(l -> l.assigning().type(listener))));
    long key = start(processId).getProcessInstanceKey();
    long taskKey = awaitUserTask(key);
    CamundaFuture<?> assignment =
        client.newAssignUserTaskCommand(taskKey).assignee("intérimaire").send();

    // when
    client
        .newCompleteCommand(activateJob(listener).getKey())
        .withResult(r -> r.forUserTask().deny(true, "pas habilité"))
        .send()
        .join();

    // then
    assertThatThrownBy(assignment::join)
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("Assignment of the User Task with key '" + taskKey + "'")
        .hasMessageContaining("Reason to deny: 'pas habilité'");
    assertThat(userTaskOf(key).getAssignee()).isNull();
    assertThat(userTaskOf(key).getState()).isEqualTo(UserTaskState.CREATED);
  }

  @Test
  void shouldCreateTheTaskOnlyAfterItsCreatingListenerWithItsCorrections() {
    // given
    String processId = unique("tl-create");
    String listener = unique("tl-creating");
    deploy(userTaskProcess(processId, List.of(l -> l.creating().type(listener))));
    long key = start(processId).getProcessInstanceKey();

    // when the creating listener's job is activated
    ActivatedJob job = activateJob(listener);

    // then the task is still being created
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.CREATING);
    assertThat(userTaskOf(key).getState()).isEqualTo(UserTaskState.CREATING);
    assertThat(element(key, "review").state()).isEqualTo("ACTIVE");

    // when it corrects the candidate groups and the due date
    client
        .newCompleteCommand(job.getKey())
        .withResult(
            r ->
                r.forUserTask()
                    .correctCandidateGroups(List.of("logistique"))
                    .correctDueDate("2030-03-01T12:00:00+01:00"))
        .send()
        .join();

    // then the task is created with them
    awaitUserTaskState(key, UserTaskState.CREATED);
    UserTask task = userTaskOf(key);
    assertThat(task.getCandidateGroups()).containsExactly("logistique");
    assertThat(task.getDueDate()).isEqualTo(OffsetDateTime.parse("2030-03-01T12:00:00+01:00"));
  }

  @Test
  void shouldLetUpdatingListenerCorrectTheUpdate() {
    // given
    String processId = unique("tl-update");
    String listener = unique("tl-updating");
    deploy(userTaskProcess(processId, List.of(l -> l.updating().type(listener))));
    long key = start(processId).getProcessInstanceKey();
    long taskKey = awaitUserTask(key);

    // when the priority is updated and the listener corrects the follow-up date
    CamundaFuture<?> update = client.newUpdateUserTaskCommand(taskKey).priority(70).send();
    ActivatedJob job = activateJob(listener);
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.UPDATING);
    assertThat(job.getUserTask().getPriority()).isEqualTo(70);
    assertThat(job.getUserTask().getChangedAttributes()).containsExactly("priority");
    client
        .newCompleteCommand(job.getKey())
        .withResult(r -> r.forUserTask().correctFollowUpDate("2030-02-01T08:00:00Z"))
        .send()
        .join();

    // then
    update.join();
    UserTask task = userTaskOf(key);
    assertThat(task.getPriority()).isEqualTo(70);
    assertThat(task.getFollowUpDate()).isEqualTo(OffsetDateTime.parse("2030-02-01T08:00:00Z"));
  }

  @Test
  void shouldRaiseTaskListenerIncidentAndRetryTheListenerOnResolve() {
    // given
    String processId = unique("tl-incident");
    String listener = unique("tl-completing");
    deploy(userTaskProcess(processId, List.of(l -> l.completing().type(listener).retries("1"))));
    long key = start(processId).getProcessInstanceKey();
    long taskKey = awaitUserTask(key);
    CamundaFuture<?> completion = client.newCompleteUserTaskCommand(taskKey).send();

    // when the listener job fails without retries
    ActivatedJob job = activateJob(listener);
    client.newFailCommand(job.getKey()).retries(0).errorMessage("annuaire absent").send().join();

    // then
    IncidentView incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("TASK_LISTENER_NO_RETRIES");
    assertThat(incident.value().elementId()).isEqualTo("review");
    assertThat(incident.value().jobKey()).isEqualTo(job.getKey());

    // when resolved with retries, the listener runs again and the completion goes on
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();
    client.newCompleteCommand(activateJob(listener).getKey()).send().join();

    // then
    completion.join();
    awaitCompleted(key);
  }

  @Test
  void shouldRefuseVariablesAndCreatingDenialFromTaskListenerJobs() {
    // given
    String processId = unique("tl-refuse");
    String listener = unique("tl-creating");
    deploy(userTaskProcess(processId, List.of(l -> l.creating().type(listener))));
    long key = start(processId).getProcessInstanceKey();
    ActivatedJob job = activateJob(listener);

    // when - then
    assertThatThrownBy(
            () -> client.newCompleteCommand(job.getKey()).variables(Map.of("a", 1)).send().join())
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("cannot set variables");
    assertThatThrownBy(
            () ->
                client
                    .newCompleteCommand(job.getKey())
                    .withResult(r -> r.forUserTask().deny(true))
                    .send()
                    .join())
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("'creating'");
    assertThatThrownBy(() -> client.newThrowErrorCommand(job.getKey()).errorCode("E").send().join())
        .satisfies(e -> assertStatus(e, Status.Code.FAILED_PRECONDITION));

    // and the job can still be completed plainly
    client.newCompleteCommand(job.getKey()).send().join();
    awaitUserTaskState(key, UserTaskState.CREATED);
  }

  @Test
  void shouldCancelTheListenerJobAndRejectTheCompletionWhenTheInstanceIsCancelled() {
    // given a completion waiting for its listener
    String processId = unique("tl-cancel");
    String listener = unique("tl-completing");
    deploy(userTaskProcess(processId, List.of(l -> l.completing().type(listener))));
    long key = start(processId).getProcessInstanceKey();
    long taskKey = awaitUserTask(key);
    CamundaFuture<?> completion = client.newCompleteUserTaskCommand(taskKey).send();
    awaitUserTaskState(key, UserTaskState.COMPLETING);

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    awaitState(key, "TERMINATED");
    assertThat(activateJobsNow(listener)).isEmpty();
    assertThatThrownBy(completion::join).isInstanceOf(ProblemException.class);
    assertThat(userTaskOf(key).getState()).isEqualTo(UserTaskState.CANCELED);
  }

  @Test
  void shouldRefuseCancelingListenersAtDeployment() {
    // given
    BpmnModelInstance model =
        userTaskProcess(unique("tl-canceling"), List.of(l -> l.canceling().type("notify")));

    // when - then
    assertThatThrownBy(() -> deploy(model))
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining(
            "Expected an element supported by the embedded engine but found unsupported"
                + " canceling task listener on userTask 'review'");
  }

  @Test
  void shouldServeListenerJobsAndTheirResultsOverRest() {
    // given a client that activates and completes jobs over REST
    String processId = unique("tl-rest");
    String listener = unique("tl-completing");
    deploy(userTaskProcess(processId, List.of(l -> l.completing().type(listener))));
    long key = start(processId).getProcessInstanceKey();
    long taskKey = awaitUserTask(key);
    try (CamundaClient rest =
        CamundaClient.newClientBuilder()
            .preferRestOverGrpc(true)
            .grpcAddress(URI.create("http://localhost:" + EngineExtension.ENGINE.grpcPort()))
            .restAddress(URI.create("http://localhost:" + EngineExtension.ENGINE.restPort()))
            .defaultRequestTimeout(Duration.ofSeconds(10))
            .build()) {
      CamundaFuture<?> completion = rest.newCompleteUserTaskCommand(taskKey).send();

      // when
      ActivatedJob job =
          rest.newActivateJobsCommand()
              .jobType(listener)
              .maxJobsToActivate(1)
              .timeout(Duration.ofMinutes(5))
              .requestTimeout(Duration.ofSeconds(5))
              .send()
              .join()
              .getJobs()
              .get(0);
      assertThat(job.getKind()).isEqualTo(JobKind.TASK_LISTENER);
      assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.COMPLETING);
      assertThat(job.getUserTask().getUserTaskKey()).isEqualTo(taskKey);
      assertThat(job.getUserTask().getCandidateGroups()).containsExactly("technicians");
      rest.newCompleteCommand(job.getKey())
          .withResult(
              r -> r.forUserTask().correctCandidateUsers(List.of("alice")).correctPriority(10))
          .send()
          .join();

      // then
      completion.join();
    }
    awaitCompleted(key);
    UserTask task = userTaskOf(key);
    assertThat(task.getCandidateUsers()).containsExactly("alice");
    assertThat(task.getPriority()).isEqualTo(10);
  }

  private void awaitUserTaskState(long processInstanceKey, UserTaskState state) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> assertThat(userTaskOf(processInstanceKey).getState()).isEqualTo(state));
  }
}
