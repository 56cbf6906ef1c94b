package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Exclusive and parallel gateways. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/exclusive-gateways/ and
 * https://docs.camunda.io/docs/components/modeler/bpmn/parallel-gateways/.
 */
class GatewayTest extends ConformanceTest {

  private static BpmnModelInstance exclusive(String processId) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent()
        .exclusiveGateway("split")
        .sequenceFlowId("to-big")
        .conditionExpression("amount > 100")
        .endEvent("big")
        .moveToLastExclusiveGateway()
        .sequenceFlowId("to-medium")
        .conditionExpression("amount > 10")
        .endEvent("medium")
        .moveToLastExclusiveGateway()
        .sequenceFlowId("to-small")
        .defaultFlow()
        .endEvent("small")
        .done();
  }

  @Test
  void shouldTakeFirstFlowWhoseConditionIsTrue() {
    String processId = unique("xor");
    deploy(exclusive(processId));

    long big = start(processId, Map.of("amount", 500)).getProcessInstanceKey();
    long medium = start(processId, Map.of("amount", 50)).getProcessInstanceKey();
    long small = start(processId, Map.of("amount", 5)).getProcessInstanceKey();

    awaitCompleted(big);
    awaitCompleted(medium);
    awaitCompleted(small);
    assertThat(elements(big, "COMPLETED")).contains("big").doesNotContain("medium", "small");
    assertThat(elements(medium, "COMPLETED")).contains("medium").doesNotContain("big");
    assertThat(elements(small, "COMPLETED")).contains("small");
    assertThat(client.newProcessInstanceSequenceFlowsRequest(medium).send().join())
        .extracting(f -> f.getElementId())
        .contains("to-medium");
  }

  @Test
  void shouldRaiseConditionIncidentWithoutMatchAndRetryOnResolve() {
    // given
    String processId = unique("xor-incident");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .exclusiveGateway("split")
            .conditionExpression("amount > 100")
            .endEvent("big")
            .moveToLastExclusiveGateway()
            .conditionExpression("amount <= 100")
            .endEvent("small")
            .done());
    long key = start(processId).getProcessInstanceKey();

    // then amount is null: the condition is not a boolean
    var incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("CONDITION_ERROR");
    assertThat(incident.value().elementId()).isEqualTo("split");

    // when
    client.newSetVariablesCommand(key).variables(Map.of("amount", 1)).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).contains("small");
  }

  @Test
  void shouldForkAndJoin() {
    // given
    String processId = unique("and");
    String typeA = unique("a");
    String typeB = unique("b");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .parallelGateway("fork")
            .serviceTask("task-a", t -> t.zeebeJobType(typeA))
            .parallelGateway("join")
            .endEvent("end")
            .moveToNode("fork")
            .serviceTask("task-b", t -> t.zeebeJobType(typeB))
            .connectTo("join")
            .done());
    long key = start(processId).getProcessInstanceKey();

    // when one branch completes, the join waits
    completeJob(typeA, Map.of());
    awaitElement(key, "task-a", "COMPLETED");
    assertThat(elements(key, "COMPLETED")).doesNotContain("join");

    // when the other completes, the join passes once
    completeJob(typeB, Map.of());

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).containsOnlyOnce("join", "end");
  }
}
