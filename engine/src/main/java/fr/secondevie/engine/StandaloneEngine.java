package fr.secondevie.engine;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the engine as its own process, like Camunda 8 Run, until it is stopped (Ctrl+C or SIGTERM).
 * Ports come from the system properties {@code engine.grpc-port}, {@code engine.rest-port} and
 * {@code engine.management-port} (defaults 26500, 8080, 9600); {@code engine.data-dir} keeps the
 * log in a durable journal under that directory (in memory without it). Prints one line when ready.
 */
public final class StandaloneEngine {

  private StandaloneEngine() {}

  public static void main(String[] args) throws InterruptedException {
    long start = System.nanoTime();
    EmbeddedEngine engine =
        EmbeddedEngine.builder()
            .grpcPort(Integer.getInteger("engine.grpc-port", EmbeddedEngine.DEFAULT_GRPC_PORT))
            .restPort(Integer.getInteger("engine.rest-port", EmbeddedEngine.DEFAULT_REST_PORT))
            .managementPort(
                Integer.getInteger(
                    "engine.management-port", EmbeddedEngine.DEFAULT_MANAGEMENT_PORT))
            .dataDirectory(dataDirectory())
            .build()
            .start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  engine.close();
                  stopped.countDown();
                },
                "engine-shutdown"));
    System.out.printf(
        "Seconde Vie engine ready in %d ms: gRPC on port %d, REST (/v2) on port %d, management"
            + " (/actuator) on port %d%n",
        (System.nanoTime() - start) / 1_000_000,
        engine.grpcPort(),
        engine.restPort(),
        engine.managementPort());
    stopped.await();
  }

  private static Path dataDirectory() {
    String dir = System.getProperty("engine.data-dir");
    return dir == null || dir.isBlank() ? null : Path.of(dir);
  }
}
