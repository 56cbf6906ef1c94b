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
import fr.secondevie.engine.rest.http.HttpService;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The engine with its transports. Build it, {@link #start()} it, {@link #close()} it:
 *
 * <pre>{@code
 * try (EmbeddedEngine engine =
 *     EmbeddedEngine.builder().grpcPort(0).restPort(0).managementPort(0).build().start()) {
 *   URI grpc = URI.create("http://localhost:" + engine.grpcPort());
 *   URI rest = URI.create("http://localhost:" + engine.restPort());
 * }
 * }</pre>
 *
 * <p>It serves three ports, like a Camunda 8 cluster: the gRPC gateway, the REST API ({@code /v2})
 * and the management API ({@code /actuator/clock}, {@code /actuator/cluster/purge}), all on top of
 * the same {@link #commands()}, {@link #history()} and {@link #clock()}. A port of 0 picks a free
 * one; the accessors return the bound ports once started.
 */
public final class EmbeddedEngine implements AutoCloseable {

  public static final int DEFAULT_GRPC_PORT = 26500;
  public static final int DEFAULT_REST_PORT = 8080;
  public static final int DEFAULT_MANAGEMENT_PORT = 9600;

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
    engine = new Engine(clock, config.store.get());
    try {
      engine.start();
      grpc = new GrpcServer(config.grpcPort, engine.commands());
      int[] restPort = new int[1];
      ApiContext api =
          new ApiContext(engine.commands(), engine.history(), clock, () -> restPort[0]);
      rest = new HttpService("engine-rest", config.restPort, RestApi.router(api));
      restPort[0] = rest.port();
      management =
          new HttpService("engine-management", config.managementPort, ManagementApi.router(api));
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

  /** The bound management port (-1 when stopped). */
  public int managementPort() {
    return management == null ? -1 : management.port();
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

  /** Ports (0 picks a free one), clock and record store. */
  public static final class Builder {
    private int grpcPort = DEFAULT_GRPC_PORT;
    private int restPort = DEFAULT_REST_PORT;
    private int managementPort = DEFAULT_MANAGEMENT_PORT;
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

    public Builder managementPort(int port) {
      this.managementPort = port;
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

    public EmbeddedEngine build() {
      return new EmbeddedEngine(this);
    }
  }
}
