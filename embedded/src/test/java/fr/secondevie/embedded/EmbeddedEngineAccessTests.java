package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.secondevie.engine.CredentialsFile;
import fr.secondevie.engine.EngineCredentials;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded mode's engine as an application starts it (Spring context, the environment
 * post-processor, the lifecycle bean; a real, non-throw-away engine on free ports with a data
 * directory under {@code target/}): it listens on loopback only, refuses calls without its
 * credentials, serves no management API, and keeps the credentials it generated for the next start.
 */
class EmbeddedEngineAccessTests {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void shouldLockTheEnginesPortsAndKeepItsGeneratedCredentials() throws Exception {
    // given
    Path dataDir = Path.of("target", "engine-access-" + System.nanoTime(), "engine");
    Ports ports = Ports.free();

    // when
    EngineCredentials first;
    try (ConfigurableApplicationContext context = start(dataDir, ports)) {
      first = clientCredentials(context.getEnvironment());

      // then the credentials were generated into the data directory, for the owner only
      Path file = dataDir.resolve(CredentialsFile.FILE_NAME);
      assertThat(file).exists();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(CredentialsFile.read(file)).isEqualTo(first);

      // and gRPC and REST listen on loopback only
      assumeLinux();
      assertThat(listening(ports.grpc()))
          .isNotEmpty()
          .allSatisfy(EmbeddedEngineAccessTests::loopback);
      assertThat(listening(ports.rest()))
          .isNotEmpty()
          .allSatisfy(EmbeddedEngineAccessTests::loopback);

      // and nothing listens on the management port
      assertThat(listening(ports.management())).isEmpty();
      assertThatThrownBy(() -> connect(ports.management())).isInstanceOf(ConnectException.class);

      // and REST answers 401 without credentials, 200 with the client's
      HttpResponse<String> anonymous =
          post(ports.rest(), "/v2/messages/publication", "{\"name\":\"forged\"}", null);
      assertThat(anonymous.statusCode()).isEqualTo(401);
      assertThat(anonymous.headers().firstValue("Content-Type"))
          .contains("application/problem+json");
      assertThat(get(ports.rest(), "/v2/topology", first.authorizationHeader()).statusCode())
          .isEqualTo(200);

      // and gRPC answers UNAUTHENTICATED without credentials
      assertThat(grpcTopologyWithoutCredentials(ports.grpc()))
          .isEqualTo(Status.Code.UNAUTHENTICATED);
    }

    // when the application starts again on the same data directory
    try (ConfigurableApplicationContext context = start(dataDir, ports)) {

      // then the same credentials are used, and they open the engine
      assertThat(clientCredentials(context.getEnvironment())).isEqualTo(first);
      assertThat(get(ports.rest(), "/v2/topology", first.authorizationHeader()).statusCode())
          .isEqualTo(200);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(EmbeddedModeProperties.class)
  static class EngineOnly {

    /** The lifecycle bean of {@link EmbeddedModeAutoConfiguration}, without its MariaDB. */
    @Bean
    EmbeddedEngineLifecycle embeddedEngineLifecycle(EmbeddedModeProperties properties) {
      return new EmbeddedEngineLifecycle(properties.engine());
    }
  }

  record Ports(int grpc, int rest, int management) {
    static Ports free() throws IOException {
      try (ServerSocket a = new ServerSocket(0);
          ServerSocket b = new ServerSocket(0);
          ServerSocket c = new ServerSocket(0)) {
        return new Ports(a.getLocalPort(), b.getLocalPort(), c.getLocalPort());
      }
    }
  }

  private static ConfigurableApplicationContext start(Path dataDir, Ports ports) {
    return new SpringApplicationBuilder(EngineOnly.class)
        .web(WebApplicationType.NONE)
        .properties(
            "secondevie.embedded.engine.data-dir=" + dataDir,
            "secondevie.embedded.engine.grpc-port=" + ports.grpc(),
            "secondevie.embedded.engine.rest-port=" + ports.rest(),
            "secondevie.embedded.engine.management-port=" + ports.management())
        .run();
  }

  private static EngineCredentials clientCredentials(Environment environment) {
    assertThat(environment.getProperty("camunda.client.auth.method")).isEqualTo("basic");
    return new EngineCredentials(
        environment.getProperty("camunda.client.auth.username"),
        environment.getProperty("camunda.client.auth.password"));
  }

  private static Status.Code grpcTopologyWithoutCredentials(int port) throws InterruptedException {
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
    try {
      GatewayGrpc.newBlockingStub(channel).topology(TopologyRequest.getDefaultInstance());
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  private static void connect(int port) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
    }
  }

  private static HttpResponse<String> post(int port, String path, String body, String auth)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(int port, String path, String auth) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", auth)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  // --- what the kernel says listens (Linux: /proc/net/tcp and tcp6, state 0A = LISTEN)

  private static void assumeLinux() {
    assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "the kernel's socket table (Linux)");
  }

  private static void loopback(String address) {
    assertThat(address).isIn("0100007F", "0000000000000000FFFF00000100007F");
  }

  /** The local addresses listening on a port, as the kernel prints them (hex). */
  private static List<String> listening(int port) throws IOException {
    List<String> addresses = new ArrayList<>();
    String portHex = String.format(Locale.ROOT, "%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (!Files.isReadable(path)) {
        continue;
      }
      List<String> lines = Files.readAllLines(path);
      for (String line : lines.subList(1, lines.size())) {
        String[] fields = line.trim().split("\\s+");
        String[] local = fields[1].split(":");
        if (local[1].equals(portHex) && fields[3].equals("0A")) {
          addresses.add(local[0]);
        }
      }
    }
    return addresses;
  }
}
