package fr.secondevie.engine.cpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.camunda.process.test.api.CamundaProcessTestExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same scenarios with every client forced to REST ({@code preferRestOverGrpc(true)}): deploy,
 * create, job activation, completion, failure and errors, messages, decisions, variables all go
 * over {@code /v2}. (With CPT's managed runtime, {@code -Pcamunda-docker}, the factory is not used
 * and this suite runs like the gRPC one.)
 */
class CptRestTest extends CptScenarios {

  @RegisterExtension
  static final CamundaProcessTestExtension EXTENSION =
      new CamundaProcessTestExtension()
          .withRemoteCamundaClientBuilderFactory(new RestPreferringClients());

  @Test
  void clientsPreferRest() {
    // a managed runtime (-Pcamunda-docker) builds its own clients
    assumeTrue(
        "remote".equalsIgnoreCase(CptEngineSession.runtimeProperties().getProperty("runtimeMode")));
    assertThat(client.getConfiguration().preferRestOverGrpc()).isTrue();
  }
}
