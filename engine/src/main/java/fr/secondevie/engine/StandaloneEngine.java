package fr.secondevie.engine;

import fr.secondevie.engine.rest.http.HttpPolicy;
import fr.secondevie.engine.security.BindAddresses;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the engine as its own process, like Camunda 8 Run, until it is stopped (Ctrl+C or SIGTERM).
 * Prints one line when ready (ports, addresses and where the credentials are, never the password).
 *
 * <p>System properties:
 *
 * <ul>
 *   <li>{@code engine.grpc-port}, {@code engine.rest-port}, {@code engine.management-port}: ports
 *       (defaults 26500, 8080, 9600);
 *   <li>{@code engine.bind-address}: where gRPC and REST listen (default {@code 127.0.0.1}, this
 *       machine only; {@code 0.0.0.0} for every interface), {@code engine.grpc-bind-address} and
 *       {@code engine.rest-bind-address} for one of them;
 *   <li>{@code engine.management-enabled}: serve the management API (clock, purge), off by default,
 *       always on {@code 127.0.0.1};
 *   <li>{@code engine.management-without-credentials}: with the management API on, serve it and
 *       {@code GET /v2/topology} without credentials (off by default), for a throw-away engine that
 *       Camunda Process Test's REMOTE mode drives: its management client sends none (the rest of
 *       the REST API and gRPC still require them);
 *   <li>{@code engine.data-dir}: keeps the log in a durable journal under that directory (in memory
 *       without it);
 *   <li>credentials, always required: {@code engine.username} and {@code engine.password}, or else
 *       the file {@code engine.credentials-file} (default {@code engine-credentials.properties} in
 *       the data directory, or in the working directory without one), generated at the first start
 *       with a random password and readable by its owner only;
 *   <li>{@code engine.max-request-size}, {@code engine.max-deployment-size}: body limits in bytes
 *       (defaults 4 MiB and 16 MiB).
 * </ul>
 */
public final class StandaloneEngine {

  private StandaloneEngine() {}

  public static void main(String[] args) throws InterruptedException {
    long start = System.nanoTime();
    Started started = start(System.getProperties());
    EmbeddedEngine engine = started.engine();
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
        "Seconde Vie engine ready in %d ms: gRPC on %s, REST (/v2) on %s, management (/actuator)"
            + " %s; HTTP Basic user '%s', password %s%n",
        (System.nanoTime() - start) / 1_000_000,
        engine.grpcAddress(),
        engine.restAddress(),
        engine.managementAddress() == null ? "off" : "on " + engine.managementAddress(),
        started.credentials().username(),
        started.credentialsFile() == null
            ? "from -Dengine.password"
            : "in " + started.credentialsFile().toAbsolutePath().normalize());
    stopped.await();
  }

  /**
   * A started engine, its credentials and the file they are kept in (null when given as
   * properties).
   */
  record Started(EmbeddedEngine engine, EngineCredentials credentials, Path credentialsFile) {}

  /** Starts the engine as the {@code engine.*} properties say (see the class comment). */
  static Started start(Properties properties) {
    Path dataDir = path(properties, "engine.data-dir");
    String username = properties.getProperty("engine.username");
    String password = properties.getProperty("engine.password");
    Path credentialsFile = null;
    EngineCredentials credentials;
    if (password != null && !password.isBlank()) {
      credentials =
          new EngineCredentials(
              username == null || username.isBlank()
                  ? EngineCredentials.DEFAULT_USERNAME
                  : username,
              password);
    } else {
      credentialsFile = credentialsFile(properties, dataDir);
      credentials = CredentialsFile.readOrCreate(credentialsFile);
    }
    boolean managementEnabled =
        Boolean.parseBoolean(properties.getProperty("engine.management-enabled"));
    EmbeddedEngine engine =
        EmbeddedEngine.builder()
            .grpcPort(integer(properties, "engine.grpc-port", EmbeddedEngine.DEFAULT_GRPC_PORT))
            .restPort(integer(properties, "engine.rest-port", EmbeddedEngine.DEFAULT_REST_PORT))
            .managementPort(
                integer(
                    properties, "engine.management-port", EmbeddedEngine.DEFAULT_MANAGEMENT_PORT))
            .bindAddress(properties.getProperty("engine.bind-address", BindAddresses.LOOPBACK))
            .grpcBindAddress(properties.getProperty("engine.grpc-bind-address"))
            .restBindAddress(properties.getProperty("engine.rest-bind-address"))
            .managementEnabled(managementEnabled)
            .managementWithoutCredentials(
                managementEnabled
                    && Boolean.parseBoolean(
                        properties.getProperty("engine.management-without-credentials")))
            .basicAuth(credentials)
            .maxRequestSize(
                number(properties, "engine.max-request-size", HttpPolicy.DEFAULT_MAX_JSON_BODY))
            .maxDeploymentSize(
                number(
                    properties,
                    "engine.max-deployment-size",
                    HttpPolicy.DEFAULT_MAX_MULTIPART_BODY))
            .dataDirectory(dataDir)
            .build()
            .start();
    return new Started(engine, credentials, credentialsFile);
  }

  private static int integer(Properties properties, String name, int defaultValue) {
    return (int) number(properties, name, defaultValue);
  }

  private static long number(Properties properties, String name, long defaultValue) {
    String value = properties.getProperty(name);
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Expected a number for -D" + name + ", but got '" + value + "'", e);
    }
  }

  private static Path credentialsFile(Properties properties, Path dataDir) {
    Path configured = path(properties, "engine.credentials-file");
    if (configured != null) {
      return configured;
    }
    return dataDir == null
        ? Path.of(CredentialsFile.FILE_NAME)
        : dataDir.resolve(CredentialsFile.FILE_NAME);
  }

  private static Path path(Properties properties, String property) {
    String value = properties.getProperty(property);
    return value == null || value.isBlank() ? null : Path.of(value);
  }
}
