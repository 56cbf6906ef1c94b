package fr.secondevie.engine;

import fr.secondevie.engine.clock.ControlledClock;
import fr.secondevie.engine.gateway.GrpcServer;
import fr.secondevie.engine.history.History;
import fr.secondevie.engine.management.ManagementApi;
import fr.secondevie.engine.processing.Commands;
import fr.secondevie.engine.processing.Engine;
import fr.secondevie.engine.record.FileRecordStore;
import fr.secondevie.engine.record.InMemoryRecordStore;
import fr.secondevie.engine.record.RecordStore;
import fr.secondevie.engine.rest.ApiContext;
import fr.secondevie.engine.rest.RestApi;
import fr.secondevie.engine.rest.http.HttpPolicy;
import fr.secondevie.engine.rest.http.HttpService;
import fr.secondevie.engine.security.BasicAuthenticator;
import fr.secondevie.engine.security.BindAddresses;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The engine with its transports. Build it, {@link #start()} it, {@link #close()} it:
 *
 * <pre>{@code
 * try (EmbeddedEngine engine =
 *     EmbeddedEngine.builder()
 *         .grpcPort(0)
 *         .restPort(0)
 *         .basicAuth("engine", password)
 *         .build()
 *         .start()) {
 *   URI grpc = URI.create("http://localhost:" + engine.grpcPort());
 *   URI rest = URI.create("http://localhost:" + engine.restPort());
 * }
 * }</pre>
 *
 * <p>It serves up to three ports, like a Camunda 8 cluster: the gRPC gateway, the REST API ({@code
 * /v2}) and, when {@link Builder#managementEnabled turned on}, the management API ({@code
 * /actuator/clock}, {@code /actuator/cluster/purge}), all on top of the same {@link #commands()},
 * {@link #history()} and {@link #clock()}. A port of 0 picks a free one; the accessors return the
 * bound ports once started.
 *
 * <p>Safe by default: every port listens on {@code 127.0.0.1} unless told otherwise, the management
 * API is off and can only ever listen on loopback, and request bodies are limited. With {@link
 * Builder#basicAuth} every call must carry those credentials (401 on HTTP, {@code UNAUTHENTICATED}
 * on gRPC, before anything runs); without it the engine serves anyone who reaches the port, which
 * only the engine's own tests do.
 */
public final class EmbeddedEngine implements AutoCloseable {

  public static final int DEFAULT_GRPC_PORT = 26500;
  public static final int DEFAULT_REST_PORT = 8080;
  public static final int DEFAULT_MANAGEMENT_PORT = 9600;

  /** What Camunda Process Test's management client polls after a purge, without credentials. */
  static final String TOPOLOGY_ROUTE = "GET /v2/topology";

  private final Builder config;
  private final ControlledClock clock;
  private Engine engine;
  private GrpcServer grpc;
  private HttpService rest;
  private HttpService management;

  private EmbeddedEngine(Builder config) {
    this.config = config;
    this.clock = config.clock != null ? config.clock : new ControlledClock();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Starts the processing loop and binds the ports; returns this engine. */
  public synchronized EmbeddedEngine start() {
    if (engine != null) {
      throw new IllegalStateException("Expected a stopped engine but it is already started");
    }
    InetSocketAddress grpcAddress =
        BindAddresses.of("gRPC port", config.grpcHost(), config.grpcPort);
    InetSocketAddress restAddress =
        BindAddresses.of("REST port", config.restHost(), config.restPort);
    InetSocketAddress managementAddress =
        BindAddresses.loopbackOnly(
            "management port", config.managementBindAddress, config.managementPort);
    BasicAuthenticator authenticator =
        config.credentials == null ? null : new BasicAuthenticator(config.credentials);
    engine = new Engine(clock, config.store.get());
    try {
      engine.start();
      grpc =
          new GrpcServer(
              grpcAddress, engine.commands(), authenticator, config.maxDeploymentSizeAsInt());
      int[] restPort = new int[1];
      ApiContext api =
          new ApiContext(engine.commands(), engine.history(), clock, () -> restPort[0]);
      rest =
          new HttpService(
              "engine-rest",
              restAddress,
              RestApi.router(api),
              new HttpPolicy(
                  authenticator,
                  config.managementWithoutCredentials ? Set.of(TOPOLOGY_ROUTE) : Set.of(),
                  config.maxRequestSize,
                  config.maxDeploymentSize));
      restPort[0] = rest.port();
      if (config.managementEnabled) {
        management =
            new HttpService(
                "engine-management",
                managementAddress,
                ManagementApi.router(api),
                new HttpPolicy(
                    config.managementWithoutCredentials ? null : authenticator,
                    Set.of(),
                    config.maxRequestSize,
                    config.maxDeploymentSize));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    return this;
  }

  /** The bound gRPC port (-1 when stopped). */
  public int grpcPort() {
    return grpc == null ? -1 : grpc.port();
  }

  /** The bound REST port (-1 when stopped). */
  public int restPort() {
    return rest == null ? -1 : rest.port();
  }

  /** The bound management port (-1 when stopped or when the management API is off). */
  public int managementPort() {
    return management == null ? -1 : management.port();
  }

  /** The interface and port the gRPC gateway listens on (null when stopped). */
  public InetSocketAddress grpcAddress() {
    return grpc == null ? null : grpc.address();
  }

  /** The interface and port the REST API listens on (null when stopped). */
  public InetSocketAddress restAddress() {
    return rest == null ? null : rest.address();
  }

  /** The interface and port of the management API (null when stopped or off). */
  public InetSocketAddress managementAddress() {
    return management == null ? null : management.address();
  }

  /** Whether every call must carry credentials ({@link Builder#basicAuth}). */
  public boolean requiresCredentials() {
    return config.credentials != null;
  }

  public ControlledClock clock() {
    return clock;
  }

  /** Commands, for transports and for tests that drive what the gRPC API does not offer. */
  public Commands commands() {
    return requireStarted().commands();
  }

  /** Everything that ran, for queries (the REST searches of phase B read it). */
  public History history() {
    return requireStarted().history();
  }

  private Engine requireStarted() {
    if (engine == null) {
      throw new IllegalStateException("Expected a started engine but it is not started");
    }
    return engine;
  }

  @Override
  public synchronized void close() {
    if (management != null) {
      management.close();
      management = null;
    }
    if (rest != null) {
      rest.close();
      rest = null;
    }
    if (grpc != null) {
      grpc.close();
      grpc = null;
    }
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  /**
   * Ports (0 picks a free one) and where they listen, credentials, management API, body limits,
   * clock and record store.
   */
  public static final class Builder {
    private int grpcPort = DEFAULT_GRPC_PORT;
    private int restPort = DEFAULT_REST_PORT;
    private int managementPort = DEFAULT_MANAGEMENT_PORT;
    private String bindAddress = BindAddresses.LOOPBACK;
    private String grpcBindAddress;
    private String restBindAddress;
    private String managementBindAddress = BindAddresses.LOOPBACK;
    private boolean managementEnabled;
    private boolean managementWithoutCredentials;
    private EngineCredentials credentials;
    private long maxRequestSize = HttpPolicy.DEFAULT_MAX_JSON_BODY;
    private long maxDeploymentSize = HttpPolicy.DEFAULT_MAX_MULTIPART_BODY;
    private ControlledClock clock;
    private Supplier<RecordStore> store = InMemoryRecordStore::new;

    private Builder() {}

    public Builder grpcPort(int port) {
      this.grpcPort = port;
      return this;
    }

    public Builder restPort(int port) {
      this.restPort = port;
      return this;
    }

    /** The management API's port; it is only served with {@link #managementEnabled(boolean)}. */
    public Builder managementPort(int port) {
      this.managementPort = port;
      return this;
    }

    /**
     * Where the gRPC and REST ports listen (an address of this machine, or {@code 0.0.0.0} for
     * every interface); default {@code 127.0.0.1}, this machine only.
     */
    public Builder bindAddress(String address) {
      this.bindAddress = requireText(address, "bind address");
      return this;
    }

    /** Where the gRPC port listens, instead of {@link #bindAddress}. */
    public Builder grpcBindAddress(String address) {
      this.grpcBindAddress = address == null || address.isBlank() ? null : address;
      return this;
    }

    /** Where the REST port listens, instead of {@link #bindAddress}. */
    public Builder restBindAddress(String address) {
      this.restBindAddress = address == null || address.isBlank() ? null : address;
      return this;
    }

    /**
     * Where the management API listens: a loopback address only ({@link #start()} refuses any
     * other); default {@code 127.0.0.1}.
     */
    public Builder managementBindAddress(String address) {
      this.managementBindAddress = requireText(address, "management bind address");
      return this;
    }

    /**
     * Serves the management API (move the clock, purge everything): off by default; Camunda Process
     * Test needs it.
     */
    public Builder managementEnabled(boolean enabled) {
      this.managementEnabled = enabled;
      return this;
    }

    /**
     * Every call (gRPC, REST, management) must carry these credentials as HTTP Basic. Without it
     * the engine serves anyone who reaches its ports.
     */
    public Builder basicAuth(String username, String password) {
      return basicAuth(new EngineCredentials(username, password));
    }

    /** Like {@link #basicAuth(String, String)}; null serves without credentials. */
    public Builder basicAuth(EngineCredentials credentials) {
      this.credentials = credentials;
      return this;
    }

    /**
     * For a throw-away test engine only: serves the management API and {@code GET /v2/topology}
     * without credentials, the rest still requiring them. Camunda Process Test 8.8's management
     * client sends no credentials (it moves the clock, purges, then polls the topology), so a test
     * engine it drives needs this. The management API still listens on loopback only.
     */
    public Builder managementWithoutCredentials(boolean open) {
      this.managementWithoutCredentials = open;
      return this;
    }

    /** The largest REST or management request body, in bytes (default 4 MiB); 413 above. */
    public Builder maxRequestSize(long bytes) {
      this.maxRequestSize = bytes;
      return this;
    }

    /**
     * The largest deployment, in bytes: a multipart REST body or a gRPC message (default 16 MiB);
     * 413 or {@code RESOURCE_EXHAUSTED} above.
     */
    public Builder maxDeploymentSize(long bytes) {
      this.maxDeploymentSize = bytes;
      return this;
    }

    /** The clock every timer uses; tests pin and move it. */
    public Builder clock(ControlledClock clock) {
      this.clock = clock;
      return this;
    }

    /** Where the log is kept (in memory by default). */
    public Builder recordStore(Supplier<RecordStore> store) {
      this.store = store;
      return this;
    }

    /**
     * Keeps the log in a durable journal under this directory ({@link FileRecordStore}): an engine
     * started again on the same directory goes on where this one stopped. {@code null} keeps it in
     * memory, the default.
     */
    public Builder dataDirectory(Path directory) {
      this.store =
          directory == null ? InMemoryRecordStore::new : () -> FileRecordStore.open(directory);
      return this;
    }

    /** Checks the settings (bind addresses, limits) and builds a stopped engine. */
    public EmbeddedEngine build() {
      if (maxRequestSize <= 0 || maxDeploymentSize <= 0 || maxDeploymentSize > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "Expected positive request size limits (the deployment one below 2 GiB), but got "
                + maxRequestSize
                + " and "
                + maxDeploymentSize);
      }
      BindAddresses.loopbackOnly("management port", managementBindAddress, managementPort);
      return new EmbeddedEngine(this);
    }

    private String grpcHost() {
      return grpcBindAddress != null ? grpcBindAddress : bindAddress;
    }

    private String restHost() {
      return restBindAddress != null ? restBindAddress : bindAddress;
    }

    private int maxDeploymentSizeAsInt() {
      return (int) maxDeploymentSize;
    }

    private static String requireText(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("Expected a " + what + ", but it is blank");
      }
      return value.strip();
    }
  }
}
