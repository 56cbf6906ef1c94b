package fr.secondevie.embedded;

import fr.secondevie.engine.EmbeddedEngine;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the Camunda client — and Camunda Process Test in REMOTE mode — at the in-process engine
 * when the application runs in embedded mode.
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
    boolean engineEnabled =
        environment.getProperty("secondevie.embedded.engine.enabled", Boolean.class, true);
    boolean ephemeral =
        environment.getProperty("secondevie.embedded.engine.ephemeral", Boolean.class, false);
    String grpcPort;
    String restPort;
    String managementPort;
    if (engineEnabled && ephemeral) {
      EmbeddedEngine engine = SharedEngine.obtain();
      grpcPort = "" + engine.grpcPort();
      restPort = "" + engine.restPort();
      managementPort = "" + engine.managementPort();
    } else {
      grpcPort =
          environment.getProperty("secondevie.embedded.engine.grpc-port", "" + ENGINE_GRPC_PORT);
      restPort =
          environment.getProperty("secondevie.embedded.engine.rest-port", "" + ENGINE_REST_PORT);
      managementPort =
          environment.getProperty(
              "secondevie.embedded.engine.management-port", "" + ENGINE_MANAGEMENT_PORT);
    }
    String grpcAddress = "http://localhost:" + grpcPort;
    String restAddress = "http://localhost:" + restPort;
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("camunda.client.mode", "self-managed");
    defaults.put("camunda.client.auth.method", "none");
    defaults.put("camunda.client.grpc-address", grpcAddress);
    defaults.put("camunda.client.rest-address", restAddress);
    // Job workers on the same machine: gRPC is the shorter path (searches and user-task calls,
    // which only exist in REST, still use REST).
    defaults.put("camunda.client.prefer-rest-over-grpc", "false");
    defaults.put("camunda.client.deployment.enabled", "" + engineEnabled);
    defaults.put("camunda.client.worker.defaults.enabled", "" + engineEnabled);
    // Camunda Process Test in REMOTE mode (process tests) targets the same engine (CPT's own
    // default, a managed Docker runtime, does not exist here).
    defaults.put("camunda.process-test.runtime-mode", "remote");
    defaults.put("camunda.process-test.remote.client.grpc-address", grpcAddress);
    defaults.put("camunda.process-test.remote.client.rest-address", restAddress);
    defaults.put(
        "camunda.process-test.remote.camunda-monitoring-api-address",
        "http://localhost:" + managementPort);
    environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, defaults));
  }

  static boolean isEmbeddedMode(ConfigurableEnvironment environment) {
    return "embedded".equalsIgnoreCase(environment.getProperty("secondevie.mode", "embedded"));
  }
}
