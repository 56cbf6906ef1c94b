package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Multi-instance activities, parallel and sequential: one inner instance per item with its loop
 * variables, the output collection in item order, the completion condition and its counters, empty
 * and invalid collections, multi-instance sub-processes and call activities, and the body in the
 * history. Checks https://docs.camunda.io/docs/components/modeler/bpmn/multi-instance/.
 */
class MultiInstanceTest extends ConformanceTest {

  @Test
  void shouldRunParallelInstancePerItemAndCollectOutputInItemOrder() {
    // given
    String processId = unique("parallel");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .multiInstance(
                            m ->
                                m.parallel()
                                    .zeebeInputCollectionExpression("items")
                                    .zeebeInputElement("item")
                                    .zeebeOutputCollection("results")
                                    .zeebeOutputElementExpression("result")))
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of("a", "b", "c"))).getProcessInstanceKey();

    // when the jobs complete in reverse order
    List<ActivatedJob> jobs = new ArrayList<>(activateJobs(type, 3));
    assertThat(jobs).hasSize(3);
    jobs.sort(Comparator.comparing((ActivatedJob j) -> (String) j.getVariablesAsMap().get("item")));
    for (int i = jobs.size() - 1; i >= 0; i--) {
      ActivatedJob job = jobs.get(i);
      client
          .newCompleteCommand(job.getKey())
          .variables(Map.of("result", job.getVariablesAsMap().get("item") + "!"))
          .send()
          .join();
    }

    // then
    awaitCompleted(key);
    assertThat(jobs)
        .extracting(j -> j.getVariablesAsMap().get("loopCounter"))
        .containsExactly(1, 2, 3);
    assertThat(variables(key)).containsEntry("results", List.of("a!", "b!", "c!"));
    assertThat(variables(key)).doesNotContainKeys("item", "loopCounter", "result");
    List<ElementInstanceView> task =
        elementInstancesOf(key).stream().filter(e -> e.elementId().equals("task")).toList();
    assertThat(task)
        .extracting(ElementInstanceView::type)
        .containsExactly("MULTI_INSTANCE_BODY", "SERVICE_TASK", "SERVICE_TASK", "SERVICE_TASK");
    // the three inner instances are in the body's scope
    long body = task.get(0).key();
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.elementInstanceScopeKey(body))
                .send()
                .join()
                .items())
        .extracting(e -> e.getElementInstanceKey())
        .containsExactlyInAnyOrderElementsOf(
            task.subList(1, 4).stream().map(ElementInstanceView::key).toList());
  }

  @Test
  void shouldRunSequentialInstancesOneAfterTheOther() {
    // given
    String processId = unique("sequential");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .multiInstance(
                            m ->
                                m.sequential()
                                    .zeebeInputCollectionExpression("items")
                                    .zeebeInputElement("item")))
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", List.of(10, 20))).getProcessInstanceKey();

    // when / then one job at a time, in item order
    ActivatedJob first = activateJob(type);
    assertThat(activateJobsNow(type)).isEmpty();
    client.newCompleteCommand(first.getKey()).send().join();
    ActivatedJob second = activateJob(type);
    client.newCompleteCommand(second.getKey()).send().join();

    awaitCompleted(key);
    assertThat(first.getVariablesAsMap()).containsEntry("item", 10).containsEntry("loopCounter", 1);
    assertThat(second.getVariablesAsMap())
        .containsEntry("item", 20)
        .containsEntry("loopCounter", 2);
  }

  @Test
  void shouldTerminateOtherInstancesOnceCompletionConditionHolds() {
    // given
    String processId = unique("condition");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "vote",
                t ->
                    t.zeebeJobType(type)
                        .multiInstance(
                            m ->
                                m.zeebeInputCollectionExpression("voters")
                                    .completionCondition(
                                        "=numberOfCompletedInstances = 2 and numberOfInstances = 4"
                                            + " and numberOfActiveInstances = 2"
                                            + " and numberOfTerminatedInstances = 0")))
            .endEvent("decided")
            .done());
    long key =
        start(processId, Map.of("voters", List.of("a", "b", "c", "d"))).getProcessInstanceKey();
    List<ActivatedJob> jobs = activateJobs(type, 4);

    // when
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    client.newCompleteCommand(jobs.get(1).getKey()).send().join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactly("vote", "vote");
    assertThat(elements(key, "COMPLETED")).contains("decided");
    assertThat(activateJobsNow(type)).isEmpty();
  }

  @Test
  void shouldCompleteAtOnceWithEmptyCollection() {
    // given
    String processId = unique("empty");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(unique("t"))
                        .multiInstance(
                            m ->
                                m.zeebeInputCollectionExpression("items")
                                    .zeebeOutputCollection("results")
                                    .zeebeOutputElementExpression("x")))
            .endEvent()
            .done());

    // when
    long key = start(processId, Map.of("items", List.of())).getProcessInstanceKey();

    // then
    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("results", List.of());
    assertThat(elements(key, "COMPLETED")).containsOnlyOnce("task");
  }

  @Test
  void shouldRaiseIncidentWhenInputCollectionIsNotAnArray() {
    // given
    String processId = unique("not-array");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .multiInstance(m -> m.zeebeInputCollectionExpression("items")))
            .endEvent()
            .done());
    long key = start(processId, Map.of("items", "abc")).getProcessInstanceKey();

    // when
    var incident = awaitIncident(key);

    // then
    assertThat(incident.value().errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.value().errorMessage())
        .isEqualTo("Expected result of the expression 'items' to be 'ARRAY', but was 'STRING'.");

    // when the variable is fixed and the incident resolved
    client.newSetVariablesCommand(key).variables(Map.of("items", List.of(1))).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();
    completeJob(type, Map.of());

    // then
    awaitCompleted(key);
  }

  @Test
  void shouldRunSubProcessPerItemWithItsOwnScope() {
    // given
    String processId = unique("sub");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "per-asset",
                s ->
                    s.multiInstance(
                        m ->
                            m.zeebeInputCollectionExpression("assets")
                                .zeebeInputElement("asset")
                                .zeebeOutputCollection("grades")
                                .zeebeOutputElementExpression("grade")))
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("inspect", t -> t.zeebeJobType(type))
            .endEvent()
            .subProcessDone()
            .endEvent()
            .done());
    long key = start(processId, Map.of("assets", List.of("A", "B"))).getProcessInstanceKey();

    // when
    for (ActivatedJob job : activateJobs(type, 2)) {
      client
          .newCompleteCommand(job.getKey())
          .variables(Map.of("grade", "grade-" + job.getVariablesAsMap().get("asset")))
          .send()
          .join();
    }

    // then
    awaitCompleted(key);
    assertThat(variables(key))
        .containsEntry("grades", List.of("grade-A", "grade-B"))
        .doesNotContainKeys("grade", "asset");
  }

  @Test
  void shouldEndOnlyTheCurrentIterationOnTerminateEndEvent() {
    // given iterations that terminate their waiting branch at once
    String processId = unique("sub-terminate");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "per-item", s -> s.multiInstance(m -> m.zeebeInputCollectionExpression("items")))
            .embeddedSubProcess()
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("waiting", t -> t.zeebeJobType(type))
            .endEvent()
            .moveToNode("fork")
            .endEvent("stop", e -> e.terminate())
            .subProcessDone()
            .endEvent("done")
            .done());

    // when
    long key = start(processId, Map.of("items", List.of(1, 2, 3))).getProcessInstanceKey();

    // then every iteration completes, and so does the body
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED").stream().filter("per-item"::equals)).hasSize(4);
    assertThat(elements(key, "TERMINATED")).containsExactly("waiting", "waiting", "waiting");
    assertThat(activateJobsNow(type)).isEmpty();
  }

  @Test
  void shouldCollectChildOutcomesOfParallelCallActivityWithoutLeakingVariables() {
    // given the pattern of the renewal campaign: only the mapped variables cross
    String childId = unique("child");
    String parentId = unique("campaign");
    String type = unique("t");
    deploy(serviceTaskProcess(childId, type));
    deploy(
        Bpmn.createExecutableProcess(parentId)
            .startEvent()
            .callActivity(
                "process-assets",
                c ->
                    c.zeebeProcessId(childId)
                        .zeebePropagateAllParentVariables(false)
                        .zeebePropagateAllChildVariables(false)
                        .zeebeInputExpression("assetId", "assetId")
                        .zeebeInputExpression("campaignId", "campaignId")
                        .zeebeOutputExpression("outcome", "outcome")
                        .multiInstance(
                            m ->
                                m.zeebeInputCollectionExpression("assetIds")
                                    .zeebeInputElement("assetId")
                                    .zeebeOutputCollection("outcomes")
                                    .zeebeOutputElementExpression("outcome")))
            .endEvent()
            .done());
    long key =
        start(parentId, Map.of("campaignId", 7, "assetIds", List.of(1, 2, 3, 4)))
            .getProcessInstanceKey();

    // when the children end in reverse order
    List<ActivatedJob> jobs = new ArrayList<>(activateJobs(type, 4));
    assertThat(jobs).hasSize(4);
    jobs.sort(
        Comparator.comparing(j -> -((Number) j.getVariablesAsMap().get("assetId")).intValue()));
    for (ActivatedJob job : jobs) {
      client
          .newCompleteCommand(job.getKey())
          .variables(Map.of("outcome", "R" + job.getVariablesAsMap().get("assetId"), "noise", 1))
          .send()
          .join();
    }

    // then
    awaitCompleted(key);
    assertThat(jobs.get(0).getVariablesAsMap())
        .containsKeys("assetId", "campaignId")
        .doesNotContainKey("assetIds");
    assertThat(variables(key))
        .containsEntry("outcomes", List.of("R1", "R2", "R3", "R4"))
        .doesNotContainKeys("outcome", "noise", "assetId", "loopCounter");
    assertThat(CallActivityTest.children(key)).hasSize(4);
  }

  @Test
  void shouldTerminateAllInstancesWhenBoundaryInterruptsBody() {
    // given
    String processId = unique("interrupted");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .multiInstance(
                            m ->
                                m.zeebeInputCollectionExpression("items")
                                    .zeebeOutputCollection("results")
                                    .zeebeOutputElementExpression("result")))
            .boundaryEvent("deadline", b -> b.timerWithDuration("PT1H"))
            .endEvent("late")
            .moveToActivity("task")
            .endEvent("done")
            .done());
    long key = start(processId, Map.of("items", List.of(1, 2))).getProcessInstanceKey();
    ActivatedJob one = activateJobs(type, 2).get(0);
    client.newCompleteCommand(one.getKey()).variables(Map.of("result", "r")).send().join();
    awaitElement(key, "task", "COMPLETED");

    // when
    EngineExtension.CLOCK.add(Duration.ofHours(2));

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("late").doesNotContain("done");
    assertThat(elements(key, "TERMINATED")).containsExactly("task", "task");
    assertThat(variables(key)).doesNotContainKey("results");
  }
}
