package fr.secondevie.embedded;

import fr.secondevie.engine.EmbeddedEngine;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Starts the in-process engine before anything needs it and closes it on shutdown.
 *
 * <p>In embedded mode the process application talks to this engine exactly as it would talk to
 * Camunda: through the Camunda Java client, on the ports that {@link EmbeddedModeDefaults} gives
 * the client. A throw-away engine (tests, {@code secondevie.embedded.engine.ephemeral=true}) is
 * already running and shared by the JVM ({@link SharedEngine}): this bean leaves it alone.
 *
 * <p>The engine listens on {@code 127.0.0.1} unless {@code secondevie.embedded.engine.bind-address}
 * says otherwise, requires its credentials on every call ({@link EngineCredentialsSource}), and
 * serves no management API unless {@code secondevie.embedded.engine.management-enabled=true}.
 *
 * <p>The engine keeps its log in a journal under {@code secondevie.embedded.engine.data-dir}
 * (default {@code ./data/engine}): stopping and starting the application again keeps the running
 * process instances, as MariaDB keeps the business data.
 */
public class EmbeddedEngineLifecycle implements SmartLifecycle {

  /** Before the Camunda client's lifecycle beans, which deploy and open job workers. */
  public static final int PHASE = Integer.MIN_VALUE + 1000;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngineLifecycle.class);

  private final EmbeddedModeProperties.Engine settings;
  private EmbeddedEngine engine;
  private volatile boolean running;

  public EmbeddedEngineLifecycle(EmbeddedModeProperties.Engine settings) {
    this.settings = settings;
  }

  @Override
  public synchronized void start() {
    if (!settings.enabled()) {
      LOG.warn(
          "Embedded engine disabled (secondevie.embedded.engine.enabled=false): no process runs "
              + "and the Camunda client neither deploys nor polls.");
    } else if (settings.ephemeral()) {
      EmbeddedEngine shared = SharedEngine.obtain();
      LOG.info(
          "Using the throw-away engine of this JVM (gRPC {}, REST {}, management {})",
          shared.grpcAddress(),
          shared.restAddress(),
          shared.managementAddress());
    } else {
      long begin = System.nanoTime();
      Path credentialsFile = EngineCredentialsSource.file(settings);
      engine =
          EmbeddedEngine.builder()
              .grpcPort(settings.grpcPort())
              .restPort(settings.restPort())
              .managementPort(settings.managementPort())
              .bindAddress(settings.bindAddress())
              .grpcBindAddress(settings.grpcBindAddress())
              .restBindAddress(settings.restBindAddress())
              .managementEnabled(settings.managementEnabled())
              .basicAuth(EngineCredentialsSource.of(settings))
              .dataDirectory(settings.dataDir())
              .build()
              .start();
      LOG.info(
          "Embedded engine started in {} ms (gRPC {}, REST {}, management {}, journal in {},"
              + " credentials {})",
          (System.nanoTime() - begin) / 1_000_000,
          engine.grpcAddress(),
          engine.restAddress(),
          engine.managementAddress() == null ? "off" : engine.managementAddress(),
          settings.dataDir().toAbsolutePath().normalize(),
          credentialsFile == null
              ? "configured (secondevie.embedded.engine.password)"
              : "in " + credentialsFile.toAbsolutePath().normalize());
    }
    running = true;
  }

  @Override
  public synchronized void stop() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
