package fr.secondevie.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.EngineCredentials;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.camunda.zeebe.gateway.protocol.GatewayGrpc;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.CreateProcessInstanceRequest;
import io.camunda.zeebe.gateway.protocol.GatewayOuterClass.TopologyRequest;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's ports are locked: loopback by default, credentials on gRPC, REST and management, the
 * management API off unless asked for, request bodies limited. Every refused call is shown to have
 * changed nothing, through a client that has the right credentials.
 */
class EngineAccessTest {

  static final EngineCredentials CREDENTIALS = EngineCredentials.generate();
  static final EmbeddedEngine ENGINE =
      EmbeddedEngine.builder()
          .grpcPort(0)
          .restPort(0)
          .managementPort(0)
          .managementEnabled(true)
          .basicAuth(CREDENTIALS)
          .build()
          .start();
  static final CamundaClient AUTHORIZED = client(ENGINE, CREDENTIALS, false);

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger IDS = new AtomicInteger();

  @AfterAll
  static void stop() {
    AUTHORIZED.close();
    ENGINE.close();
  }

  @Test
  void shouldAnswer401WithAProblemAndABasicChallengeToARestCallWithoutCredentials() {
    // given
    String processId = deployed();

    // when
    HttpResponse<String> response =
        post(ENGINE.restPort(), "/v2/process-instances", startBody(processId), null);

    // then
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Basic realm="));
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(401);
    assertThat(problem.get("instance").asText()).isEqualTo("/v2/process-instances");
    assertThat(problem.get("detail").asText()).contains("has none");
    assertThat(instancesOf(processId)).isZero();
  }

