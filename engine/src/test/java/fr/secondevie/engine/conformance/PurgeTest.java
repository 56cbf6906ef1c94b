package fr.secondevie.engine.conformance;

import static fr.secondevie.engine.conformance.DeploymentTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.engine.EmbeddedEngine;
import io.camunda.client.CamundaClient;
import io.grpc.Status;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Purge deletes everything, deployments included (what the management API's {@code
 * /actuator/cluster/purge} will expose). Checks
 * https://docs.camunda.io/docs/apis-tools/testing/configuration/ (remote runtime prerequisites).
 */
class PurgeTest {

  @Test
  void shouldDeleteDeploymentsInstancesAndHistory() {
    try (EmbeddedEngine engine =
            EmbeddedEngine.builder()
                .grpcPort(0)
                .restPort(0)
                .managementPort(0)
                .managementEnabled(true)
                .build()
                .start();
        CamundaClient client =
            CamundaClient.newClientBuilder()
                .preferRestOverGrpc(false)
                .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
                .build()) {
      // given
      client
          .newDeployResourceCommand()
          .addProcessModel(ConformanceTest.serviceTaskProcess("purged", "purged.work"), "p.bpmn")
          .send()
          .join();
      client.newCreateInstanceCommand().bpmnProcessId("purged").latestVersion().send().join();

      // when
      engine.commands().purge().join();

      // then
      assertThat(engine.history().processInstances()).isEmpty();
      assertThat(engine.history().processDefinitions()).isEmpty();
      assertThatThrownBy(
              () ->
                  client
                      .newCreateInstanceCommand()
                      .bpmnProcessId("purged")
                      .latestVersion()
                      .send()
                      .join())
          .satisfies(e -> assertStatus(e, Status.Code.NOT_FOUND));
      assertThat(
              client
                  .newActivateJobsCommand()
                  .jobType("purged.work")
                  .maxJobsToActivate(1)
                  .requestTimeout(java.time.Duration.ofMillis(100))
                  .send()
                  .join()
                  .getJobs())
          .isEmpty();
    }
  }
}
