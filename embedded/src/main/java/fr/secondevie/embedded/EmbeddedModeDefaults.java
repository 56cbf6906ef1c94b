package fr.secondevie.embedded;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the Camunda client at the in-process engine when the application runs in embedded mode.
 *
 * <p>The values are added as the <em>last</em> property source, so anything the user sets
 * (application properties, environment variables, command line) still wins. In Camunda mode ({@code
 * secondevie.mode=camunda}, set by the {@code camunda} profile) nothing is added.
 */
public class EmbeddedModeDefaults implements EnvironmentPostProcessor {

  /** Name of the property source holding these defaults. */
  public static final String PROPERTY_SOURCE = "secondevie-embedded-mode-defaults";

  static final int ENGINE_GRPC_PORT = 26500;
  static final int ENGINE_REST_PORT = 8088;
  static final int ENGINE_MANAGEMENT_PORT = 9600;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    if (!isEmbeddedMode(environment)) {
      return;
    }
    String grpcPort =
        environment.getProperty("secondevie.embedded.engine.grpc-port", "" + ENGINE_GRPC_PORT);
    String restPort =
        environment.getProperty("secondevie.embedded.engine.rest-port", "" + ENGINE_REST_PORT);
    // Until the engine is wired (EmbeddedEngineLifecycle) nothing listens on these ports: keep
    // the client from deploying or polling so that the application starts cleanly without it.
    String engineEnabled = environment.getProperty("secondevie.embedded.engine.enabled", "false");
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("camunda.client.mode", "self-managed");
    defaults.put("camunda.client.auth.method", "none");
    defaults.put("camunda.client.grpc-address", "http://localhost:" + grpcPort);
    defaults.put("camunda.client.rest-address", "http://localhost:" + restPort);
    defaults.put("camunda.client.deployment.enabled", engineEnabled);
    defaults.put("camunda.client.worker.defaults.enabled", engineEnabled);
    environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
  }

  static boolean isEmbeddedMode(ConfigurableEnvironment environment) {
    return "embedded".equalsIgnoreCase(environment.getProperty("secondevie.mode", "embedded"));
  }
}
