package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AdHocSubProcessBuilder;
import io.camunda.zeebe.model.bpmn.instance.Documentation;
import io.camunda.zeebe.model.bpmn.instance.ServiceTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Ad-hoc sub-processes run by the engine (BPMN implementation), through the real client: elements
 * activated from {@code activeElementsCollection} and by the activation command (REST {@code
 * /element-instances/ad-hoc-activities/{key}/activation}) with variables, completion without a
 * condition, with a condition false then true, cancelling or keeping the remaining inner flows, the
 * output collection, a boundary event on the sub-process, and the refusals. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/ad-hoc-subprocesses/ (8.8).
 */
class AdHocSubProcessTest extends ConformanceTest {

  /** A process around an ad-hoc sub-process "tasks" with service tasks A, B, C of own types. */
  private record Fixture(String processId, String typeA, String typeB, String typeC) {

    static Fixture create() {
      return new Fixture(unique("ad-hoc"), unique("a"), unique("b"), unique("c"));
    }

    BpmnModelInstance model(Consumer<AdHocSubProcessBuilder> adHoc) {
      return Bpmn.createExecutableProcess(processId)
          .startEvent()
          .adHocSubProcess(
              "tasks",
              a -> {
                a.serviceTask("A", t -> t.zeebeJobType(typeA));
                a.serviceTask("B", t -> t.zeebeJobType(typeB));
                a.serviceTask("C", t -> t.zeebeJobType(typeC));
                adHoc.accept(a);
              })
          .endEvent("done")
          .done();
    }
  }

  private long adHocKey(long processInstanceKey) {
    awaitElement(processInstanceKey, "tasks", "ACTIVE");
    return elementInstancesOf(processInstanceKey).stream()
        .filter(e -> "AD_HOC_SUB_PROCESS".equals(e.type()))
        .findFirst()
        .orElseThrow()
        .key();
  }

  private List<ElementInstanceView> innerInstances(long processInstanceKey) {
    return elementInstancesOf(processInstanceKey).stream()
        .filter(e -> "AD_HOC_SUB_PROCESS_INNER_INSTANCE".equals(e.type()))
        .toList();
  }

  @Test
  void shouldActivateTheElementsOfTheCollectionAndCompleteOnceTheyAreDone() {
    // given
    Fixture f = Fixture.create();
    deploy(f.model(a -> a.zeebeActiveElementsCollectionExpression("=toDo")));

    // when
    long key = start(f.processId(), Map.of("toDo", List.of("A", "C"))).getProcessInstanceKey();

    // then
    awaitElement(key, "A", "ACTIVE");
    awaitElement(key, "C", "ACTIVE");
    assertThat(elements(key, "ACTIVE")).doesNotContain("B");
    assertThat(innerInstances(key)).hasSize(2);
    completeJob(f.typeA(), Map.of());
    awaitElement(key, "A", "COMPLETED");
    assertThat(elements(key, "ACTIVE")).contains("tasks", "C");
    completeJob(f.typeC(), Map.of());
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("A", "C", "tasks", "done").doesNotContain("B");
    assertThat(innerInstances(key))
        .extracting(ElementInstanceView::state)
        .containsOnly("COMPLETED");
  }

  @Test
  void shouldStayActiveWithoutCollectionAndActivateElementsOnCommandWithVariables() {
    // given
    Fixture f = Fixture.create();
    deploy(f.model(a -> {}));
    long key = start(f.processId()).getProcessInstanceKey();
    long adHoc = adHocKey(key);
    assertThat(activateJobsNow(f.typeA())).isEmpty();

    // when
    client
        .newActivateAdHocSubProcessActivitiesCommand(String.valueOf(adHoc))
        .activateElement("A", Map.of("order", 17))
        .activateElement("B")
        .send()
        .join();

    // then
    ActivatedJob a = activateJob(f.typeA());
    assertThat(a.getVariablesAsMap()).containsEntry("order", 17);
    ActivatedJob b = activateJob(f.typeB());
    assertThat(b.getVariablesAsMap()).doesNotContainKey("order");
    assertThat(innerInstances(key)).hasSize(2);
    client.newCompleteCommand(a.getKey()).send().join();
    client.newCompleteCommand(b.getKey()).send().join();
    awaitCompleted(key);
  }

