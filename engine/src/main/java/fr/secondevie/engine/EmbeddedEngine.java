package fr.secondevie.engine;

import fr.secondevie.engine.clock.ControlledClock;
import fr.secondevie.engine.gateway.GrpcServer;
import fr.secondevie.engine.history.History;
import fr.secondevie.engine.processing.Commands;
import fr.secondevie.engine.processing.Engine;
import fr.secondevie.engine.record.InMemoryRecordStore;
import fr.secondevie.engine.record.RecordStore;
import java.util.function.Supplier;

/**
 * The engine with its transports. Build it, {@link #start()} it, {@link #close()} it:
 *
 * <pre>{@code
 * try (EmbeddedEngine engine = EmbeddedEngine.builder().grpcPort(0).build().start()) {
 *   URI grpc = URI.create("http://localhost:" + engine.grpcPort());
 * }
 * }</pre>
 *
 * <p>Phase A serves the gRPC gateway. The REST API ({@code /v2}) and the management API ({@code
 * /actuator/clock}, {@code /actuator/cluster/purge}) will bind {@link #restPort()} and {@link
 * #managementPort()} on top of the same {@link #commands()}, {@link #history()} and {@link
 * #clock()}.
 */
public final class EmbeddedEngine implements AutoCloseable {

  public static final int DEFAULT_GRPC_PORT = 26500;
  public static final int DEFAULT_REST_PORT = 8080;
  public static final int DEFAULT_MANAGEMENT_PORT = 9600;

  private final Builder config;
  private final ControlledClock clock;
  private Engine engine;
  private GrpcServer grpc;

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
    engine.start();
    try {
      grpc = new GrpcServer(config.grpcPort, engine.commands());
    } catch (RuntimeException e) {
      engine.close();
      engine = null;
      throw e;
    }
    return this;
  }

  public int grpcPort() {
    return grpc == null ? -1 : grpc.port();
  }

  /** The REST port as configured (served from phase B on). */
  public int restPort() {
    return config.restPort;
  }

  /** The management port as configured (served from phase B on). */
  public int managementPort() {
    return config.managementPort;
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

    public EmbeddedEngine build() {
      return new EmbeddedEngine(this);
    }
  }
}
