package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Inclusive gateways: forking on every true condition (else the default flow, else an incident),
 * joining once every token that can still reach the gateway arrived. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/inclusive-gateways/.
 */
class InclusiveGatewayTest extends ConformanceTest {

  @Test
  void shouldForkOnTrueConditionsAndJoinTheTakenBranches() {
    // given
    String processId = unique("or");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .inclusiveGateway("fork")
            .sequenceFlowId("to-c")
            .defaultFlow()
            .serviceTask("c", t -> t.zeebeJobType(type))
            .inclusiveGateway("join")
            .endEvent("end")
            .moveToNode("fork")
            .sequenceFlowId("to-a")
            .conditionExpression("amount > 10")
            .serviceTask("a", t -> t.zeebeJobType(type))
            .connectTo("join")
            .moveToNode("fork")
            .sequenceFlowId("to-b")
            .conditionExpression("urgent")
            .serviceTask("b", t -> t.zeebeJobType(type))
            .connectTo("join")
            .done());
    long key = start(processId, Map.of("amount", 50, "urgent", true)).getProcessInstanceKey();
    List<ActivatedJob> jobs = activateJobs(type, 3);
    assertThat(jobs).extracting(ActivatedJob::getElementId).containsExactlyInAnyOrder("a", "b");

    // when one branch arrives, the join waits for the other
    client.newCompleteCommand(jobs.get(0).getKey()).send().join();
    awaitElement(key, jobs.get(0).getElementId(), "COMPLETED");
    assertThat(elements(key, "COMPLETED")).doesNotContain("join");
    client.newCompleteCommand(jobs.get(1).getKey()).send().join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).containsOnlyOnce("join", "end").doesNotContain("c");
  }

  @Test
  void shouldJoinOnceTheOtherTokenCanNoLongerReachTheGateway() {
    // given a branch that may end before the join
    String processId = unique("or-escape");
    String typeA = unique("a");
    String typeB = unique("b");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .inclusiveGateway("fork")
            .conditionExpression("true")
            .serviceTask("a", t -> t.zeebeJobType(typeA))
            .inclusiveGateway("join")
            .endEvent("end")
            .moveToNode("fork")
            .conditionExpression("true")
            .serviceTask("b", t -> t.zeebeJobType(typeB))
            .exclusiveGateway("route")
            .conditionExpression("withdrawn")
            .endEvent("withdrawn")
            .moveToLastExclusiveGateway()
            .defaultFlow()
            .connectTo("join")
            .done());
    long key = start(processId).getProcessInstanceKey();
    completeJob(typeA, Map.of());
    awaitElement(key, "a", "COMPLETED");
    assertThat(elements(key, "COMPLETED")).doesNotContain("join");

    // when the other branch ends elsewhere
    completeJob(typeB, Map.of("withdrawn", true));

    // then
    awaitCompleted(key);
    assertThat(elements(key, "COMPLETED")).containsOnlyOnce("join").contains("withdrawn", "end");
  }

  @Test
  void shouldTakeDefaultFlowOrRaiseIncidentWithoutIt() {
    // given
    String withDefault = unique("or-default");
    String withoutDefault = unique("or-none");
    deploy(
        Bpmn.createExecutableProcess(withDefault)
            .startEvent()
            .inclusiveGateway("fork")
            .defaultFlow()
            .endEvent("fallback")
            .moveToNode("fork")
            .conditionExpression("amount > 10")
            .endEvent("big")
            .done());
    deploy(
        Bpmn.createExecutableProcess(withoutDefault)
            .startEvent()
            .inclusiveGateway("fork")
            .conditionExpression("amount > 10")
            .endEvent("big")
            .moveToNode("fork")
            .conditionExpression("amount > 100")
            .endEvent("huge")
            .done());

    // when
    long defaulted = start(withDefault, Map.of("amount", 1)).getProcessInstanceKey();
    long stuck = start(withoutDefault, Map.of("amount", 1)).getProcessInstanceKey();

    // then
    awaitCompleted(defaulted);
    assertThat(elements(defaulted, "COMPLETED")).contains("fallback").doesNotContain("big");
    var incident = awaitIncident(stuck);
    assertThat(incident.value().errorType()).isEqualTo("CONDITION_ERROR");

    // when the data is fixed and the incident resolved
    client.newSetVariablesCommand(stuck).variables(Map.of("amount", 500)).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();

    // then both conditions hold
    awaitCompleted(stuck);
    assertThat(elements(stuck, "COMPLETED")).contains("big", "huge");
  }
}