  @Test
  void shouldRefuseToActivateAnUnknownElementNamingItAndChangeNothing() {
    // given
    Fixture f = Fixture.create();
    deploy(f.model(a -> {}));
    long key = start(f.processId()).getProcessInstanceKey();
    long adHoc = adHocKey(key);

    // when / then
    assertThatThrownBy(
            () ->
                client
                    .newActivateAdHocSubProcessActivitiesCommand(String.valueOf(adHoc))
                    .activateElement("A")
                    .activateElement("no-such-task")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("400")
        .hasMessageContaining("'no-such-task'");
    assertThat(activateJobsNow(f.typeA())).isEmpty();
    assertThat(innerInstances(key)).isEmpty();
    assertThatThrownBy(
            () ->
                client
                    .newActivateAdHocSubProcessActivitiesCommand(String.valueOf(key))
                    .activateElement("A")
                    .send()
                    .join())
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("404");
  }

  @Test
  void shouldCompleteOnlyWhenTheCompletionConditionHolds() {
    // given
    Fixture f = Fixture.create();
    deploy(
        f.model(
            a ->
                a.zeebeActiveElementsCollectionExpression("=[\"A\"]")
                    .completionCondition("=done")));
    long key = start(f.processId(), Map.of("done", false)).getProcessInstanceKey();

    // when: the only element completes while the condition is false
    completeJob(f.typeA(), Map.of("done", false));

    // then: nothing is active inside, yet the sub-process waits
    awaitElement(key, "A", "COMPLETED");
    assertThat(elements(key, "ACTIVE")).contains("tasks");

    // when: another element is activated and completes with the condition true
    client
        .newActivateAdHocSubProcessActivitiesCommand(String.valueOf(adHocKey(key)))
        .activateElement("B")
        .send()
        .join();
    completeJob(f.typeB(), Map.of("done", true));

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("A", "B", "tasks", "done");
  }

  @Test
  void shouldCancelTheRemainingInnerFlowsWhenTheConditionHolds() {
    // given
    Fixture f = Fixture.create();
    deploy(
        f.model(
            a ->
                a.zeebeActiveElementsCollectionExpression("=[\"A\", \"B\"]")
                    .completionCondition("=done = true")));
    long key = start(f.processId()).getProcessInstanceKey();
    awaitElement(key, "B", "ACTIVE");

    // when
    completeJob(f.typeA(), Map.of("done", true));

    // then
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).contains("B");
    assertThat(activateJobsNow(f.typeB())).isEmpty();
  }

