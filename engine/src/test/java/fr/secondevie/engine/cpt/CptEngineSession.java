package fr.secondevie.engine.cpt;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.EngineCredentials;
import io.camunda.client.impl.util.Environment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Properties;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the engine that the Camunda Process Test suites connect to in REMOTE mode, once per test
 * JVM and before any test class loads, on the fixed ports of {@code
 * /camunda-container-runtime.properties}, requiring the credentials given there to CPT's clients
 * (as the application's throw-away engine does). Without that file, or with another runtime mode
 * (the {@code camunda-docker} profile), it starts nothing.
 */
public final class CptEngineSession implements LauncherSessionListener {

  private static EmbeddedEngine engine;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    start();
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    stop();
  }

  /** The engine the CPT tests run on (null when CPT runs in another mode). */
  public static synchronized EmbeddedEngine engine() {
    return engine;
  }

  private static synchronized void start() {
    Properties properties = runtimeProperties();
    if (engine != null || !"remote".equalsIgnoreCase(properties.getProperty("runtimeMode"))) {
      return;
    }
    Environment.system().put("CAMUNDA_BASIC_AUTH_USERNAME", CREDENTIALS.username());
    Environment.system().put("CAMUNDA_BASIC_AUTH_PASSWORD", CREDENTIALS.password());
    try {
      engine =
          EmbeddedEngine.builder()
              .grpcPort(port(properties, "remote.client.grpcAddress"))
              .restPort(port(properties, "remote.client.restAddress"))
              .managementPort(port(properties, "remote.camundaMonitoringApiAddress"))
              .managementEnabled(true)
              .basicAuth(CREDENTIALS)
              // CPT's management client sends no credentials (clock, purge, topology poll)
              .managementWithoutCredentials(true)
              .build()
              .start();
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "Expected to start the engine for the Camunda Process Test suites on the ports of"
              + " camunda-container-runtime.properties, but failed (is another engine test run"
              + " using them?)",
          e);
    }
  }

  private static synchronized void stop() {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }

  public static Properties runtimeProperties() {
    Properties properties = new Properties();
    try (InputStream in =
        CptEngineSession.class.getResourceAsStream("/camunda-container-runtime.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }

  /**
   * The credentials the engine requires, random for this JVM. CPT 8.8.14 builds its REMOTE
   * self-managed client with {@code CamundaClient.newClientBuilder()} and ignores {@code
   * remote.client.auth.*} (it applies them to SaaS only), but such a builder reads {@code
   * CAMUNDA_BASIC_AUTH_USERNAME} / {@code _PASSWORD} from the client's environment, which a JVM can
   * extend ({@link Environment#put}): that is how CPT's clients get them here. CPT's management
   * client sends none, so the management API and {@code GET /v2/topology} are served without.
   */
  public static final EngineCredentials CREDENTIALS = EngineCredentials.generate();

  static URI address(Properties properties, String name) {
    return URI.create(properties.getProperty(name));
  }

  private static int port(Properties properties, String name) {
    return address(properties, name).getPort();
  }
}
