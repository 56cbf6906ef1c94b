package fr.secondevie.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * <strong>Where the embedded engine is started.</strong>
 *
 * <p>In embedded mode the process application talks to an in-process engine exactly as it would
 * talk to Camunda: through the Camunda Java client, on the ports below (see {@link
 * EmbeddedModeDefaults}, which points {@code camunda.client.*} at them). This lifecycle bean starts
 * that engine before anything else needs it and closes it on shutdown.
 *
 * <p>The engine module is being written (issue "embedded engine"); until it lands, {@code
 * secondevie.embedded.engine.enabled} is false, this bean only logs that processes are not
 * deployed, and the Camunda client neither deploys nor polls (so the application starts without
 * anything listening on 26500). To wire it, replace the body of {@link #start()} with:
 *
 * <pre>{@code
 * engine = fr.secondevie.engine.EmbeddedEngine.builder()
 *     .grpcPort(settings.grpcPort())
 *     .restPort(settings.restPort())
 *     .managementPort(settings.managementPort())
 *     .start();
 * }</pre>
 *
 * then close it in {@link #stop()} and set {@code secondevie.embedded.engine.enabled} to true by
 * default in {@link EmbeddedModeProperties.Engine}.
 */
public class EmbeddedEngineLifecycle implements SmartLifecycle {

  /**
   * Before the Camunda client's own lifecycle beans (job workers start in the default phase), and
   * after the web server has not yet started: the engine is up when workers open their streams.
   */
  public static final int PHASE = Integer.MIN_VALUE + 1000;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedEngineLifecycle.class);

  private final EmbeddedModeProperties.Engine settings;
  private volatile boolean running;

  public EmbeddedEngineLifecycle(EmbeddedModeProperties.Engine settings) {
    this.settings = settings;
  }

  @Override
  public void start() {
    if (settings.enabled()) {
      throw new IllegalStateException(
          "secondevie.embedded.engine.enabled=true but the embedded engine is not wired yet: "
              + "see EmbeddedEngineLifecycle#start");
    }
    LOG.warn(
        "Embedded engine not started yet (secondevie.embedded.engine.enabled=false): BPMN models "
            + "are not deployed and no job worker runs. The Camunda client is configured for "
            + "gRPC {} and REST {}.",
        settings.grpcPort(),
        settings.restPort());
    running = true;
  }

  @Override
  public void stop() {
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