  @Test
  void shouldWaitForTheRemainingInnerFlowsWhenTheyAreNotCancelled() {
    // given
    Fixture f = Fixture.create();
    deploy(
        f.model(
            a ->
                a.zeebeActiveElementsCollectionExpression("=[\"A\", \"B\"]")
                    .completionCondition("=done = true")
                    .cancelRemainingInstances(false)));
    long key = start(f.processId()).getProcessInstanceKey();
    awaitElement(key, "B", "ACTIVE");

    // when
    completeJob(f.typeA(), Map.of("done", true));

    // then
    awaitElement(key, "A", "COMPLETED");
    assertThat(elements(key, "ACTIVE")).contains("tasks", "B");
    completeJob(f.typeB(), Map.of());
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).isEmpty();
  }

  @Test
  void shouldCollectTheOutputOfEachInnerFlow() {
    // given
    Fixture f = Fixture.create();
    deploy(
        f.model(
            a ->
                a.zeebeActiveElementsCollectionExpression("=[\"A\", \"B\"]")
                    .zeebeOutputCollection("results")
                    .zeebeOutputElementExpression("=result")));
    long key = start(f.processId()).getProcessInstanceKey();

    // when
    completeJob(f.typeB(), Map.of("result", "b"));
    awaitElement(key, "B", "COMPLETED");
    completeJob(f.typeA(), Map.of("result", "a"));

    // then
    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("results", List.of("b", "a"));
  }

  @Test
  void shouldInterruptTheSubProcessFromItsBoundaryEvent() {
    // given
    Fixture f = Fixture.create();
    deploy(
        Bpmn.createExecutableProcess(f.processId())
            .startEvent()
            .adHocSubProcess(
                "tasks",
                a -> {
                  a.zeebeActiveElementsCollectionExpression("=[\"A\"]");
                  a.serviceTask("A", t -> t.zeebeJobType(f.typeA()));
                })
            .endEvent("done")
            .moveToActivity("tasks")
            .boundaryEvent("too-late", b -> b.timerWithDuration("PT1H"))
            .endEvent("abandoned")
            .done());
    long key = start(f.processId()).getProcessInstanceKey();
    awaitElement(key, "A", "ACTIVE");

    // when
    EngineExtension.CLOCK.add(Duration.ofHours(2));

    // then
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).contains("tasks", "A");
    assertThat(elements(key, "COMPLETED")).contains("too-late", "abandoned").doesNotContain("done");
  }

  @Test
  void shouldRaiseAnIncidentNamingAnElementOfTheCollectionThatCannotBeActivated() {
    // given
    Fixture f = Fixture.create();
    deploy(f.model(a -> a.zeebeActiveElementsCollectionExpression("=[\"A\", \"Z\"]")));

    // when
    long key = start(f.processId()).getProcessInstanceKey();

    // then
    IncidentView incident = awaitIncident(key);
    assertThat(incident.value().elementId()).isEqualTo("tasks");
    assertThat(incident.value().errorMessage()).contains("'Z'").doesNotContain("'A'");
    assertThat(activateJobsNow(f.typeA())).isEmpty();
  }

  @Test
  void shouldRefuseTheJobWorkerImplementationAtDeploymentNamingTheElement() {
    // given
    Fixture f = Fixture.create();
    BpmnModelInstance model = f.model(a -> a.zeebeJobType(unique("agent")));

    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOf(ClientException.class)
        .hasMessageContaining("job worker implementation")
        .hasMessageContaining("'tasks'");
  }

  @Test
  void shouldTerminateInnerFlowsWithTheProcessInstance() {
    // given
    Fixture f = Fixture.create();
    deploy(f.model(a -> a.zeebeActiveElementsCollectionExpression("=[\"A\"]")));
    long key = start(f.processId()).getProcessInstanceKey();
    awaitElement(key, "A", "ACTIVE");

    // when
    client.newCancelInstanceCommand(key).send().join();

    // then
    awaitState(key, "TERMINATED");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(innerInstances(key))
                    .extracting(ElementInstanceView::state)
                    .containsOnly("TERMINATED"));
  }

  @Test
  void shouldRunConnectedElementsInOneInnerFlowAndRefuseToStartInTheMiddle() {
    // given: A -> B inside the sub-process; only A can be activated
    Fixture f = Fixture.create();
    deploy(
        Bpmn.createExecutableProcess(f.processId())
            .startEvent()
            .adHocSubProcess(
                "tasks",
                a ->
                    a.serviceTask("A", t -> t.zeebeJobType(f.typeA()))
                        .serviceTask("B", t -> t.zeebeJobType(f.typeB())))
            .endEvent("done")
            .done());
    long key = start(f.processId()).getProcessInstanceKey();
    long adHoc = adHocKey(key);
    assertThatThrownBy(
            () ->
                client
                    .newActivateAdHocSubProcessActivitiesCommand(String.valueOf(adHoc))
                    .activateElement("B")
                    .send()
                    .join())
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("'B'");

    // when
    client
        .newActivateAdHocSubProcessActivitiesCommand(String.valueOf(adHoc))
        .activateElement("A")
        .send()
        .join();
    completeJob(f.typeA(), Map.of());

    // then: B follows A in the same inner flow, and the sub-process waits for it
    awaitElement(key, "B", "ACTIVE");
    assertThat(innerInstances(key)).hasSize(1);
    assertThat(elements(key, "ACTIVE")).contains("tasks");
    completeJob(f.typeB(), Map.of());
    awaitCompleted(key);
  }

  @Test
  void shouldRaiseAnIncidentOnANonBooleanConditionAndCompleteOnceResolved() {
    // given
    Fixture f = Fixture.create();
    deploy(
        f.model(
            a ->
                a.zeebeActiveElementsCollectionExpression("=[\"A\"]")
                    .completionCondition("=done")));
    long key = start(f.processId()).getProcessInstanceKey();

    // when: "done" does not exist when A completes
    completeJob(f.typeA(), Map.of());

    // then
    IncidentView incident = awaitIncident(key);
    assertThat(incident.value().elementId()).isEqualTo("tasks");
    assertThat(incident.value().errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
    client.newSetVariablesCommand(key).variables(Map.of("done", true)).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("A", "tasks", "done");
  }

  @Test
  void shouldCatchAnErrorOfAnInnerElementOnTheSubProcessBoundary() {
    // given
    Fixture f = Fixture.create();
    deploy(
        Bpmn.createExecutableProcess(f.processId())
            .startEvent()
            .adHocSubProcess(
                "tasks",
                a -> {
                  a.zeebeActiveElementsCollectionExpression("=[\"A\", \"B\"]");
                  a.serviceTask("A", t -> t.zeebeJobType(f.typeA()));
                  a.serviceTask("B", t -> t.zeebeJobType(f.typeB()));
                })
            .endEvent("done")
            .moveToActivity("tasks")
            .boundaryEvent("failed", b -> b.error("NOT_POSSIBLE"))
            .endEvent("given-up")
            .done());
    long key = start(f.processId()).getProcessInstanceKey();
    awaitElement(key, "B", "ACTIVE");

    // when
    ActivatedJob a = activateJob(f.typeA());
    client.newThrowErrorCommand(a.getKey()).errorCode("NOT_POSSIBLE").send().join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).contains("tasks", "A", "B");
    assertThat(elements(key, "COMPLETED")).contains("failed", "given-up").doesNotContain("done");
  }

  @Test
  void shouldDescribeTheActivatableElementsInTheAdHocSubProcessElementsVariable() {
    // given: A with a name, documentation and a property; B with its name only (the builder
    // names it); C follows B, so it cannot be activated
    Fixture f = Fixture.create();
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(f.processId())
            .startEvent()
            .adHocSubProcess(
                "tasks",
                a -> {
                  a.serviceTask("A", t -> t.name("Réserver la salle").zeebeJobType(f.typeA()));
                  a.serviceTask("B", t -> t.zeebeJobType(f.typeB()))
                      .serviceTask("C", t -> t.zeebeJobType(f.typeC()));
                })
            .endEvent("done")
            .done();
    ServiceTask a = model.getModelElementById("A");
    Documentation documentation = model.newInstance(Documentation.class);
    documentation.setTextContent("Réserve la salle de tri");
    a.getDocumentations().add(documentation);
    ZeebeProperty property = model.newInstance(ZeebeProperty.class);
    property.setName("outil");
    property.setValue("agenda");
    a.getExtensionElements()
        .addExtensionElement(ZeebeProperties.class)
        .getProperties()
        .add(property);
    deploy(model);

    // when
    long key = start(f.processId()).getProcessInstanceKey();

    // then
    assertThat(variablesOfScope(adHocKey(key)))
        .containsEntry(
            "adHocSubProcessElements",
            List.of(
                Map.of(
                    "elementId", "A",
                    "elementName", "Réserver la salle",
                    "documentation", "Réserve la salle de tri",
                    "properties", Map.of("outil", "agenda")),
                Map.of("elementId", "B", "elementName", "B")));
    assertThat(variables(key)).doesNotContainKey("adHocSubProcessElements");
  }
}
