package fr.secondevie.engine.conformance;

import static fr.secondevie.engine.conformance.DeploymentTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.search.response.DecisionInstance;
import io.camunda.client.api.search.response.DecisionInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.grpc.Status;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decisions: standalone evaluation and business rule tasks (called decision and job-based). Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/business-rule-tasks/ and
 * https://docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/#evaluatedecision-rpc.
 */
class DecisionTest extends ConformanceTest {

  @BeforeAll
  static void deployDecisions() {
    EngineExtension.CLIENT
        .newDeployResourceCommand()
        .addResourceFromClasspath("fixtures/dish.dmn")
        .addResourceFromClasspath("fixtures/failing.dmn")
        .send()
        .join();
  }

  @Test
  void shouldEvaluateDecisionWithInputsAndMatchedRules() {
    // when
    EvaluateDecisionResponse response =
        client
            .newEvaluateDecisionCommand()
            .decisionId("dish")
            .variables(Map.of("season", "Summer"))
            .send()
            .join();

    // then
    assertThat(response.getDecisionOutput()).isEqualTo("\"Salad\"");
    assertThat(response.getDecisionId()).isEqualTo("dish");
    assertThat(response.getEvaluatedDecisions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.getDecisionType()).isEqualTo("DECISION_TABLE");
              assertThat(d.getEvaluatedInputs())
                  .singleElement()
                  .satisfies(
                      i -> {
                        assertThat(i.getInputId()).isEqualTo("season-input");
                        assertThat(i.getInputValue()).isEqualTo("\"Summer\"");
                      });
              assertThat(d.getMatchedRules())
                  .singleElement()
                  .satisfies(
                      r -> {
                        assertThat(r.getRuleId()).isEqualTo("summer-rule");
                        assertThat(r.getRuleIndex()).isEqualTo(2);
                        assertThat(r.getEvaluatedOutputs().get(0).getOutputValue())
                            .isEqualTo("\"Salad\"");
                      });
            });
    // the evaluated decision, read back through the REST API ("<evaluationKey>-<n>")
    DecisionInstance instance =
        client
            .newDecisionInstanceGetRequest(response.getDecisionInstanceKey() + "-1")
            .send()
            .join();
    assertThat(instance.getState()).isEqualTo(DecisionInstanceState.EVALUATED);
    assertThat(response.getDecisionEvaluationKey()).isEqualTo(response.getDecisionInstanceKey());
  }

  @Test
  void shouldReportFailedEvaluation() {
    EvaluateDecisionResponse response =
        client
            .newEvaluateDecisionCommand()
            .decisionId("failing")
            .variables(Map.of("x", 5))
            .send()
            .join();

    assertThat(response.getFailedDecisionId()).isEqualTo("failing");
    assertThat(response.getFailureMessage()).isNotBlank();
  }

  @Test
  void shouldRejectUnknownDecision() {
    assertThatThrownBy(() -> client.newEvaluateDecisionCommand().decisionId("nope").send().join())
        .satisfies(e -> assertStatus(e, Status.Code.NOT_FOUND));
  }

  @Test
  void shouldEvaluateCalledDecisionIntoResultVariable() {
    String processId = unique("brt");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask(
                "route", b -> b.zeebeCalledDecisionId("dish").zeebeResultVariable("meal"))
            .endEvent()
            .done());

    long key = start(processId, Map.of("season", "Winter")).getProcessInstanceKey();

    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("meal", "Roastbeef");
    long routeKey = element(key, "route").key();
    assertThat(
            client
                .newDecisionInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(key))
                .send()
                .join()
                .items())
        .isNotEmpty()
        .allSatisfy(
            d -> {
              assertThat(d.getProcessInstanceKey()).isEqualTo(key);
              assertThat(d.getElementInstanceKey()).isEqualTo(routeKey);
              assertThat(d.getState()).isEqualTo(DecisionInstanceState.EVALUATED);
            });
  }

  @Test
  void shouldRaiseIncidentsForMissingAndFailingDecisions() {
    String missing = unique("brt-missing");
    deploy(
        Bpmn.createExecutableProcess(missing)
            .startEvent()
            .businessRuleTask(
                "route", b -> b.zeebeCalledDecisionId("absent").zeebeResultVariable("r"))
            .endEvent()
            .done());
    String failing = unique("brt-failing");
    deploy(
        Bpmn.createExecutableProcess(failing)
            .startEvent()
            .businessRuleTask(
                "route", b -> b.zeebeCalledDecisionId("failing").zeebeResultVariable("r"))
            .endEvent()
            .done());

    long first = start(missing).getProcessInstanceKey();
    long second = start(failing, Map.of("x", 5)).getProcessInstanceKey();

    assertThat(awaitIncident(first).value().errorType()).isEqualTo("CALLED_DECISION_ERROR");
    assertThat(awaitIncident(second).value().errorType()).isEqualTo("DECISION_EVALUATION_ERROR");
  }

  @Test
  void shouldRunJobBasedBusinessRuleTaskLikeServiceTask() {
    String processId = unique("brt-job");
    String type = unique("t");
    deploy(
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .businessRuleTask("route", b -> b.zeebeJobType(type))
            .endEvent()
            .done());
    long key = start(processId).getProcessInstanceKey();

    completeJob(type, Map.of("route", "DONATION"));

    awaitCompleted(key);
    assertThat(variables(key)).containsEntry("route", "DONATION");
  }
}
