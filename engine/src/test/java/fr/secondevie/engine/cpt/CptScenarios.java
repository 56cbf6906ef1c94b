package fr.secondevie.engine.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatDecision;
import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static io.camunda.process.test.api.assertions.ElementSelectors.byId;
import static io.camunda.process.test.api.assertions.ElementSelectors.byName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.CorrelateMessageResponse;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.process.test.api.CamundaAssert;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.process.test.api.mock.JobWorkerMockBuilder.JobWorkerMock;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scenarios every Camunda Process Test suite of this module runs: each assertion family
 * (process instance, element, variable, incident, user task, decision, message) and each helper of
 * the test context ({@code completeJob}, {@code throwBpmnErrorFromJob}, {@code mockJobWorker},
 * {@code mockChildProcess}, {@code mockDmnDecision}, {@code completeUserTask}, {@code
 * increaseTime}, {@code setTime}), and signal broadcast. Subclasses choose the runtime and the
 * transport; CPT injects the client and the context, and purges the runtime and resets its clock
 * after every test, so each test deploys what it uses.
 */
abstract class CptScenarios {

  /** More than the engine's search truncation threshold (8191 characters of JSON text). */
  private static final String BIG_TEXT = "x".repeat(10_000);

  CamundaClient client;
  CamundaProcessTestContext processTestContext;

  @Test
  void processInstanceAndElementAssertions() {
    // given
    deploy(
        Bpmn.createExecutableProcess("order")
            .name("Order")
            .startEvent("start")
            .serviceTask("reserve", t -> t.name("Reserve").zeebeJobType("reserve"))
            .exclusiveGateway("approved")
            .defaultFlow()
            .endEvent("rejected")
            .moveToLastGateway()
            .conditionExpression("= approved")
            .serviceTask("ship", t -> t.name("Ship").zeebeJobType("ship"))
            .endEvent("shipped")
            .done());

    // when
    ProcessInstanceEvent order = start("order", Map.of("approved", true, "order", Map.of("id", 7)));

    // then
    assertThat(order)
        .isCreated()
        .isActive()
        .hasActiveElements("reserve")
        .hasActiveElements(byName("Reserve"))
        .hasActiveElementsExactly("reserve")
        .hasActiveElement("reserve", 1)
        .hasCompletedElements("start")
        .hasNotActivatedElements("ship", "rejected");

    // when
    processTestContext.completeJob("reserve", Map.of("reserved", true));

    // then
    assertThat(order).hasActiveElements(byId("ship")).hasCompletedElement(byName("Reserve"), 1);

    // when
    processTestContext.completeJob("ship");

    // then
    assertThat(order)
        .isCompleted()
        .hasCompletedElementsInOrder("start", "reserve", "approved", "ship", "shipped")
        .hasCompletedElementsInOrder(byName("Reserve"), byName("Ship"))
        .hasCompletedElements("reserve", "ship")
        .hasNotActivatedElements(byId("rejected"))
        .hasNoActiveElements("reserve", "ship")
        .hasNoActiveElements(byName("Reserve"), byId("shipped"))
        .hasVariable("reserved", true)
        .hasVariableNames("approved", "order", "reserved")
        .hasVariables(Map.of("approved", true, "order", Map.of("id", 7)));
    assertThatProcessInstance(ProcessInstanceSelectors.byProcessId("order")).isCompleted();
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(order.getProcessInstanceKey()))
        .hasNoActiveIncidents();

    // when a second instance is cancelled
    ProcessInstanceEvent cancelled = start("order", Map.of("approved", false));
    assertThat(cancelled).hasActiveElements("reserve");
    client.newCancelInstanceCommand(cancelled.getProcessInstanceKey()).send().join();