  @Test
  void shouldAnswer401ToTheCamundaClientWithWrongCredentialsOverRest() {
    // given
    String processId = deployed();
    EngineCredentials wrong = new EngineCredentials(CREDENTIALS.username(), "not-the-password");

    // when
    try (CamundaClient intruder = client(ENGINE, wrong, true)) {
      assertThatThrownBy(
              () ->
                  intruder
                      .newCreateInstanceCommand()
                      .bpmnProcessId(processId)
                      .latestVersion()
                      .send()
                      .join())
          // then
          .isInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(401));
    }
    assertThat(instancesOf(processId)).isZero();
  }

  @Test
  void shouldRefuseTheCamundaClientWithWrongCredentialsOverGrpc() {
    // given
    String processId = deployed();
    EngineCredentials wrong = new EngineCredentials("someone-else", CREDENTIALS.password());

    // when
    try (CamundaClient intruder = client(ENGINE, wrong, false)) {
      assertThatThrownBy(
              () ->
                  intruder
                      .newCreateInstanceCommand()
                      .bpmnProcessId(processId)
                      .latestVersion()
                      .send()
                      .join())
          // then
          .isInstanceOf(ClientStatusException.class)
          .satisfies(
              e ->
                  assertThat(((ClientStatusException) e).getStatusCode())
                      .isEqualTo(Status.Code.UNAUTHENTICATED));
    }
    assertThat(instancesOf(processId)).isZero();
  }

  @Test
  void shouldRefuseARawGrpcCallWithoutCredentialsBeforeItRuns() throws InterruptedException {
    // given
    String processId = deployed();
    ManagedChannel channel =
        ManagedChannelBuilder.forAddress("127.0.0.1", ENGINE.grpcPort()).usePlaintext().build();
    try {
      GatewayGrpc.GatewayBlockingStub stub = GatewayGrpc.newBlockingStub(channel);

      // when
      CreateProcessInstanceRequest create =
          CreateProcessInstanceRequest.newBuilder()
              .setBpmnProcessId(processId)
              .setVersion(-1)
              .build();

      // then
      assertThatThrownBy(() -> stub.createProcessInstance(create))
          .isInstanceOf(StatusRuntimeException.class)
          .satisfies(
              e ->
                  assertThat(((StatusRuntimeException) e).getStatus().getCode())
                      .isEqualTo(Status.Code.UNAUTHENTICATED));
      assertThatThrownBy(() -> stub.topology(TopologyRequest.getDefaultInstance()))
          .isInstanceOf(StatusRuntimeException.class)
          .hasMessageContaining("UNAUTHENTICATED");
    } finally {
      channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    assertThat(instancesOf(processId)).isZero();
  }

  @Test
  void shouldServeTheCamundaClientWithTheRightCredentialsOverGrpcAndRest() {
    // given
    String processId = deployed();

    // when
    AUTHORIZED.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    try (CamundaClient overRest = client(ENGINE, CREDENTIALS, true)) {
      overRest.newCreateInstanceCommand().bpmnProcessId(processId).latestVersion().send().join();
    }

    // then
    assertThat(instancesOf(processId)).isEqualTo(2);
  }

  @Test
  void shouldRequireTheCredentialsOnTheManagementApi() {
    // given
    long before = ENGINE.clock().millis();
    String oneDay = "{\"offsetMilli\":86400000}";

    // when
    HttpResponse<String> anonymous =
        post(ENGINE.managementPort(), "/actuator/clock/add", oneDay, null);
    HttpResponse<String> purge = post(ENGINE.managementPort(), "/actuator/cluster/purge", "", null);
    HttpResponse<String> wrong =
        post(
            ENGINE.managementPort(),
            "/actuator/clock/add",
            oneDay,
            new EngineCredentials("x", "y").authorizationHeader());

    // then
    assertThat(List.of(anonymous.statusCode(), purge.statusCode(), wrong.statusCode()))
        .containsOnly(401);
    assertThat(anonymous.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(ENGINE.clock().millis() - before).isLessThan(Duration.ofHours(1).toMillis());
    HttpResponse<String> authorized =
        get(ENGINE.managementPort(), "/actuator/clock", CREDENTIALS.authorizationHeader());
    assertThat(authorized.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldNotServeTheManagementApiUnlessTurnedOn() throws IOException {
    // given a port nobody else holds
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }

    // when
    try (EmbeddedEngine engine =
        EmbeddedEngine.builder()
            .grpcPort(0)
            .restPort(0)
            .managementPort(port)
            .basicAuth(CREDENTIALS)
            .build()
            .start()) {

      // then
      assertThat(engine.managementPort()).isEqualTo(-1);
      assertThat(engine.managementAddress()).isNull();
      assertThatThrownBy(
              () -> {
                try (Socket socket = new Socket()) {
                  socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                }
              })
          .isInstanceOf(ConnectException.class);
    }
  }

  @Test
  void shouldListenOnLoopbackOnlyByDefault() {
    // given the engine built without any address

    // when
    List<InetSocketAddress> bound =
        List.of(ENGINE.grpcAddress(), ENGINE.restAddress(), ENGINE.managementAddress());

    // then
    assertThat(bound)
        .allSatisfy(address -> assertThat(address.getAddress().isLoopbackAddress()).isTrue());
    assumeTrue(ListeningSockets.available(), "the kernel's socket table (Linux)");
    for (InetSocketAddress address : bound) {
      assertThat(ListeningSockets.localAddresses(address.getPort()))
          .as("what listens on port %d", address.getPort())
          .isNotEmpty()
          .allSatisfy(local -> assertThat(local).isIn("127.0.0.1", "::ffff:127.0.0.1"));
    }
  }

  @Test
  void shouldListenWhereItIsToldForGrpcAndRest() {
    // given
    EmbeddedEngine.Builder builder =
        EmbeddedEngine.builder()
            .grpcPort(0)
            .restPort(0)
            .bindAddress("127.0.0.1")
            .restBindAddress("0.0.0.0")
            .basicAuth(CREDENTIALS);

    // when
    try (EmbeddedEngine engine = builder.build().start()) {

      // then
      assertThat(engine.restAddress().getAddress().isAnyLocalAddress()).isTrue();
      assertThat(engine.grpcAddress().getAddress().isLoopbackAddress()).isTrue();
    }
  }

  @Test
  void shouldRefuseToServeTheManagementApiBeyondLoopback() {
    // given
    EmbeddedEngine.Builder builder =
        EmbeddedEngine.builder()
            .managementEnabled(true)
            .managementPort(0)
            .managementBindAddress("0.0.0.0");

    // when / then
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback")
        .hasMessageContaining("0.0.0.0");
  }

  @Test
  void shouldAnswer413ToAJsonBodyOverTheDefaultLimitAndRunNothing() {
    // given
    String processId = deployed();
    String padding = "x".repeat(4 * 1024 * 1024);
    String body =
        "{\"processDefinitionId\":\""
            + processId
            + "\",\"variables\":{\"pad\":\""
            + padding
            + "\"}}";

    // when
    HttpResponse<String> response =
        post(ENGINE.restPort(), "/v2/process-instances", body, CREDENTIALS.authorizationHeader());

    // then
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonNode problem = json(response);
    assertThat(problem.get("status").asInt()).isEqualTo(413);
    assertThat(problem.get("detail").asText()).contains("4194304 bytes");
    assertThat(instancesOf(processId)).isZero();
  }

  @Test
  void shouldRefuseADeploymentOverItsLimitOnRestAndGrpc() {
    // given an engine with a small deployment limit and a model above it
    try (EmbeddedEngine engine =
            EmbeddedEngine.builder()
                .grpcPort(0)
                .restPort(0)
                .basicAuth(CREDENTIALS)
                .maxDeploymentSize(64 * 1024)
                .build()
                .start();
        CamundaClient overRest = client(engine, CREDENTIALS, true);
        CamundaClient overGrpc = client(engine, CREDENTIALS, false)) {
      String processId = "big-" + IDS.incrementAndGet();
      BpmnModelInstance big =
          Bpmn.createExecutableProcess(processId)
              .startEvent()
              .name("x".repeat(100 * 1024))
              .endEvent()
              .done();

      // when / then
      assertThatThrownBy(
              () ->
                  overRest
                      .newDeployResourceCommand()
                      .addProcessModel(big, processId + ".bpmn")
                      .send()
                      .join())
          .isInstanceOf(ProblemException.class)
          .satisfies(e -> assertThat(((ProblemException) e).code()).isEqualTo(413));
      assertThatThrownBy(
              () ->
                  overGrpc
                      .newDeployResourceCommand()
                      .addProcessModel(big, processId + ".bpmn")
                      .send()
                      .join())
          .isInstanceOf(ClientStatusException.class)
          .satisfies(
              e ->
                  assertThat(((ClientStatusException) e).getStatusCode())
                      .isEqualTo(Status.Code.RESOURCE_EXHAUSTED));
      assertThat(
              overRest
                  .newProcessDefinitionSearchRequest()
                  .filter(f -> f.processDefinitionId(processId))
                  .send()
                  .join()
                  .items())
          .isEmpty();
    }
  }

  // --- helpers

  static CamundaClient client(
      EmbeddedEngine engine, EngineCredentials credentials, boolean preferRest) {
    return CamundaClient.newClientBuilder()
        .grpcAddress(URI.create("http://127.0.0.1:" + engine.grpcPort()))
        .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
        .preferRestOverGrpc(preferRest)
        // exactly these credentials: CptEngineSession puts other ones in the client's environment
        .applyEnvironmentVariableOverrides(false)
        .credentialsProvider(
            CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                .applyEnvironmentOverrides(false)
                .username(credentials.username())
                .password(credentials.password())
                .build())
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** A process deployed with the right credentials; returns its id. */
  static String deployed() {
    String processId = "locked-" + IDS.incrementAndGet();
    AUTHORIZED
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId).startEvent().endEvent().done(),
            processId + ".bpmn")
        .send()
        .join();
    return processId;
  }

  static long instancesOf(String processId) {
    return AUTHORIZED
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .send()
        .join()
        .items()
        .size();
  }

  static String startBody(String processId) {
    return "{\"processDefinitionId\":\"" + processId + "\"}";
  }

  static HttpResponse<String> post(int port, String path, String body, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return send(request, authorization);
  }

  static HttpResponse<String> get(int port, String path, String authorization) {
    return send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), authorization);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request, String authorization) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
