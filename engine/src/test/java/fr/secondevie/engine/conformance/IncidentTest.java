package fr.secondevie.engine.conformance;

import static fr.secondevie.engine.conformance.DeploymentTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Incidents raised by expressions and mappings, and their resolution, which runs the failed step
 * again. Checks https://docs.camunda.io/docs/components/concepts/incidents/.
 */
class IncidentTest extends ConformanceTest {

  @Test
  void shouldRaiseExtractValueIncidentForJobTypeExpression() {
    // given
    String processId = unique("type-expr");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobTypeExpression("jobType"))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();

    // then
    var incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.value().errorMessage())
        .isEqualTo("Expected result of the expression 'jobType' to be 'STRING', but was 'NULL'.");

    // when
    client.newSetVariablesCommand(key).variables(Map.of("jobType", type)).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();

    // then
    assertThat(activateJob(type).getElementId()).isEqualTo("task");
  }

  @Test
  void shouldRaiseExtractValueIncidentForMissingCorrelationKey() {
    String processId = unique("corr-key");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .intermediateCatchEvent(
                "wait", e -> e.message(m -> m.name("X").zeebeCorrelationKeyExpression("missing")))
            .endEvent()
            .done());

    long key = start(processId).getProcessInstanceKey();

    var incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incident.value().elementId()).isEqualTo("wait");
  }

  @Test
  void shouldRetryOutputMappingOnResolve() {
    // given an output mapping that fails while completing
    String processId = unique("output-incident");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type).zeebeOutputExpression("assert(total, total > 0)", "total"))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    completeJob(type, Map.of("total", 0));

    // then
    var incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("IO_MAPPING_ERROR");

    // when the local result is fixed and the incident resolved
    long taskKey = element(key, "task").key();
    client.newSetVariablesCommand(taskKey).variables(Map.of("total", 3)).local(true).send().join();
    client.newResolveIncidentCommand(incident.key()).send().join();

    // then
    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("total", 3L);
  }

  @Test
  void shouldRejectUnknownIncident() {
    assertThatThrownBy(() -> client.newResolveIncidentCommand(42L).send().join())
        .satisfies(e -> assertStatus(e, Status.Code.NOT_FOUND));
  }

  @Test
  void shouldResolveIncidentsWhenInstanceIsCancelled() {
    String processId = unique("cancel-incident");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobTypeExpression("nothing"))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    awaitIncident(key);

    client.newCancelInstanceCommand(key).send().join();

    awaitState(key, "TERMINATED");
    assertThat(activeIncidents(key)).isEmpty();
  }

  @Test
  void shouldInterruptSubProcessWithBoundaryTimer() {
    String processId = unique("sub-timer");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "sub",
                s ->
                    s.embeddedSubProcess()
                        .startEvent()
                        .serviceTask("inner", t -> t.zeebeJobType(type))
                        .endEvent())
            .boundaryEvent("deadline", b -> b.timerWithDuration("P1D"))
            .endEvent("expired")
            .moveToActivity("sub")
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();
    awaitElement(key, "inner", "ACTIVE");

    EngineExtension.CLOCK.add(Duration.ofDays(2));

    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactly("sub", "inner");
    assertThat(elements(key, "COMPLETED")).contains("expired");
  }
}
