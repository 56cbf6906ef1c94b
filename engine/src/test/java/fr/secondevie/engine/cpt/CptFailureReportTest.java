package fr.secondevie.engine.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.impl.assertions.CamundaDataSource;
import io.camunda.process.test.impl.testresult.CamundaProcessTestResultCollector;
import io.camunda.process.test.impl.testresult.ProcessInstanceResult;
import io.camunda.process.test.impl.testresult.ProcessTestResult;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What CPT prints when a test fails: for every process instance, its global variables, active
 * incidents, active elements and open message subscriptions, collected through the same searches
 * CPT runs after a failed test.
 */
@CamundaProcessTest
class CptFailureReportTest {

  CamundaClient client;

  @Test
  void shouldCollectWhatAFailedTestPrints() {
    // given an instance with an incident on one branch and a subscription on the other
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("stuck")
                .startEvent()
                .parallelGateway("fork")
                .serviceTask("compute", t -> t.zeebeJobType("stuck.compute"))
                .endEvent()
                .moveToNode("fork")
                .receiveTask("wait")
                .message(m -> m.name("Unblock").zeebeCorrelationKeyExpression("id"))
                .endEvent()
                .done(),
            "stuck.bpmn")
        .send()
        .join();
    ProcessInstanceEvent instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("stuck")
            .latestVersion()
            .variables(Map.of("id", "s-1"))
            .send()
            .join();
    var job =
        client
            .newActivateJobsCommand()
            .jobType("stuck.compute")
            .maxJobsToActivate(1)
            .send()
            .join()
            .getJobs()
            .get(0);
    client.newFailCommand(job).retries(0).errorMessage("no value").send().join();
    assertThat(instance).hasActiveIncidents().isWaitingForMessage("Unblock");

    // when
    ProcessTestResult result =
        new CamundaProcessTestResultCollector(new CamundaDataSource(client)).collect();

    // then
    assertThat(result.getProcessInstanceTestResults()).hasSize(1);
    ProcessInstanceResult stuck = result.getProcessInstanceTestResults().get(0);
    assertThat(stuck.getVariables()).containsEntry("id", "\"s-1\"");
    assertThat(stuck.getActiveIncidents())
        .singleElement()
        .satisfies(i -> assertThat(i.getElementId()).isEqualTo("compute"));
    assertThat(stuck.getActiveElementInstances())
        .extracting(e -> e.getElementId())
        .containsExactlyInAnyOrder("compute", "wait");
    assertThat(stuck.getActiveMessageSubscriptions())
        .singleElement()
        .satisfies(s -> assertThat(s.getMessageName()).isEqualTo("Unblock"));
  }
}
