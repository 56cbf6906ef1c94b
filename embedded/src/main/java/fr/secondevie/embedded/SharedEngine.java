package fr.secondevie.embedded;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.EngineCredentials;
import java.lang.reflect.Method;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The throw-away engine of a test JVM: started on free loopback ports the first time a Spring
 * context needs it, shared by every context of the JVM (as the test MariaDB is), closed when the
 * JVM exits. Its log stays in memory: nothing of it outlives the JVM.
 *
 * <p>It requires credentials like the application's engine, random ones held in memory for the
 * JVM's life ({@link #credentials()}), which {@link EmbeddedModeDefaults} gives to the Camunda
 * client ({@code camunda.client.auth.*}).
 *
 * <p>Camunda Process Test 8.8.14 (REMOTE, self-managed) cannot be <em>configured</em> with
 * credentials: it builds its client with {@code CamundaClient.newClientBuilder()} and only applies
 * {@code camunda.process-test.remote.client.auth.*} in SaaS mode. Such a builder, when given no
 * credentials, reads {@code CAMUNDA_BASIC_AUTH_USERNAME} / {@code _PASSWORD} from the Camunda
 * client's environment, which the JVM can extend ({@code io.camunda.client.impl.util.Environment
 * .system().put}): the throw-away engine's credentials are put there, so CPT's clients send them.
 * CPT's management client sends none (it only does for its own multi-tenancy containers): the
 * management API, on because CPT moves the clock and purges through it, and {@code GET
 * /v2/topology}, which it polls after a purge, are served on loopback without credentials.
 * Everything else requires them.
 *
 * <p>It is started while the environment is prepared ({@link EmbeddedModeDefaults}) because the
 * Camunda client's addresses must name its ports before any bean exists.
 */
final class SharedEngine {

  private static final Logger LOG = LoggerFactory.getLogger(SharedEngine.class);

  private static final String CLIENT_ENVIRONMENT = "io.camunda.client.impl.util.Environment";

  private static EmbeddedEngine engine;
  private static EngineCredentials credentials;

  private SharedEngine() {}

  static synchronized EmbeddedEngine obtain() {
    if (engine == null) {
      long start = System.nanoTime();
      EngineCredentials generated = EngineCredentials.generate();
      EmbeddedEngine started =
          EmbeddedEngine.builder()
              .grpcPort(0)
              .restPort(0)
              .managementPort(0)
              .managementEnabled(true)
              .basicAuth(generated)
              .managementWithoutCredentials(true)
              .build()
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shared-engine-stop"));
      LOG.info(
          "Throw-away engine started in {} ms (gRPC {}, REST {}, management {})",
          (System.nanoTime() - start) / 1_000_000,
          started.grpcAddress(),
          started.restAddress(),
          started.managementAddress());
      offerToClientsWithoutCredentials(generated);
      credentials = generated;
      engine = started;
    }
    return engine;
  }

  /**
   * Puts the credentials where a Camunda client built without any looks for them (see the class
   * comment); nothing when the Camunda client is not on the class path.
   */
  private static void offerToClientsWithoutCredentials(EngineCredentials credentials) {
    try {
      Class<?> environment = Class.forName(CLIENT_ENVIRONMENT);
      Object system = environment.getMethod("system").invoke(null);
      Method put = environment.getMethod("put", String.class, String.class);
      put.invoke(system, "CAMUNDA_BASIC_AUTH_USERNAME", credentials.username());
      put.invoke(system, "CAMUNDA_BASIC_AUTH_PASSWORD", credentials.password());
    } catch (ClassNotFoundException e) {
      LOG.debug("No Camunda client in this JVM: nothing to give the credentials to");
    } catch (ReflectiveOperationException e) {
      LOG.warn(
          "Could not give the throw-away engine's credentials to clients built without any ({}):"
              + " Camunda Process Test will be refused",
          e.toString());
    }
  }

  /** The credentials the throw-away engine requires (it is started if it is not yet). */
  static synchronized EngineCredentials credentials() {
    obtain();
    return credentials;
  }
}
