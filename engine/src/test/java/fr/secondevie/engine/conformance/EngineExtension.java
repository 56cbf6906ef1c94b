package fr.secondevie.engine.conformance;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.clock.ControlledClock;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.time.Duration;

/**
 * One engine and one gRPC client for the whole test JVM, started on a free port. Tests isolate
 * themselves with unique process ids, message names and job types instead of restarting it.
 */
final class EngineExtension {

  static final ControlledClock CLOCK = new ControlledClock();
  static final EmbeddedEngine ENGINE =
      EmbeddedEngine.builder()
          .grpcPort(0)
          .restPort(0)
          .managementPort(0)
          .managementEnabled(true)
          .clock(CLOCK)
          .build()
          .start();
  static final CamundaClient CLIENT = newClient();

  private EngineExtension() {}

  static CamundaClient newClient() {
    return CamundaClient.newClientBuilder()
        .preferRestOverGrpc(false)
        .grpcAddress(URI.create("http://localhost:" + ENGINE.grpcPort()))
        .restAddress(URI.create("http://localhost:" + ENGINE.restPort()))
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }
}
