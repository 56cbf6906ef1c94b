package fr.secondevie.engine.conformance;

import static fr.secondevie.engine.conformance.DeploymentTest.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.secondevie.engine.EmbeddedEngine;
import io.camunda.client.CamundaClient;
import io.grpc.Status;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Purge deletes everything, deployments included (what the management API's {@code
 * /actuator/cluster/purge} will expose). Checks
 * https://docs.camunda.io/docs/apis-tools/testing/configuration/ (remote runtime prerequisites).
 */
class PurgeTest {

  @Test
  void shouldDeleteDeploymentsInstancesAndHistory() throws Exception {
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
                .restAddress(URI.create("http://localhost:" + engine.restPort()))
                .build()) {
      // given
      client
          .newDeployResourceCommand()
          .addProcessModel(ConformanceTest.serviceTaskProcess("purged", "purged.work"), "p.bpmn")
          .send()
          .join();
      client.newCreateInstanceCommand().bpmnProcessId("purged").latestVersion().send().join();

      // when
      HttpResponse<String> purged =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:"
                                  + engine.managementPort()
                                  + "/actuator/cluster/purge"))
                      .POST(HttpRequest.BodyPublishers.noBody())
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      // then
      assertThat(purged.statusCode()).as(purged.body()).isBetween(200, 299);
      await()
          .atMost(java.time.Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(client.newProcessInstanceSearchRequest().send().join().items())
                    .isEmpty();
                assertThat(client.newProcessDefinitionSearchRequest().send().join().items())
                    .isEmpty();
              });
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
