package fr.secondevie.engine.rest;

import static fr.secondevie.engine.rest.RestEngine.CLIENT;
import static fr.secondevie.engine.rest.RestEngine.CLOCK;
import static fr.secondevie.engine.rest.RestEngine.management;
import static fr.secondevie.engine.rest.RestEngine.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.secondevie.engine.rest.RestEngine.Answer;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.Job;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import io.camunda.client.api.statistics.response.ProcessElementStatistics;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The REST endpoints through the unchanged {@code camunda-client-java} preferring REST, for what
 * the Camunda Process Test suites do not reach. Checks
 * https://docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/specifications/.
 */
class RestEndpointsTest {

  private static final AtomicInteger IDS = new AtomicInteger();

  @AfterEach
  void resetClock() {
    CLOCK.reset();
  }

  @Test
  void shouldServeTopologyStatusAndClock() {
    assertThat(CLIENT.newTopologyRequest().send().join().getBrokers())
        .singleElement()
        .satisfies(b -> assertThat(b.getPartitions()).singleElement());
    assertThat(rest("GET", "/v2/topology", null).json().get("lastCompletedChangeId").isTextual())
        .isTrue();
    assertThat(rest("GET", "/v2/status", null).status()).isEqualTo(204);
    assertThat(CLIENT.newStatusRequest().send().join().getStatus().name()).isEqualTo("UP");

    // the REST clock
    CLIENT.newPinClockCommand().time(Instant.parse("2032-02-02T10:00:00Z")).send().join();
    assertThat(CLOCK.instant()).isEqualTo(Instant.parse("2032-02-02T10:00:00Z"));
    CLIENT.newResetClockCommand().send().join();
    assertThat(CLOCK.instant()).isBefore(Instant.parse("2032-01-01T00:00:00Z"));

    // the management clock
    Answer clock = management("GET", "/actuator/clock", null);
    assertThat(clock.json().get("epochMilli").asLong()).isPositive();
    assertThat(Instant.parse(clock.json().get("instant").asText())).isNotNull();
    Answer added = management("POST", "/actuator/clock/add", "{\"offsetMilli\":3600000}");
    assertThat(added.json().get("epochMilli").asLong())
        .isGreaterThanOrEqualTo(clock.json().get("epochMilli").asLong() + 3_600_000);
    assertThat(management("DELETE", "/actuator/clock", null).status()).isEqualTo(200);
    assertThat(CLOCK.millis()).isLessThan(added.json().get("epochMilli").asLong());
  }

  @Test
  void shouldDeployAtomicallyOverMultipart() {
    String processId = unique("atomic");
    assertThatThrownBy(
            () ->
                CLIENT
                    .newDeployResourceCommand()
                    .addProcessModel(serviceTask(processId, "t"), processId + ".bpmn")
                    .addResourceStringUtf8("<not-bpmn/>", "broken.bpmn")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(400));
    assertThat(
            CLIENT
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(processId))
                .send()
                .join()
                .items())
        .isEmpty();

