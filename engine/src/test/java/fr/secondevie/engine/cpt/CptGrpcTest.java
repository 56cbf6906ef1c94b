package fr.secondevie.engine.cpt;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.process.test.api.CamundaProcessTest;
import org.junit.jupiter.api.Test;

/**
 * The scenarios with CPT's plain JUnit extension as configured by {@code
 * /camunda-container-runtime.properties} (REMOTE mode against the embedded engine): CPT's clients
 * prefer gRPC for every command that has a gRPC variant, and use REST for searches and user tasks.
 */
@CamundaProcessTest
class CptGrpcTest extends CptScenarios {

  @Test
  void clientsPreferGrpc() {
    assertThat(client.getConfiguration().preferRestOverGrpc()).isFalse();
  }
}
