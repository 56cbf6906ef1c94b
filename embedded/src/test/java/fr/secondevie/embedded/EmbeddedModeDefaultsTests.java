package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedModeDefaultsTests {

  static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
    new EmbeddedModeDefaults().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  @Test
  void pointsTheCamundaClientAtTheEmbeddedEngineOffTheAppPort() {
    StandardEnvironment env = environment(Map.of());

    assertThat(env.getProperty("camunda.client.grpc-address")).isEqualTo("http://localhost:26500");
    assertThat(env.getProperty("camunda.client.rest-address")).isEqualTo("http://localhost:8088");
    assertThat(env.getProperty("camunda.client.mode")).isEqualTo("self-managed");
  }

  @Test
  void shouldLetTheClientDeployAndPollWhenTheEngineRuns() {
    StandardEnvironment env = environment(Map.of());

    assertThat(env.getProperty("camunda.client.deployment.enabled")).isEqualTo("true");
    assertThat(env.getProperty("camunda.client.worker.defaults.enabled")).isEqualTo("true");
    assertThat(env.getProperty("camunda.client.prefer-rest-over-grpc")).isEqualTo("false");
  }

  @Test
  void shouldKeepTheClientQuietWhenTheEngineIsDisabled() {
    StandardEnvironment env = environment(Map.of("secondevie.embedded.engine.enabled", "false"));

    assertThat(env.getProperty("camunda.client.deployment.enabled")).isEqualTo("false");
    assertThat(env.getProperty("camunda.client.worker.defaults.enabled")).isEqualTo("false");
  }

  @Test
  void shouldPointClientAndProcessTestsAtTheThrowAwayEngineOfTheJvm() {
    StandardEnvironment env = environment(Map.of("secondevie.embedded.engine.ephemeral", "true"));

    int grpcPort = SharedEngine.obtain().grpcPort();
    assertThat(grpcPort).isPositive().isNotEqualTo(26500);
    assertThat(env.getProperty("camunda.client.grpc-address"))
        .isEqualTo("http://localhost:" + grpcPort);
    assertThat(env.getProperty("camunda.process-test.remote.client.grpc-address"))
        .isEqualTo("http://localhost:" + grpcPort);
    assertThat(
            environment(Map.of("secondevie.embedded.engine.ephemeral", "true"))
                .getProperty("camunda.client.grpc-address"))
        .as("one engine per JVM")
        .isEqualTo("http://localhost:" + grpcPort);
  }

  @Test
  void followsConfiguredPortsAndLetsExplicitSettingsWin() {
    StandardEnvironment env =
        environment(
            Map.of(
                "secondevie.embedded.engine.rest-port", "18088",
                "camunda.client.grpc-address", "http://elsewhere:26500"));

    assertThat(env.getProperty("camunda.client.rest-address")).isEqualTo("http://localhost:18088");
    assertThat(env.getProperty("camunda.client.grpc-address")).isEqualTo("http://elsewhere:26500");
  }

  @Test
  void addsNothingInCamundaMode() {
    StandardEnvironment env = environment(Map.of("secondevie.mode", "camunda"));

    assertThat(env.getPropertySources().contains(EmbeddedModeDefaults.PROPERTY_SOURCE)).isFalse();
    assertThat(env.getProperty("camunda.client.rest-address")).isNull();
  }
}
