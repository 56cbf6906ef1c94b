package fr.secondevie.embedded;

import fr.secondevie.engine.EmbeddedEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The throw-away engine of a test JVM: started on free ports the first time a Spring context needs
 * it, shared by every context of the JVM (as the test MariaDB is), closed when the JVM exits. Its
 * log stays in memory: nothing of it outlives the JVM.
 *
 * <p>It is started while the environment is prepared ({@link EmbeddedModeDefaults}) because the
 * Camunda client's addresses must name its ports before any bean exists.
 */
final class SharedEngine {

  private static final Logger LOG = LoggerFactory.getLogger(SharedEngine.class);

  private static EmbeddedEngine engine;

  private SharedEngine() {}

  static synchronized EmbeddedEngine obtain() {
    if (engine == null) {
      long start = System.nanoTime();
      EmbeddedEngine started =
          EmbeddedEngine.builder().grpcPort(0).restPort(0).managementPort(0).build().start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-engine-stop"));
      LOG.info(
          "Throw-away engine started in {} ms (gRPC {}, REST {}, management {})",
          (System.nanoTime() - start) / 1_000_000,
          started.grpcPort(),
          started.restPort(),
          started.managementPort());
      engine = started;
    }
    return engine;
  }
}
