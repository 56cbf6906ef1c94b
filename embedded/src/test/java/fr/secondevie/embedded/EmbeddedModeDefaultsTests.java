package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.engine.CredentialsFile;
import fr.secondevie.engine.EngineCredentials;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedModeDefaultsTests {

  @TempDir static Path dataDir;

  /** The environment after the post-processor; the engine's data directory is a temporary one. */
  static StandardEnvironment environment(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    Map<String, Object> withDataDir = new HashMap<>(properties);
    withDataDir.putIfAbsent("secondevie.embedded.engine.data-dir", dataDir.toString());
    environment.getPropertySources().addFirst(new MapPropertySource("test", withDataDir));
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
  void shouldGiveTheClientTheCredentialsGeneratedIntoTheEnginesDataDirectory() {
    // given
    Path engineDir = dataDir.resolve("generated");

    // when
    StandardEnvironment env =
        environment(Map.of("secondevie.embedded.engine.data-dir", engineDir.toString()));

    // then
    EngineCredentials kept = CredentialsFile.read(engineDir.resolve(CredentialsFile.FILE_NAME));
    assertThat(env.getProperty("camunda.client.auth.method")).isEqualTo("basic");
    assertThat(env.getProperty("camunda.client.auth.username")).isEqualTo(kept.username());
    assertThat(env.getProperty("camunda.client.auth.password")).isEqualTo(kept.password());
    assertThat(
            environment(Map.of("secondevie.embedded.engine.data-dir", engineDir.toString()))
                .getProperty("camunda.client.auth.password"))
        .as("the same at the next start")
        .isEqualTo(kept.password());
  }

  @Test
  void shouldGiveTheClientTheConfiguredCredentialsAndWriteNoFile() {
    // given
    Path engineDir = dataDir.resolve("configured");

    // when
    StandardEnvironment env =
        environment(
            Map.of(
                "secondevie.embedded.engine.data-dir", engineDir.toString(),
                "secondevie.embedded.engine.username", "ops",
                "secondevie.embedded.engine.password", "a-long-configured-secret"));

    // then
    assertThat(env.getProperty("camunda.client.auth.username")).isEqualTo("ops");
    assertThat(env.getProperty("camunda.client.auth.password"))
        .isEqualTo("a-long-configured-secret");
    assertThat(engineDir.resolve(CredentialsFile.FILE_NAME)).doesNotExist();
  }

  @Test
  void shouldGiveClientAndProcessTestsTheThrowAwayEnginesCredentials() {
    // when
    StandardEnvironment env = environment(Map.of("secondevie.embedded.engine.ephemeral", "true"));

    // then
    EngineCredentials credentials = SharedEngine.credentials();
    assertThat(env.getProperty("camunda.client.auth.method")).isEqualTo("basic");
    assertThat(env.getProperty("camunda.client.auth.password")).isEqualTo(credentials.password());
    assertThat(env.getProperty("camunda.process-test.remote.client.auth.password"))
        .isEqualTo(credentials.password());
    assertThat(SharedEngine.obtain().requiresCredentials()).isTrue();
  }

  @Test
  void shouldRunBeforeTheCamundaStartersPostProcessorWhichPicksDefaultsForTheAuthMethod() {
    // given the starter's post-processor, which is not ordered (lowest precedence)

    // when
    int order = new EmbeddedModeDefaults().getOrder();

    // then
    assertThat(order).isLessThan(Ordered.LOWEST_PRECEDENCE);
    assertThat(order)
        .as("after the configuration files are read")
        .isGreaterThan(ConfigDataEnvironmentPostProcessor.ORDER);
  }

  @Test
  void addsNothingInCamundaMode() {
    StandardEnvironment env = environment(Map.of("secondevie.mode", "camunda"));

    assertThat(env.getPropertySources().contains(EmbeddedModeDefaults.PROPERTY_SOURCE)).isFalse();
    assertThat(env.getProperty("camunda.client.rest-address")).isNull();
  }
}