    // then
    assertThat(cancelled)
        .isTerminated()
        .hasTerminatedElements("reserve")
        .hasTerminatedElement(byName("Reserve"), 1)
        .hasNotActivatedElements("rejected", "ship");
  }

  @Test
  void variableAssertionsGlobalLocalAndTruncated() {
    // given
    deploy(
        Bpmn.createExecutableProcess("customer")
            .startEvent()
            .serviceTask(
                "prepare",
                t ->
                    t.zeebeJobType("prepare")
                        .zeebeInputExpression("customer.name", "customerName")
                        .zeebeInputExpression("\"local\"", "scope"))
            .endEvent()
            .done());

    // when
    ProcessInstanceEvent instance =
        start("customer", Map.of("customer", Map.of("name", "Ada"), "big", BIG_TEXT));

    // then: global variables, one of them longer than the search truncation threshold
    assertThat(instance)
        .hasVariableNames("customer", "big")
        .hasVariable("big", BIG_TEXT)
        .hasVariable("customer", Map.of("name", "Ada"));
    // local variables of the task's scope
    assertThat(instance)
        .hasLocalVariableNames("prepare", "customerName", "scope")
        .hasLocalVariable("prepare", "customerName", "Ada")
        .hasLocalVariable(byId("prepare"), "scope", "local")
        .hasLocalVariables("prepare", Map.of("customerName", "Ada", "scope", "local"));

    // when variables are set on the process instance
    client
        .newSetVariablesCommand(instance.getProcessInstanceKey())
        .variables(Map.of("status", "checked"))
        .send()
        .join();
    processTestContext.completeJob("prepare", Map.of("prepared", 1));

    // then
    assertThat(instance)
        .isCompleted()
        .hasVariable("status", "checked")
        .hasVariable("prepared", 1)
        .hasVariables(Map.of("status", "checked", "big", BIG_TEXT));
  }

  @Test
  void incidentAssertions() {
    // given
    deploy(
        Bpmn.createExecutableProcess("payment")
            .startEvent()
            .serviceTask("charge", t -> t.zeebeJobType("charge").zeebeJobRetries("1"))
            .endEvent()
            .done());
    ProcessInstanceEvent payment = start("payment", Map.of());

    // when the job fails without retries
    ActivatedJob job = activate("charge");
    client.newFailCommand(job).retries(0).errorMessage("card declined").send().join();

    // then
    assertThat(payment).hasActiveIncidents().isActive();
    List<Incident> incidents =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(payment.getProcessInstanceKey()))
            .send()
            .join()
            .items();
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).getErrorMessage()).isEqualTo("card declined");

    // when the incident is resolved after the retries are raised
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();

    // then
    assertThat(payment).hasNoActiveIncidents();
    processTestContext.completeJob("charge");
    assertThat(payment).isCompleted().hasNoActiveIncidents();
  }

  @Test
  void userTaskAssertionsAndCompletion() {
    // given
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("fixtures/review.form")
        .send()
        .join();
    deploy(
        Bpmn.createExecutableProcess("review-order")
            .startEvent()
            .userTask(
                "review",
                u ->
                    u.name("Review order")
                        .zeebeUserTask()
                        .zeebeAssignee("anna")
                        .zeebeCandidateGroups("sales, audit")
                        .zeebeTaskPriority("70")
                        .zeebeDueDate("2030-01-15T10:00:00Z")
                        .zeebeFollowUpDate("2030-01-10T10:00:00Z")
                        .zeebeFormId("review-form"))
            .endEvent("reviewed")
            .done());

    // when
    ProcessInstanceEvent instance = start("review-order", Map.of("orderId", "o-1"));

    // then
    assertThatUserTask(UserTaskSelectors.byElementId("review"))
        .isCreated()
        .hasName("Review order")
        .hasElementId("review")
        .hasAssignee("anna")
        .hasPriority(70)
        .hasCandidateGroup("sales")
        .hasCandidateGroups(List.of("sales", "audit"))
        .hasDueDate("2030-01-15T10:00:00Z")
        .hasFollowUpDate("2030-01-10T10:00:00Z")
        .hasProcessInstanceKey(instance.getProcessInstanceKey());
    UserTask task = userTaskOf(instance.getProcessInstanceKey());
    assertThatUserTask(UserTaskSelectors.byTaskName("Review order"))
        .hasCreationDate(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(task.getCreationDate()));
    assertThat(client.newUserTaskGetFormRequest(task.getUserTaskKey()).send().join().getFormId())
        .isEqualTo("review-form");

    // when the task is reassigned and updated through the API
    client.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("bob").send().join();
    client.newUpdateUserTaskCommand(task.getUserTaskKey()).priority(90).send().join();

    // then
    assertThatUserTask(UserTaskSelectors.byElementId("review", instance.getProcessInstanceKey()))
        .hasAssignee("bob")
        .hasPriority(90);

    // when
    processTestContext.completeUserTask("review", Map.of("approved", true));

    // then
    assertThatUserTask(UserTaskSelectors.byProcessInstanceKey(instance.getProcessInstanceKey()))
        .isCompleted();
    UserTask completed = userTaskOf(instance.getProcessInstanceKey());
    assertThatUserTask(UserTaskSelectors.byElementId("review"))
        .hasCompletionDate(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(completed.getCompletionDate()));
    assertThat(instance).isCompleted().hasVariable("approved", true);

    // when another instance's task is cancelled with its instance
    ProcessInstanceEvent cancelled = start("review-order", Map.of());
    assertThatUserTask(UserTaskSelectors.byProcessInstanceKey(cancelled.getProcessInstanceKey()))
        .isCreated();
    client.newCancelInstanceCommand(cancelled.getProcessInstanceKey()).send().join();

    // then
    assertThatUserTask(UserTaskSelectors.byProcessInstanceKey(cancelled.getProcessInstanceKey()))
        .isCanceled();
  }

  @Test
  void completeUserTaskBySelector() {
    // given
    deploy(
        Bpmn.createExecutableProcess("approval")
            .startEvent()
            .userTask("approve", u -> u.name("Approve").zeebeUserTask())
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start("approval", Map.of());

    // when
    processTestContext.completeUserTask(UserTaskSelectors.byTaskName("Approve"));

    // then
    assertThat(instance).isCompleted().hasCompletedElements("approve");
  }

  @Test
  void decisionAssertions() {
    // given
    client.newDeployResourceCommand().addResourceFromClasspath("fixtures/dish.dmn").send().join();

    // when evaluated on its own
    EvaluateDecisionResponse winter =
        client
            .newEvaluateDecisionCommand()
            .decisionId("dish")
            .variables(Map.of("season", "Winter"))
            .send()
            .join();
    EvaluateDecisionResponse spring =
        client
            .newEvaluateDecisionCommand()
            .decisionId("dish")
            .variables(Map.of("season", "Spring"))
            .send()
            .join();

    // then
    assertThatDecision(winter)
        .isEvaluated()
        .hasOutput("Roastbeef")
        .hasMatchedRules(1)
        .hasNotMatchedRules(2);
    assertThatDecision(spring).isEvaluated().hasNoMatchedRules();

    // when evaluated by a business rule task
    deploy(
        Bpmn.createExecutableProcess("menu")
            .startEvent()
            .businessRuleTask(
                "choose", b -> b.zeebeCalledDecisionId("dish").zeebeResultVariable("meal"))
            .endEvent()
            .done());
    ProcessInstanceEvent menu = start("menu", Map.of("season", "Summer"));

    // then
    assertThat(menu).isCompleted().hasVariable("meal", "Salad");
    assertThatDecision(DecisionSelectors.byId("dish", menu.getProcessInstanceKey()))
        .isEvaluated()
        .hasOutput("Salad")
        .hasMatchedRules(2);
    assertThatDecision(DecisionSelectors.byName("Dish", menu.getProcessInstanceKey()))
        .hasOutput("Salad");
    assertThatDecision(DecisionSelectors.byProcessInstanceKey(menu.getProcessInstanceKey()))
        .hasNotMatchedRules(1);
  }

  @Test
  void messageAssertionsAndCorrelation() {
    // given
    deploy(
        Bpmn.createExecutableProcess("payment-wait")
            .startEvent()
            .receiveTask("wait-payment")
            .message(m -> m.name("PaymentReceived").zeebeCorrelationKeyExpression("orderId"))
            .endEvent()
            .done());
    ProcessInstanceEvent first = start("payment-wait", Map.of("orderId", "o-1"));
    ProcessInstanceEvent second = start("payment-wait", Map.of("orderId", "o-2"));

    // then
    assertThat(first)
        .isWaitingForMessage("PaymentReceived")
        .isWaitingForMessage("PaymentReceived", "o-1")
        .isNotWaitingForMessage("OrderCancelled")
        .isNotWaitingForMessage("PaymentReceived", "o-2");

    // when a message is published
    client
        .newPublishMessageCommand()
        .messageName("PaymentReceived")
        .correlationKey("o-1")
        .variables(Map.of("paid", true))
        .send()
        .join();

    // then
    assertThat(first)
        .hasCorrelatedMessage("PaymentReceived")
        .hasCorrelatedMessage("PaymentReceived", "o-1")
        .isNotWaitingForMessage("PaymentReceived", "o-1")
        .isCompleted()
        .hasVariable("paid", true);

    // when a message is correlated (REST only, not buffered)
    CorrelateMessageResponse correlated =
        client
            .newCorrelateMessageCommand()
            .messageName("PaymentReceived")
            .correlationKey("o-2")
            .send()
            .join();

    // then
    assertThat(correlated.getProcessInstanceKey()).isEqualTo(second.getProcessInstanceKey());
    assertThat(second).hasCorrelatedMessage("PaymentReceived", "o-2").isCompleted();
  }

  @Test
  void messageStartEventCorrelation() {
    // given
    deploy(
        Bpmn.createExecutableProcess("order-placed")
            .startEvent("placed")
            .message("OrderPlaced")
            .serviceTask("confirm", t -> t.zeebeJobType("confirm"))
            .endEvent()
            .done());

    // when
    CorrelateMessageResponse correlated =
        client
            .newCorrelateMessageCommand()
            .messageName("OrderPlaced")
            .withoutCorrelationKey()
            .variables(Map.of("orderId", "o-9"))
            .send()
            .join();

    // then
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(correlated.getProcessInstanceKey()))
        .isActive()
        .hasActiveElements("confirm")
        .hasVariable("orderId", "o-9");
  }

  @Test
  void throwBpmnErrorFromJob() {
    // given
    deploy(
        Bpmn.createExecutableProcess("checkout")
            .startEvent()
            .serviceTask("pay", t -> t.zeebeJobType("pay"))
            .boundaryEvent("payment-failed", b -> b.error("DECLINED"))
            .endEvent("failed")
            .moveToActivity("pay")
            .endEvent("paid")
            .done());
    ProcessInstanceEvent instance = start("checkout", Map.of());

    // when
    processTestContext.throwBpmnErrorFromJob("pay", "DECLINED", Map.of("reason", "limit"));

    // then
    assertThat(instance)
        .isCompleted()
        .hasTerminatedElements("pay")
        .hasCompletedElementsInOrder("payment-failed", "failed")
        .hasNotActivatedElements("paid")
        // the error's variables are local to the catch event (no output mapping here)
        .hasLocalVariable("payment-failed", "reason", "limit");
  }

  @Test
  void mockJobWorkers() {
    // given
    deploy(
        Bpmn.createExecutableProcess("fulfilment")
            .startEvent()
            .serviceTask("calc", t -> t.zeebeJobType("calc"))
            .serviceTask("ship", t -> t.zeebeJobType("ship"))
            .serviceTask("check", t -> t.zeebeJobType("check"))
            .boundaryEvent("invalid", b -> b.error("INVALID"))
            .endEvent("rejected")
            .moveToActivity("check")
            .endEvent("done")
            .done());
    JobWorkerMock calc =
        processTestContext
            .mockJobWorker("calc")
            .withHandler(
                (jobClient, job) ->
                    jobClient
                        .newCompleteCommand(job)
                        .variables(Map.of("total", (Integer) job.getVariablesAsMap().get("n") * 2))
                        .send()
                        .join());
    JobWorkerMock ship =
        processTestContext.mockJobWorker("ship").thenComplete(Map.of("tracking", "T-1"));
    JobWorkerMock check =
        processTestContext
            .mockJobWorker("check")
            .thenThrowBpmnError("INVALID", Map.of("problem", "address"));

    // when
    ProcessInstanceEvent instance = start("fulfilment", Map.of("n", 21));

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder("calc", "ship", "invalid", "rejected")
        .hasVariables(Map.of("total", 42, "tracking", "T-1"))
        .hasLocalVariable("invalid", "problem", "address");
    assertThat(calc.getInvocations()).isEqualTo(1);
    assertThat(ship.getInvocations()).isEqualTo(1);
    assertThat(check.getActivatedJobs()).hasSize(1);
  }

  @Test
  void mockDmnDecision() {
    // given
    deploy(
        Bpmn.createExecutableProcess("risk-check")
            .startEvent()
            .businessRuleTask(
                "assess", b -> b.zeebeCalledDecisionId("risk").zeebeResultVariable("risk"))
            .endEvent()
            .done());

    // when
    processTestContext.mockDmnDecision("risk", Map.of("level", "low", "score", 3));
    ProcessInstanceEvent instance = start("risk-check", Map.of());

    // then
    assertThat(instance).isCompleted().hasVariable("risk", Map.of("level", "low", "score", 3));
    assertThatDecision(DecisionSelectors.byId("risk")).isEvaluated();
  }

  @Test
  void mockChildProcess() {
    // given
    deploy(
        Bpmn.createExecutableProcess("parent")
            .startEvent()
            .callActivity("call-child", c -> c.zeebeProcessId("child"))
            .endEvent("parent-end")
            .done());

    // when
    processTestContext.mockChildProcess("child", Map.of("childResult", "ok", "count", 2));
    ProcessInstanceEvent parent = start("parent", Map.of("input", 1));

    // then
    assertThat(parent)
        .isCompleted()
        .hasCompletedElementsInOrder("call-child", "parent-end")
        .hasVariables(Map.of("childResult", "ok", "count", 2));
    assertThatProcessInstance(
            ProcessInstanceSelectors.byParentProcessInstanceKey(parent.getProcessInstanceKey()))
        .isCompleted()
        .hasCompletedElements("child-end")
        .hasVariable("input", 1);
    assertThatProcessInstance(ProcessInstanceSelectors.byProcessId("child")).isCompleted();
  }

  @Test
  void signalBroadcast() {
    // given
    deploy(
        Bpmn.createExecutableProcess("alarm")
            .startEvent()
            .intermediateCatchEvent("wait-alarm", e -> e.signal("FireAlarm"))
            .endEvent("evacuated")
            .done());
    ProcessInstanceEvent first = start("alarm", Map.of());
    ProcessInstanceEvent second = start("alarm", Map.of());
    assertThat(first).hasActiveElements("wait-alarm");
    assertThat(second).hasActiveElements("wait-alarm");

    // when
    client
        .newBroadcastSignalCommand()
        .signalName("FireAlarm")
        .variables(Map.of("floor", 3))
        .send()
        .join();

    // then every waiting instance caught it
    assertThat(first).isCompleted().hasCompletedElements("evacuated").hasVariable("floor", 3);
    assertThat(second).isCompleted().hasVariable("floor", 3);
  }

  @Test
  void increaseTimeFiresTimers() {
    // given
    deploy(
        Bpmn.createExecutableProcess("reminder")
            .startEvent()
            .intermediateCatchEvent("wait-a-day", e -> e.timerWithDuration("P1D"))
            .endEvent("reminded")
            .done());
    Instant before = processTestContext.getCurrentTime();
    ProcessInstanceEvent instance = start("reminder", Map.of());
    assertThat(instance).hasActiveElements("wait-a-day");

    // when
    processTestContext.increaseTime(Duration.ofDays(1));

    // then
    assertThat(instance).isCompleted().hasCompletedElements("wait-a-day", "reminded");
    assertThat(processTestContext.getCurrentTime())
        .isAfterOrEqualTo(before.plus(Duration.ofDays(1)));
  }

  @Test
  void setTimeFiresTimers() {
    // given
    deploy(
        Bpmn.createExecutableProcess("new-year")
            .startEvent()
            .intermediateCatchEvent("midnight", e -> e.timerWithDate("2031-01-01T00:00:00Z"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start("new-year", Map.of());
    assertThat(instance).hasActiveElements("midnight");

    // when
    processTestContext.setTime(Instant.parse("2031-01-01T00:00:01Z"));

    // then
    assertThat(instance).isCompleted();
    assertThat(processTestContext.getCurrentTime())
        .isBetween(
            Instant.parse("2031-01-01T00:00:01Z"),
            Instant.parse("2031-01-01T00:00:01Z").plus(1, ChronoUnit.HOURS));
  }

  @Test
  void shouldTakeTheFirstMatchingRuleWithEmptyEntriesOnNestedInputs() {
    // given a FIRST table whose empty entries match any value, read from a nested object
    client
        .newDeployResourceCommand()
        .addResourceFromClasspath("fixtures/parcel-insurance.dmn")
        .send()
        .join();

    // when
    EvaluateDecisionResponse cheap = insure(20, "COURIER");
    EvaluateDecisionResponse courier = insure(250, "COURIER");
    EvaluateDecisionResponse expensiveCourier = insure(300, "COURIER");
    EvaluateDecisionResponse post = insure(250, "POST");

    // then the first matching rule gives the output, even when later rules match too
    assertThatDecision(cheap).isEvaluated().hasOutput(false).hasMatchedRules(1);
    assertThatDecision(courier).hasOutput(false).hasMatchedRules(2);
    assertThatDecision(expensiveCourier).hasOutput(true).hasMatchedRules(3);
    assertThatDecision(post).hasOutput(true).hasMatchedRules(3).hasNotMatchedRules(1, 2);
  }

  @Test
  void shouldKeepTheReceiveTaskWaitingWhenItsNonInterruptingTimerFires() {
    // given a receive task with a non-interrupting reminder after six hours
    deploy(
        Bpmn.createExecutableProcess("parcel-tracking")
            .startEvent()
            .receiveTask("await-delivery")
            .name("Await delivery")
            .message(m -> m.name("ParcelDelivered").zeebeCorrelationKeyExpression("parcelId"))
            .boundaryEvent("six-hours", b -> b.cancelActivity(false).timerWithDuration("PT6H"))
            .serviceTask("remind-carrier", t -> t.zeebeJobType("remind-carrier"))
            .moveToActivity("await-delivery")
            .endEvent("delivered")
            .done());
    JobWorkerMock reminder = processTestContext.mockJobWorker("remind-carrier").thenComplete();
    ProcessInstanceEvent instance = start("parcel-tracking", Map.of("parcelId", "p-1"));
    assertThat(instance).hasActiveElements(byName("Await delivery"));

    // when
    processTestContext.increaseTime(Duration.ofHours(7));

    // then the reminder ran and the task still waits for its message
    assertThat(instance)
        .hasCompletedElements("six-hours", "remind-carrier")
        .hasActiveElements("await-delivery")
        .isWaitingForMessage("ParcelDelivered", "p-1")
        .isActive();
    assertThat(reminder.getInvocations()).isEqualTo(1);

    // when
    client
        .newPublishMessageCommand()
        .messageName("ParcelDelivered")
        .correlationKey("p-1")
        .variables(Map.of("signedBy", "Ada"))
        .send()
        .join();

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElements("await-delivery", "delivered")
        .hasCorrelatedMessage("ParcelDelivered", "p-1")
        .hasVariable("signedBy", "Ada");
  }

  @Test
  void shouldRouteAWorkerErrorToAManualTaskOfACandidateGroup() {
    // given an error boundary with a declared code and a manual fallback for a group
    deploy(
        Bpmn.createExecutableProcess("archiving")
            .startEvent("received")
            .serviceTask("archive", t -> t.zeebeJobType("archive"))
            .boundaryEvent("archive-down", b -> b.error("ARCHIVE_DOWN"))
            .userTask("archive-by-hand", u -> u.zeebeUserTask().zeebeCandidateGroups("records"))
            .serviceTask("book", t -> t.zeebeJobType("book"))
            .endEvent("booked")
            .moveToActivity("archive")
            .connectTo("book")
            .done());
    processTestContext
        .mockJobWorker("archive")
        .withHandler(
            (jobClient, job) -> {
              String code =
                  "INV-1".equals(job.getVariablesAsMap().get("invoiceId"))
                      ? "ARCHIVE_DOWN"
                      : "UNKNOWN_CODE";
              jobClient
                  .newThrowErrorCommand(job)
                  .errorCode(code)
                  .errorMessage("down")
                  .send()
                  .join();
            });
    processTestContext.mockJobWorker("book").thenComplete();

    // when
    ProcessInstanceEvent caught = start("archiving", Map.of("invoiceId", "INV-1"));

    // then
    assertThatUserTask(UserTaskSelectors.byElementId("archive-by-hand"))
        .isCreated()
        .hasCandidateGroup("records");

    // when
    processTestContext.completeUserTask(UserTaskSelectors.byElementId("archive-by-hand"));

    // then
    assertThat(caught)
        .isCompleted()
        .hasCompletedElementsInOrder(
            "received", "archive-down", "archive-by-hand", "book", "booked")
        .hasTerminatedElements("archive");

    // when a code no boundary catches is thrown
    ProcessInstanceEvent uncaught = start("archiving", Map.of("invoiceId", "INV-2"));

    // then
    assertThat(uncaught).isActive().hasActiveIncidents().hasActiveElements("archive");
  }

  @Test
  void shouldInterruptAnAssignedUserTaskWhenItsDeadlinePasses() {
    // given a user task assigned by expression, interrupted after five days
    deploy(
        Bpmn.createExecutableProcess("approval-deadline")
            .startEvent("submitted")
            .userTask(
                "approve",
                u -> u.name("Approve").zeebeUserTask().zeebeAssigneeExpression("approver"))
            .boundaryEvent("five-days", b -> b.timerWithDuration("P5D"))
            .serviceTask("auto-approve", t -> t.zeebeJobType("auto-approve"))
            .endEvent("approved")
            .moveToActivity("approve")
            .connectTo("auto-approve")
            .done());
    processTestContext.mockJobWorker("auto-approve").thenComplete(Map.of("auto", true));
    ProcessInstanceEvent instance = start("approval-deadline", Map.of("approver", "zoe"));
    assertThatUserTask(UserTaskSelectors.byElementId("approve")).isCreated().hasAssignee("zoe");
    assertThat(instance).hasActiveElements("approve");

    // when
    processTestContext.increaseTime(Duration.ofDays(5));

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder("submitted", "five-days", "auto-approve", "approved")
        .hasTerminatedElements("approve")
        .hasVariable("auto", true);
    assertThatUserTask(UserTaskSelectors.byElementId("approve")).isCanceled();
  }

  private EvaluateDecisionResponse insure(int value, String carrier) {
    return client
        .newEvaluateDecisionCommand()
        .decisionId("parcel-insurance")
        .variable("parcel", Map.of("value", value, "carrier", Map.of("code", carrier)))
        .send()
        .join();
  }

  // ---- helpers

  @Test
  void assertionsThatMustFailDoFail() {
    // given: an instance waiting at a user task, with x = 1
    deploy(
        Bpmn.createExecutableProcess("negative")
            .startEvent("start")
            .userTask("review", t -> t.name("Review").zeebeUserTask())
            .endEvent("end")
            .done());
    ProcessInstanceEvent instance = start("negative", Map.of("x", 1));
    assertThat(instance).isActive().hasActiveElements("review");
    CamundaAssert.setAssertionTimeout(Duration.ofSeconds(2));
    try {
      // when / then: each false statement about it is reported as a failed assertion
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(instance).isCompleted())
          .isInstanceOf(AssertionError.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> assertThat(instance).hasCompletedElements("end"))
          .isInstanceOf(AssertionError.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> assertThat(instance).hasVariable("x", 2))
          .isInstanceOf(AssertionError.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> assertThat(instance).hasNoActiveIncidents().hasActiveIncidents())
          .isInstanceOf(AssertionError.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> assertThatUserTask(UserTaskSelectors.byTaskName("Approve")).isCreated())
          .isInstanceOf(AssertionError.class);
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () ->
                  assertThatProcessInstance(ProcessInstanceSelectors.byProcessId("missing"))
                      .isActive())
          .isInstanceOf(AssertionError.class);
    } finally {
      CamundaAssert.setAssertionTimeout(CamundaAssert.DEFAULT_ASSERTION_TIMEOUT);
    }

    // then: the true statements still hold
    assertThat(instance).isActive().hasVariable("x", 1);
    assertThatUserTask(UserTaskSelectors.byTaskName("Review")).isCreated();
  }

  void deploy(BpmnModelInstance model) {
    String id =
        model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class).stream()
            .findFirst()
            .orElseThrow()
            .getId();
    client.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
  }

  ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join();
  }

  ActivatedJob activate(String type) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                client
                    .newActivateJobsCommand()
                    .jobType(type)
                    .maxJobsToActivate(1)
                    .requestTimeout(Duration.ofSeconds(1))
                    .send()
                    .join()
                    .getJobs()
                    .stream()
                    .findFirst()
                    .orElse(null),
            job -> job != null);
  }

  UserTask userTaskOf(long processInstanceKey) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .send()
        .join()
        .items()
        .get(0);
  }
}