    DeploymentEvent deployment =
        CLIENT
            .newDeployResourceCommand()
            .addProcessModel(serviceTask(processId, "t"), processId + ".bpmn")
            .addResourceFromClasspath("fixtures/dish.dmn")
            .addResourceFromClasspath("fixtures/review.form")
            .send()
            .join();
    assertThat(deployment.getProcesses()).singleElement();
    assertThat(deployment.getDecisions()).isNotEmpty();
    assertThat(deployment.getDecisionRequirements()).isNotEmpty();
    assertThat(deployment.getForm()).isNotEmpty();
  }

  @Test
  void shouldServeDefinitionsXmlAndStartForm() {
    String processId = unique("start-form");
    CLIENT
        .newDeployResourceCommand()
        .addResourceFromClasspath("fixtures/review.form")
        .send()
        .join();
    long key =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .name("With start form")
                .startEvent()
                .zeebeFormId("review-form")
                .endEvent()
                .done());

    var definition = CLIENT.newProcessDefinitionGetRequest(key).send().join();
    assertThat(definition.getProcessDefinitionId()).isEqualTo(processId);
    assertThat(definition.getName()).isEqualTo("With start form");
    assertThat(CLIENT.newProcessDefinitionGetXmlRequest(key).send().join()).contains(processId);
    Answer xml = rest("GET", "/v2/process-definitions/" + key + "/xml", null);
    assertThat(xml.contentType()).startsWith("text/xml");
    assertThat(CLIENT.newProcessDefinitionGetFormRequest(key).send().join().getFormId())
        .isEqualTo("review-form");
    assertThat(
            rest(
                    "POST",
                    "/v2/process-definitions/search",
                    "{\"filter\":{\"hasStartForm\":true,\"processDefinitionId\":\""
                        + processId
                        + "\"}}")
                .json()
                .at("/page/totalItems")
                .asLong())
        .isEqualTo(1);
    assertThat(CLIENT.newResourceGetRequest(key).send().join().getResourceId())
        .isEqualTo(processId);

    CLIENT.newDeployResourceCommand().addResourceFromClasspath("fixtures/dish.dmn").send().join();
    var decision =
        CLIENT
            .newDecisionDefinitionSearchRequest()
            .filter(f -> f.decisionDefinitionId("dish"))
            .send()
            .join()
            .items()
            .get(0);
    assertThat(
            CLIENT
                .newDecisionDefinitionGetRequest(decision.getDecisionKey())
                .send()
                .join()
                .getDmnDecisionName())
        .isEqualTo("Dish");
    assertThat(CLIENT.newDecisionDefinitionGetXmlRequest(decision.getDecisionKey()).send().join())
        .contains("dish-table");
    var drg =
        CLIENT
            .newDecisionRequirementsSearchRequest()
            .filter(f -> f.decisionRequirementsId("dish-drg"))
            .send()
            .join()
            .items()
            .get(0);
    assertThat(
            CLIENT
                .newDecisionRequirementsGetRequest(drg.getDecisionRequirementsKey())
                .send()
                .join()
                .getDmnDecisionRequirementsName())
        .isEqualTo("Dish DRG");
    assertThat(
            CLIENT
                .newDecisionRequirementsGetXmlRequest(drg.getDecisionRequirementsKey())
                .send()
                .join())
        .contains("dish-drg");
  }

  @Test
  void shouldCreateAwaitingCompletionAndLongPollJobs() {
    String processId = unique("await");
    String type = processId + ".work";
    deploy(serviceTask(processId, type));

    // a long poll waiting before the job exists
    CompletableFuture<List<ActivatedJob>> poll =
        CLIENT
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(10))
            .send()
            .toCompletableFuture()
            .thenApply(r -> r.getJobs());
    CompletableFuture<ProcessInstanceResult> result =
        CLIENT
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .variables(Map.of("a", 1))
            .withResult()
            .fetchVariables("a", "b")
            .requestTimeout(Duration.ofSeconds(10))
            .send()
            .toCompletableFuture();

    ActivatedJob job = poll.join().get(0);
    CLIENT.newUpdateJobCommand(job).updateTimeout(Duration.ofMinutes(10)).send().join();
    List<Job> jobs =
        CLIENT.newJobSearchRequest().filter(f -> f.jobKey(job.getKey())).send().join().items();
    assertThat(jobs).singleElement().satisfies(j -> assertThat(j.getType()).isEqualTo(type));
    CLIENT.newCompleteCommand(job).variables(Map.of("b", 2, "c", 3)).send().join();

    assertThat(result.join().getVariablesAsMap()).isEqualTo(Map.of("a", 1, "b", 2));
  }

  @Test
  void shouldManageUserTasksAndTheirVariables() {
    String processId = unique("tasks");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .userTask(
                "check",
                u ->
                    u.zeebeUserTask()
                        .zeebeAssignee("anna")
                        .zeebeInputExpression("\"inner\"", "level")
                        .zeebeInputExpression("1", "local"))
            .endEvent()
            .done());
    long instance =
        start(processId, Map.of("level", "outer", "global", true)).getProcessInstanceKey();
    UserTask task =
        await()
            .until(
                () ->
                    CLIENT
                        .newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(instance))
                        .send()
                        .join()
                        .items(),
                items -> !items.isEmpty())
            .get(0);

    assertThatThrownBy(
            () ->
                CLIENT
                    .newAssignUserTaskCommand(task.getUserTaskKey())
                    .assignee("bob")
                    .allowOverride(false)
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(409));
    CLIENT.newUnassignUserTaskCommand(task.getUserTaskKey()).send().join();
    assertThat(CLIENT.newUserTaskGetRequest(task.getUserTaskKey()).send().join().getAssignee())
        .isNull();
    CLIENT
        .newUpdateUserTaskCommand(task.getUserTaskKey())
        .candidateGroups(List.of("ops"))
        .dueDate("2031-05-01T12:00:00+02:00")
        .send()
        .join();
    UserTask updated = CLIENT.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
    assertThat(updated.getCandidateGroups()).containsExactly("ops");
    assertThat(updated.getDueDate()).isEqualTo("2031-05-01T12:00:00+02:00");
    assertThat(
            CLIENT
                .newUserTaskSearchRequest()
                .filter(f -> f.candidateGroup("ops").processInstanceKey(instance))
                .send()
                .join()
                .items())
        .hasSize(1);
    assertThat(rest("GET", "/v2/user-tasks/" + task.getUserTaskKey() + "/form", null).status())
        .isEqualTo(204);

    // variables visible from the task: its locals hide the instance's
    List<Variable> visible =
        CLIENT.newUserTaskVariableSearchRequest(task.getUserTaskKey()).send().join().items();
    assertThat(visible)
        .extracting(Variable::getName, Variable::getValue)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("level", "\"inner\""),
            org.assertj.core.groups.Tuple.tuple("local", "1"),
            org.assertj.core.groups.Tuple.tuple("global", "true"));
    assertThat(
            CLIENT
                .newUserTaskVariableSearchRequest(task.getUserTaskKey())
                .filter(f -> f.name("global"))
                .send()
                .join()
                .items())
        .singleElement();
  }

  @Test
  void shouldTruncateLongVariableValuesInSearches() {
    String processId = unique("big");
    deploy(serviceTask(processId, processId + ".work"));
    String big = "y".repeat(9_000);
    long instance = start(processId, Map.of("big", big)).getProcessInstanceKey();

    Variable truncated =
        CLIENT
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(instance).name("big"))
            .send()
            .join()
            .items()
            .get(0);
    assertThat(truncated.isTruncated()).isTrue();
    assertThat(truncated.getValue()).hasSize(8191);
    assertThat(CLIENT.newVariableGetRequest(truncated.getVariableKey()).send().join().getValue())
        .isEqualTo("\"" + big + "\"");
    Variable full =
        CLIENT
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(instance).name("big"))
            .withFullValues()
            .send()
            .join()
            .items()
            .get(0);
    assertThat(full.isTruncated()).isFalse();
    assertThat(full.getValue()).isEqualTo("\"" + big + "\"");
  }

  @Test
  void shouldAnswerDecisionInstancesWithInputsAndMatchedRules() {
    CLIENT.newDeployResourceCommand().addResourceFromClasspath("fixtures/dish.dmn").send().join();
    EvaluateDecisionResponse response =
        CLIENT
            .newEvaluateDecisionCommand()
            .decisionId("dish")
            .variables(Map.of("season", "Summer"))
            .send()
            .join();

    DecisionInstance found =
        CLIENT
            .newDecisionInstanceSearchRequest()
            .filter(f -> f.decisionInstanceKey(response.getDecisionInstanceKey()))
            .send()
            .join()
            .items()
            .get(0);
    DecisionInstance instance =
        CLIENT.newDecisionInstanceGetRequest(found.getDecisionInstanceId()).send().join();
    assertThat(instance.getDecisionInstanceId())
        .isEqualTo(response.getDecisionInstanceKey() + "-1");
    assertThat(instance.getResult()).isEqualTo("\"Salad\"");
    assertThat(instance.getEvaluatedInputs())
        .singleElement()
        .satisfies(i -> assertThat(i.getInputValue()).isEqualTo("\"Summer\""));
    assertThat(instance.getMatchedRules())
        .singleElement()
        .satisfies(r -> assertThat(r.getRuleIndex()).isEqualTo(2));
    assertThat(instance.getProcessInstanceKey()).isEqualTo(-1L);
  }

  @Test
  void shouldServeHierarchyFlowsStatisticsAndSubscriptions() {
    String processId = unique("waiting");
    long definition =
        deploy(
            Bpmn.createExecutableProcess(processId)
                .startEvent("start")
                .receiveTask("wait")
                .message(m -> m.name(processId + "-go").zeebeCorrelationKeyExpression("id"))
                .endEvent("end")
                .done());
    long instance = start(processId, Map.of("id", "k-1")).getProcessInstanceKey();
    await()
        .untilAsserted(
            () ->
                assertThat(
                        CLIENT
                            .newMessageSubscriptionSearchRequest()
                            .filter(f -> f.processInstanceKey(instance))
                            .send()
                            .join()
                            .items())
                    .singleElement()
                    .satisfies(s -> assertThat(s.getCorrelationKey()).isEqualTo("k-1")));

    assertThat(CLIENT.newProcessInstanceGetCallHierarchyRequest(instance).send().join())
        .singleElement()
        .satisfies(e -> assertThat(e.getProcessInstanceKey()).isEqualTo(instance));
    assertThat(CLIENT.newProcessInstanceSequenceFlowsRequest(instance).send().join())
        .singleElement();
    List<ProcessElementStatistics> statistics =
        CLIENT.newProcessDefinitionElementStatisticsRequest(definition).send().join();
    assertThat(statistics)
        .filteredOn(s -> s.getElementId().equals("wait"))
        .singleElement()
        .satisfies(s -> assertThat(s.getActive()).isEqualTo(1));
    assertThat(CLIENT.newProcessInstanceElementStatisticsRequest(instance).send().join())
        .filteredOn(s -> s.getElementId().equals("start"))
        .singleElement()
        .satisfies(s -> assertThat(s.getCompleted()).isEqualTo(1));
  }

  @Test
  void shouldServeTheCallHierarchyAndParentKeysOfACalledInstance() {
    String parentId = unique("caller");
    String childId = unique("called");
    deploy(serviceTask(childId, childId + ".work"));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .name("Caller")
            .startEvent()
            .callActivity("call", c -> c.zeebeProcessId(childId))
            .endEvent()
            .done());
    long parent = start(parentId, Map.of()).getProcessInstanceKey();

    var child =
        await()
            .until(
                () ->
                    CLIENT
                        .newProcessInstanceSearchRequest()
                        .filter(f -> f.parentProcessInstanceKey(parent))
                        .send()
                        .join()
                        .items(),
                items -> !items.isEmpty())
            .get(0);
    assertThat(child.getProcessDefinitionId()).isEqualTo(childId);
    assertThat(child.getParentElementInstanceKey()).isPositive();
    assertThat(
            CLIENT
                .newProcessInstanceGetCallHierarchyRequest(child.getProcessInstanceKey())
                .send()
                .join())
        .extracting(e -> e.getProcessInstanceKey())
        .containsExactly(parent, child.getProcessInstanceKey());

    // the signal endpoint answers a key
    assertThat(
            CLIENT
                .newBroadcastSignalCommand()
                .signalName(unique("nobody-waits"))
                .send()
                .join()
                .getKey())
        .isPositive();
  }

  // ---- helpers

  private static String unique(String prefix) {
    return "rest-" + prefix + "-" + IDS.incrementAndGet();
  }

  private static BpmnModelInstance serviceTask(String processId, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .serviceTask("task", t -> t.zeebeJobType(type))
        .endEvent()
        .done();
  }

  private static long deploy(BpmnModelInstance model) {
    String id =
        model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class).stream()
            .findFirst()
            .orElseThrow()
            .getId();
    return CLIENT
        .newDeployResourceCommand()
        .addProcessModel(model, id + ".bpmn")
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  private static ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return CLIENT
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join();
  }
}
