package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Static values in input and output mappings: a {@code source} that does not start with {@code =}
 * is a string taken as written, not a FEEL expression. This is how the models built from Camunda
 * Modeler's element templates (connectors) pass their settings. Checks
 * https://docs.camunda.io/docs/components/concepts/variables/#inputoutput-variable-mappings and the
 * expressions page (https://docs.camunda.io/docs/components/concepts/expressions/): "an expression
 * starts with =", anything else is a static value.
 */
class StaticMappingTest extends ConformanceTest {

  @Test
  void shouldPassStaticInputValuesAsStringsTakenAsWritten() {
    // given values of every shape a person or a template writes without a leading '='
    String processId = unique("static-inputs");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeInput("POST", "method")
                        .zeebeInput("https://api.example.org/orders?id=1&x=a b", "url")
                        .zeebeInput("{{secrets.SLACK_TOKEN}}/reject", "callback")
                        .zeebeInput("25", "port")
                        .zeebeInput("true", "flag")
                        .zeebeInput("Réunion \"budget\" 2026", "title")
                        .zeebeInput("orderId", "notAVariable"))
            .endEvent()
            .done());
    start(processId, Map.of("orderId", 7));

    // when
    ActivatedJob job = activateJob(type);

    // then every value is the text itself, never evaluated (numbers and booleans stay text)
    assertThat(job.getVariablesAsMap())
        .containsEntry("method", "POST")
        .containsEntry("url", "https://api.example.org/orders?id=1&x=a b")
        .containsEntry("callback", "{{secrets.SLACK_TOKEN}}/reject")
        .containsEntry("port", "25")
        .containsEntry("flag", "true")
        .containsEntry("title", "Réunion \"budget\" 2026")
        .containsEntry("notAVariable", "orderId");
  }

  @Test
  void shouldMixStaticAndExpressionMappingsIntoNestedTargets() {
    // given a task shaped like the ones Modeler's REST connector template produces
    String processId = unique("connector-shaped");
    String type = unique("io.camunda:http-json");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "call-api",
                t ->
                    t.zeebeJobType(type)
                        .zeebeInput("noAuth", "authentication.type")
                        .zeebeInput("GET", "method")
                        .zeebeInputExpression(
                            "\"https://api.example.org/assets/\" + assetId", "url")
                        .zeebeInput("20", "connectionTimeoutInSeconds")
                        .zeebeTaskHeader("resultVariable", "apiResult"))
            .endEvent()
            .done());
    start(processId, Map.of("assetId", "CHU76-1"));

    // when
    ActivatedJob job = activateJob(type);

    // then
    assertThat(job.getVariablesAsMap())
        .containsEntry("authentication", Map.of("type", "noAuth"))
        .containsEntry("method", "GET")
        .containsEntry("url", "https://api.example.org/assets/CHU76-1")
        .containsEntry("connectionTimeoutInSeconds", "20");
    assertThat(job.getCustomHeaders()).containsEntry("resultVariable", "apiResult");
  }

  @Test
  void shouldWriteStaticOutputValues() {
    // given
    String processId = unique("static-outputs");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(type)
                        .zeebeOutput("reviewed", "status")
                        .zeebeOutput("{{secrets.X}}", "raw")
                        .zeebeOutputExpression("result * 2", "doubled"))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();

    // when
    completeJob(type, Map.of("result", 21));

    // then
    awaitCompleted(key);
    assertThat(variables(key))
        .containsEntry("status", "reviewed")
        .containsEntry("raw", "{{secrets.X}}")
        .containsEntry("doubled", 42L);
  }
}
