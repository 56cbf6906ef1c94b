package fr.secondevie.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone launcher has the embedded mode's defaults: loopback, credentials, no management.
 */
class StandaloneEngineTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dataDir;

  @Test
  void shouldRequireCredentialsGeneratedIntoItsDataDirectoryAndServeNoManagementApi() {
    // given
    Properties properties = freePorts();
    properties.setProperty("engine.data-dir", dataDir.toString());

    // when
    StandaloneEngine.Started started = StandaloneEngine.start(properties);
    try (EmbeddedEngine engine = started.engine()) {

      // then
      assertThat(started.credentialsFile()).isEqualTo(dataDir.resolve(CredentialsFile.FILE_NAME));
      assertThat(CredentialsFile.read(started.credentialsFile())).isEqualTo(started.credentials());
      assertThat(engine.requiresCredentials()).isTrue();
      assertThat(engine.restAddress().getAddress().isLoopbackAddress()).isTrue();
      assertThat(engine.grpcAddress().getAddress().isLoopbackAddress()).isTrue();
      assertThat(engine.managementAddress()).isNull();
      assertThat(topology(engine, null)).isEqualTo(401);
      assertThat(topology(engine, started.credentials().authorizationHeader())).isEqualTo(200);
    }
  }

  @Test
  void shouldTakeConfiguredCredentialsAndServeTheManagementApiOnLoopbackWhenAsked() {
    // given
    Properties properties = freePorts();
    properties.setProperty("engine.username", "ops");
    properties.setProperty("engine.password", "a-long-configured-secret");
    properties.setProperty("engine.management-enabled", "true");

    // when
    StandaloneEngine.Started started = StandaloneEngine.start(properties);
    try (EmbeddedEngine engine = started.engine()) {

      // then
      assertThat(started.credentials())
          .isEqualTo(new EngineCredentials("ops", "a-long-configured-secret"));
      assertThat(started.credentialsFile()).isNull();
      assertThat(engine.managementAddress().getAddress().isLoopbackAddress()).isTrue();
      assertThat(status(engine.managementPort(), "/actuator/clock", null)).isEqualTo(401);
      assertThat(
              status(
                  engine.managementPort(),
                  "/actuator/clock",
                  started.credentials().authorizationHeader()))
          .isEqualTo(200);
    }
  }

  @Test
  void shouldServeTheManagementApiAndTopologyWithoutCredentialsOnlyWhenAskedForACptRemoteRun() {
    // given
    Properties properties = freePorts();
    properties.setProperty("engine.password", "a-long-configured-secret");
    properties.setProperty("engine.management-enabled", "true");
    properties.setProperty("engine.management-without-credentials", "true");

    // when
    StandaloneEngine.Started started = StandaloneEngine.start(properties);
    try (EmbeddedEngine engine = started.engine()) {

      // then
      assertThat(engine.managementAddress().getAddress().isLoopbackAddress()).isTrue();
      assertThat(status(engine.managementPort(), "/actuator/clock", null)).isEqualTo(200);
      assertThat(topology(engine, null)).isEqualTo(200);
      assertThat(status(engine.restPort(), "/v2/process-definitions/1", null)).isEqualTo(401);
    }
  }

  @Test
  void shouldKeepRequiringCredentialsWhenAskedToOpenAManagementApiThatIsOff() {
    // given
    Properties properties = freePorts();
    properties.setProperty("engine.password", "a-long-configured-secret");
    properties.setProperty("engine.management-without-credentials", "true");

    // when
    StandaloneEngine.Started started = StandaloneEngine.start(properties);
    try (EmbeddedEngine engine = started.engine()) {

      // then
      assertThat(engine.managementAddress()).isNull();
      assertThat(topology(engine, null)).isEqualTo(401);
    }
  }

  private static Properties freePorts() {
    Properties properties = new Properties();
    properties.setProperty("engine.grpc-port", "0");
    properties.setProperty("engine.rest-port", "0");
    properties.setProperty("engine.management-port", "0");
    return properties;
  }

  private static int topology(EmbeddedEngine engine, String authorization) {
    return status(engine.restPort(), "/v2/topology", authorization);
  }

  private static int status(int port, String path, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
