package fr.secondevie.models;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.support.TcpGate;
import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientConfiguration;
import java.net.URI;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The cluster starts after the application (issue 17): the application does not exit, it deploys
 * its models once the cluster answers. The "cluster" is the test engine behind a closed gate.
 */
@SpringBootTest
class ClusterStartsLaterTests {

  @Autowired CamundaClient client;

  @Test
  void shouldWaitForTheClusterThenDeployInsteadOfFailingTheStart() throws Exception {
    // given: a client whose cluster does not answer yet
    CamundaClientConfiguration engine = client.getConfiguration();
    try (TcpGate rest = TcpGate.closedInFrontOf(engine.getRestAddress().getPort());
        TcpGate grpc = TcpGate.closedInFrontOf(engine.getGrpcAddress().getPort());
        CamundaClient late =
            CamundaClient.newClientBuilder()
                .restAddress(URI.create("http://127.0.0.1:" + rest.port()))
                .grpcAddress(URI.create("http://127.0.0.1:" + grpc.port()))
                .credentialsProvider(engine.getCredentialsProvider())
                .preferRestOverGrpc(engine.preferRestOverGrpc())
                .defaultRequestTimeout(Duration.ofSeconds(5))
                .build()) {
      BundledModelDeployer deployer =
          new BundledModelDeployer(true, "classpath*:/retry-models", Duration.ofSeconds(2));

      // when: the client starts
      deployer.onStart(late);

      // then: no failure, the models wait
      assertThat(deployer.waitingForTheCluster()).isTrue();

      // when: the cluster starts
      rest.open();
      grpc.open();

      // then: the models are deployed without a restart
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> !deployer.waitingForTheCluster());
      assertThat(
              client
                  .newProcessDefinitionSearchRequest()
                  .filter(f -> f.processDefinitionId("cluster-late"))
                  .send()
                  .join()
                  .items())
          .isNotEmpty()
          .allSatisfy(d -> assertThat(d.getVersionTag()).isEqualTo("1.0.0"));
      deployer.destroy();
    }
  }

  @Test
  void shouldTellAClusterThatDoesNotAnswerFromOneThatRefuses() {
    // given / when / then
    assertThat(Unreachable.is(new RuntimeException(new java.net.ConnectException("refused"))))
        .isTrue();
    assertThat(
            Unreachable.is(
                new io.camunda.client.api.command.ClientHttpException(503, "Service Unavailable")))
        .isTrue();
    assertThat(
            Unreachable.is(
                new io.camunda.client.api.command.ClientHttpException(400, "Bad Request")))
        .isFalse();
    assertThat(Unreachable.is(new IllegalStateException("model refused"))).isFalse();
  }
}
