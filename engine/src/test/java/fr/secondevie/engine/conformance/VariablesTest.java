package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Variable scopes, input and output mappings, propagation and SetVariables. Checks
 * https://docs.camunda.io/docs/components/concepts/variables/.
 */
class VariablesTest extends ConformanceTest {

  @Test
  void shouldCreateLocalVariablesFromInputMappings() {
    // given
    String processId = unique("inputs");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeInputExpression("order.id", "orderId")
                        .zeebeInputExpression("orderId * 10", "big")
                        .zeebeInputExpression("customer.name", "sender.name")
                        .zeebeInputExpression("missing", "nothing"))
            .endEvent()
            .done());
    long key =
        start(processId, Map.of("order", Map.of("id", 4), "customer", Map.of("name", "Ana")))
            .getProcessInstanceKey();

    // when
    ActivatedJob job = activateJob(type);

    // then
    assertThat(job.getVariablesAsMap())
        .containsEntry("orderId", 4)
        .containsEntry("big", 40)
        .containsEntry("sender", Map.of("name", "Ana"))
        .containsEntry("nothing", null);
    assertThat(variablesOfScope(element(key, "task").key())).containsKeys("orderId", "sender");
    assertThat(variables(key)).doesNotContainKeys("orderId", "sender");
  }

  @Test
  void shouldPropagateResultToNearestScopeThatHasTheVariable() {
    // given a sub-process declaring 'x' locally
    String processId = unique("propagate");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.zeebeInputExpression("0", "x")
                        .embeddedSubProcess()
                        .startEvent()
                        .serviceTask("task", t -> t.zeebeJobType(type))
                        .endEvent())
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    awaitElement(key, "task", "ACTIVE");
    long subKey = element(key, "sub").key();

    // when the worker returns x and y
    completeJob(type, Map.of("x", 1, "y", 2));

    // then x updates the sub-process scope, y goes to the root (sub-process locals are dropped)
    awaitCompleted(key);
    assertThat(variablesOfScope(subKey)).containsEntry("x", 1L);
    assertThat(variables(key)).containsEntry("y", 2L).doesNotContainKey("x");
  }

  @Test
  void shouldMapOnlyOutputMappingsWhenPresent() {
    String processId = unique("outputs");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeOutputExpression("result.total", "total")
                        .zeebeOutputExpression("result.total + 1", "order.next"))
            .endEvent()
            .done());
    long key = start(processId, Map.of("order", Map.of("id", 9))).getProcessInstanceKey();

    completeJob(type, Map.of("result", Map.of("total", 41), "noise", true));

    awaitCompleted(key);
    assertThat(variables(key))
        .containsEntry("total", 41L)
        .containsEntry("order", Map.of("id", 9L, "next", 42L))
        .doesNotContainKeys("result", "noise");
    assertThat(variablesOfScope(element(key, "task").key())).containsKeys("result", "noise");
  }

  @Test
  void shouldSetVariablesLocallyOrByPropagation() {
    String processId = unique("set-vars");
    String type = unique("t");
    deploy(serviceTaskProcess(processId, type));
    long key = start(processId, Map.of("a", 1)).getProcessInstanceKey();
    awaitElement(key, "task", "ACTIVE");
    long taskKey = element(key, "task").key();

    client.newSetVariablesCommand(taskKey).variables(Map.of("local", 1)).local(true).send().join();
    client.newSetVariablesCommand(taskKey).variables(Map.of("a", 5, "b", 6)).send().join();

    assertThat(variablesOfScope(taskKey)).containsOnlyKeys("local");
    assertThat(variables(key)).containsEntry("a", 5L).containsEntry("b", 6L);
    assertThat(activateJob(type).getVariablesAsMap())
        .containsEntry("local", 1)
        .containsEntry("a", 5);
  }

  @Test
  void shouldRaiseIoMappingIncidentAndRetryOnResolve() {
    // given an output mapping that fails on a missing context entry of a non-context value
    String processId = unique("io-incident");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t -> t.zeebeJobType(type).zeebeInputExpression("assert(x, x != null)", "checked"))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();

    // then
    var incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("IO_MAPPING_ERROR");
    assertThat(incident.value().elementId()).isEqualTo("task");

    // when the variable is provided and the incident resolved
    client.newSetVariablesCommand(key).variables(Map.of("x", 3)).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();

    // then the mapping is applied again and the job created
    assertThat(activateJob(type).getVariablesAsMap()).containsEntry("checked", 3);
  }
}
