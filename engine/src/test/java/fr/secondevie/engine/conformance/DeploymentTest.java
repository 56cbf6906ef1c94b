package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.Status;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Deployments: BPMN, DMN and forms in one atomic deployment, versioning, rejection of bad and
 * unsupported resources. Checks
 * https://docs.camunda.io/docs/apis-tools/zeebe-api/gateway-service/#deployresource-rpc and
 * https://docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/.
 */
class DeploymentTest extends ConformanceTest {

  @Test
  void shouldDeployBpmnDmnAndFormTogether() {
    // given
    String processId = unique("deploy-all");

    // when
    DeploymentEvent deployment =
        client
            .newDeployResourceCommand()
            .addProcessModel(serviceTaskProcess(processId, "t"), processId + ".bpmn")
            .addResourceFromClasspath("fixtures/dish.dmn")
            .addResourceFromClasspath("fixtures/review.form")
            .send()
            .join();

    // then
    assertThat(deployment.getKey()).isPositive();
    assertThat(deployment.getProcesses())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.getBpmnProcessId()).isEqualTo(processId);
              assertThat(p.getVersion()).isEqualTo(1);
              assertThat(p.getResourceName()).isEqualTo(processId + ".bpmn");
              assertThat(p.getProcessDefinitionKey() >> 51).isEqualTo(1L);
            });
    assertThat(deployment.getDecisions()).extracting(d -> d.getDmnDecisionId()).contains("dish");
    assertThat(deployment.getDecisionRequirements())
        .extracting(d -> d.getDmnDecisionRequirementsId())
        .contains("dish-drg");
    assertThat(deployment.getForm()).extracting(f -> f.getFormId()).contains("review-form");
  }

  @Test
  void shouldKeepVersionOfIdenticalRedeployment() {
    // given
    String processId = unique("redeploy");
    BpmnModelInstance model = serviceTaskProcess(processId, "t");
    DeploymentEvent first = deploy(model);

    // when
    DeploymentEvent second = deploy(model);

    // then
    assertThat(second.getProcesses().get(0).getVersion()).isEqualTo(1);
    assertThat(second.getProcesses().get(0).getProcessDefinitionKey())
        .isEqualTo(first.getProcesses().get(0).getProcessDefinitionKey());
  }

  @Test
  void shouldCreateNewVersionOfChangedProcess() {
    // given
    String processId = unique("changed");
    DeploymentEvent first = deploy(serviceTaskProcess(processId, "t1"));

    // when
    DeploymentEvent second = deploy(serviceTaskProcess(processId, "t2"));

    // then
    assertThat(second.getProcesses().get(0).getVersion()).isEqualTo(2);
    assertThat(second.getProcesses().get(0).getProcessDefinitionKey())
        .isNotEqualTo(first.getProcesses().get(0).getProcessDefinitionKey());
    long instance = start(processId).getProcessDefinitionKey();
    assertThat(instance).isEqualTo(second.getProcesses().get(0).getProcessDefinitionKey());
  }

  @Test
  void shouldRejectInvalidBpmnNamingResourceAndElement() {
    // given a service task without a job type
    String processId = unique("invalid");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task-without-type")
            .endEvent()
            .done();

    // when / then
    assertThatThrownBy(() -> deploy(model))
        .isInstanceOf(ClientStatusException.class)
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("Expected to deploy new resources, but")
        .hasMessageContaining(processId + ".bpmn")
        .hasMessageContaining("task-without-type");
  }

  @Test
  void shouldRejectMalformedXml() {
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceString("<definitions", StandardCharsets.UTF_8, "broken.bpmn")
                    .send()
                    .join())
        .isInstanceOf(ClientStatusException.class)
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("broken.bpmn");
  }

  @Test
  void shouldRejectUnsupportedElementNamingTypeAndId() {
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addResourceFromClasspath("fixtures/unsupported.bpmn")
                    .send()
                    .join())
        .isInstanceOf(ClientStatusException.class)
        .satisfies(e -> assertStatus(e, Status.Code.INVALID_ARGUMENT))
        .hasMessageContaining("unsupported complexGateway 'fork'")
        .hasMessageContaining("unsupported transaction 'deal'");
  }

  @Test
  void shouldRejectWholeDeploymentWhenOneResourceIsBad() {
    // given
    String processId = unique("atomic");

    // when
    assertThatThrownBy(
            () ->
                client
                    .newDeployResourceCommand()
                    .addProcessModel(serviceTaskProcess(processId, "t"), processId + ".bpmn")
                    .addResourceFromClasspath("fixtures/broken.dmn")
                    .send()
                    .join())
        .isInstanceOf(ClientStatusException.class)
        .hasMessageContaining("broken.dmn");

    // then the valid process was not deployed either
    assertThatThrownBy(() -> start(processId))
        .isInstanceOf(ClientStatusException.class)
        .satisfies(e -> assertStatus(e, Status.Code.NOT_FOUND));
  }

  @Test
  void shouldRejectUnsupportedEventsNamingTypeAndId() {
    String processId = unique("unsupported");
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType("t"))
            .boundaryEvent("undo")
            .compensateEventDefinition()
            .compensateEventDefinitionDone()
            .moveToActivity("task")
            .intermediateCatchEvent("when")
            .condition("=x > 1")
            .endEvent()
            .done();
    assertThatThrownBy(() -> deploy(model))
        .hasMessageContaining("Expected an element supported by the embedded engine but found")
        .hasMessageContaining("'undo'")
        .hasMessageContaining("'when'");
  }

  static void assertStatus(Throwable error, Status.Code code) {
    assertThat(((ClientStatusException) error).getStatusCode()).isEqualTo(code);
  }
}
