package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * User, script, send, manual and undefined tasks, embedded sub-processes, terminate end events and
 * job-based throw events. Checks https://docs.camunda.io/docs/components/modeler/bpmn/user-tasks/,
 * https://docs.camunda.io/docs/components/modeler/bpmn/script-tasks/,
 * https://docs.camunda.io/docs/components/modeler/bpmn/embedded-subprocesses/ and
 * https://docs.camunda.io/docs/components/modeler/bpmn/terminate-events/.
 */
class TaskTest extends ConformanceTest {

  /** The user task of the instance, as the REST search shows it. */
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

  @Test
  void shouldCreateUserTaskWithItsDataAndCompleteIt() {
    // given
    String processId = unique("user-task");
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("fixtures/review.form")
        .send()
        .join();
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "collect",
                u ->
                    u.name("Collecter et inspecter")
                        .zeebeUserTask()
                        .zeebeAssignee("tech-1")
                        .zeebeCandidateGroupsExpression("[\"technicians\", team]")
                        .zeebeCandidateUsers("a, b")
                        .zeebeDueDate("2030-01-01T10:00:00Z")
                        .zeebeFollowUpDateExpression("\"2029-12-30T10:00:00+01:00\"")
                        .zeebeFormId("review-form")
                        .zeebeTaskHeader("kind", "inspection"))
            .endEvent()
            .done());
    long key = start(processId, Map.of("team", "north")).getProcessInstanceKey();
    awaitElement(key, "collect", "ACTIVE");

    // then
    UserTask task = userTaskOf(key);
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getName()).isEqualTo("Collecter et inspecter");
    assertThat(task.getAssignee()).isEqualTo("tech-1");
    assertThat(task.getCandidateGroups()).containsExactly("technicians", "north");
    assertThat(task.getCandidateUsers()).containsExactly("a", "b");
    assertThat(task.getDueDate()).isEqualTo(OffsetDateTime.parse("2030-01-01T10:00:00Z"));
    assertThat(task.getFollowUpDate()).isEqualTo(OffsetDateTime.parse("2029-12-30T10:00:00+01:00"));
    assertThat(task.getPriority()).isEqualTo(50);
    assertThat(task.getFormKey()).isPositive();
    // (the task's custom headers are not part of the 8.8 user task search result)

    // when completed with variables, through the client
    client
        .newCompleteUserTaskCommand(task.getUserTaskKey())
        .variables(Map.of("grade", "A"))
        .send()
        .join();

    // then
    awaitCompleted(key);
    assertThat(userTaskOf(key).getState()).isEqualTo(UserTaskState.COMPLETED);
    assertThat(variables(key)).containsEntry("grade", "A");
  }

  @Test
  void shouldCancelUserTaskWhenInterrupted() {
    String processId = unique("user-task-cancel");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask("approve", u -> u.zeebeUserTask().zeebeTaskPriority("80"))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    awaitElement(key, "approve", "ACTIVE");
    assertThat(userTaskOf(key).getPriority()).isEqualTo(80);

    client.newCancelInstanceCommand(key).send().join();

    awaitState(key, "TERMINATED");
    assertThat(userTaskOf(key).getState()).isEqualTo(UserTaskState.CANCELED);
  }

  @Test
  void shouldRunScriptTask() {
    String processId = unique("script");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .scriptTask("sum", s -> s.zeebeExpression("sum(items)").zeebeResultVariable("total"))
            .endEvent()
            .done());

    long key = start(processId, Map.of("items", List.of(1, 2, 3.5))).getProcessInstanceKey();

    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("total", 6.5);
  }

  @Test
  void shouldPassThroughManualAndUndefinedTasksAndNoneThrowEvent() {
    String processId = unique("pass");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .manualTask("manual")
            .task("undefined")
            .intermediateThrowEvent("milestone")
            .endEvent()
            .done());

    long key = start(processId).getProcessInstanceKey();

    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("manual", "undefined", "milestone");
  }

  @Test
  void shouldCreateJobsForSendTaskAndMessageThrowEvents() {
    String processId = unique("send");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .sendTask("send", t -> t.zeebeJobType(type))
            .intermediateThrowEvent("notify", e -> e.message("Notified").zeebeJobType(type))
            .endEvent("reply", e -> e.message("Replied").zeebeJobType(type))
            .done());
    long key = start(processId).getProcessInstanceKey();

    for (String element : List.of("send", "notify", "reply")) {
      ActivatedJob job = activateJob(type);
      assertThat(job.getElementId()).isEqualTo(element);
      client.newCompleteCommand(job.getKey()).send().join();
    }

    awaitCompleted(key);
  }

  @Test
  void shouldScopeSubProcessVariablesAndMapOutputs() {
    String processId = unique("sub");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.zeebeInputExpression("10", "local")
                        .zeebeOutputExpression("local + 1", "result")
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("inner", t -> t.zeebeJobType(type))
                        .endEvent())
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();

    ActivatedJob job = activateJob(type);
    assertThat(job.getVariablesAsMap()).containsEntry("local", 10);
    client.newCompleteCommand(job.getKey()).send().join();

    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("result", 11L).doesNotContainKey("local");
  }

  @Test
  void shouldTerminateOtherBranchesOnTerminateEndEvent() {
    String processId = unique("terminate");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("slow", t -> t.zeebeJobType(type))
            .endEvent("normal-end")
            .moveToNode("fork")
            .endEvent("stop", e -> e.terminate())
            .done());

    long key = start(processId).getProcessInstanceKey();

    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactly("slow");
    assertThat(elements(key, "COMPLETED")).contains("stop");
    assertThat(activateJobsNow(type)).isEmpty();
  }

  @Test
  void shouldRunModelerExportWithFormAndDecision() {
    // given a file as Camunda Modeler saves it, deployed with its form and decision
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("fixtures/modeler-export.bpmn")
        .addResourceFromClasspath("fixtures/review.form")
        .addResourceFromClasspath("fixtures/dish.dmn")
        .send()
        .join();
    long key =
        start("modeler-export", Map.of("assetId", "PC-001", "season", "Winter"))
            .getProcessInstanceKey();

    // when the worker updates the inventory
    ActivatedJob job = activateJob("inventory.update-status");
    assertThat(job.getCustomHeaders()).containsEntry("targetStatus", "DECOMMISSIONING");
    assertThat(job.getVariablesAsMap()).containsEntry("asset", "PC-001");
    client.newCompleteCommand(job.getKey()).variables(Map.of("status", "OK")).send().join();

    // then the decision routes and the user task waits with its form
    awaitElement(key, "review", "ACTIVE");
    assertThat(variables(key))
        .containsEntry("route", "Roastbeef")
        .containsEntry("assetStatus", "OK");
    UserTask task = userTaskOf(key);
    assertThat(task.getCandidateGroups()).containsExactly("asset-managers");
    assertThat(client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getFormId())
        .isEqualTo("review-form");
  }
}
