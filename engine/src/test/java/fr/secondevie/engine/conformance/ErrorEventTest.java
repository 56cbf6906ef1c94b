package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BPMN errors thrown by job workers and error end events, caught by error boundary events (specific
 * code or catch-all) found by searching outwards. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/error-events/.
 */
class ErrorEventTest extends ConformanceTest {

  @Test
  void shouldCatchThrownErrorOnBoundaryWithLocalVariables() {
    // given
    String processId = unique("error-boundary");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("lookup", t -> t.zeebeJobType(type))
            .boundaryEvent(
                "not-found",
                b -> b.error("ASSET_NOT_FOUND").zeebeOutputExpression("detail", "errorDetail"))
            .endEvent("regularise")
            .moveToActivity("lookup")
            .endEvent("done")
            .done());
    long key = start(processId).getProcessInstanceKey();
    ActivatedJob job = activateJob(type);

    // when
    client
        .newThrowErrorCommand(job.getKey())
        .errorCode("ASSET_NOT_FOUND")
        .errorMessage("unknown asset")
        .variables(Map.of("detail", "A-17", "other", 1))
        .send()
        .join();

    // then
    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactly("lookup");
    assertThat(elements(key, "COMPLETED")).contains("not-found", "regularise");
    assertThat(variables(key)).containsEntry("errorDetail", "A-17").doesNotContainKey("other");
  }

  @Test
  void shouldPreferSpecificCodeOverCatchAll() {
    String processId = unique("error-specific");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(type))
            .boundaryEvent("any", b -> b.error())
            .endEvent("caught-any")
            .moveToActivity("task")
            .boundaryEvent("specific", b -> b.error("E1"))
            .endEvent("caught-specific")
            .moveToActivity("task")
            .endEvent()
            .done());
    long specific = start(processId).getProcessInstanceKey();
    long other = start(processId).getProcessInstanceKey();

    ActivatedJob first = activateJob(type);
    ActivatedJob second = activateJob(type);
    long firstInstance = first.getProcessInstanceKey();
    client.newThrowErrorCommand(first.getKey()).errorCode("E1").send().join();
    client.newThrowErrorCommand(second.getKey()).errorCode("E2").send().join();

    long secondInstance = firstInstance == specific ? other : specific;
    awaitCompleted(firstInstance);
    awaitCompleted(secondInstance);
    assertThat(elements(firstInstance, "COMPLETED")).contains("caught-specific");
    assertThat(elements(secondInstance, "COMPLETED")).contains("caught-any");
  }

  @Test
  void shouldCatchErrorEndEventOnEnclosingSubProcess() {
    String processId = unique("error-end");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .subProcess(
                "sub",
                s -> s.embeddedSubProcess().startEvent().endEvent("fail", e -> e.error("BROKEN")))
            .boundaryEvent("broken", b -> b.error("BROKEN"))
            .endEvent("handled")
            .moveToActivity("sub")
            .endEvent("ok")
            .done());

    long key = start(processId).getProcessInstanceKey();

    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).contains("sub", "fail");
    assertThat(elements(key, "COMPLETED")).contains("broken", "handled").doesNotContain("ok");
  }

  @Test
  void shouldSearchUpScopesForJobError() {
    String processId = unique("error-up");
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
            .boundaryEvent("caught", b -> b.error("DEEP"))
            .endEvent("handled")
            .moveToActivity("sub")
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();

    client.newThrowErrorCommand(activateJob(type).getKey()).errorCode("DEEP").send().join();

    awaitCompleted(key);
    assertThat(elements(key, "TERMINATED")).containsExactly("sub", "inner");
    assertThat(elements(key, "COMPLETED")).contains("handled");
  }

  @Test
  void shouldRaiseIncidentForUncaughtErrorEndEvent() {
    String processId = unique("error-uncaught");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .endEvent("fail", e -> e.error("NOBODY_CATCHES"))
            .done());

    long key = start(processId).getProcessInstanceKey();

    var incident = awaitIncident(key);
    assertThat(incident.value().errorType()).isEqualTo("UNHANDLED_ERROR_EVENT");
    assertThat(incident.value().elementId()).isEqualTo("fail");
  }
}
