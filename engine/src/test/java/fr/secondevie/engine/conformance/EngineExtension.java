package fr.secondevie.engine.conformance;

import fr.secondevie.engine.EmbeddedEngine;
import io.camunda.client.CamundaClient;
import java.net.URI;
import java.time.Duration;

/**
 * One engine and one gRPC client for the whole test JVM, started on a free port. Tests isolate
 * themselves with unique process ids, message names and job types instead of restarting it.
 */
final class EngineExtension {

  static final EmbeddedEngine ENGINE =
      EmbeddedEngine.builder()
          .grpcPort(0)
          .restPort(0)
          .managementPort(0)
          .managementEnabled(true)
          .build()
          .start();

  /** The engine's clock, moved through its management API ({@code /actuator/clock}). */
  static final ManagementClock CLOCK = new ManagementClock(ENGINE.managementPort());

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
