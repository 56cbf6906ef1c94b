package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.clock.ControlledClock;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One engine on free ports for the REST API tests, a REST-preferring Camunda client, and raw HTTP
 * for what the client would hide (status codes, content types, problem documents).
 */
final class RestEngine {

  static final ControlledClock CLOCK = new ControlledClock();
  static final EmbeddedEngine ENGINE =
      EmbeddedEngine.builder()
          .grpcPort(0)
          .restPort(0)
          .managementPort(0)
          .managementEnabled(true)
          .clock(CLOCK)
          .build()
          .start();
  static final CamundaClient CLIENT =
      CamundaClient.newClientBuilder()
          .preferRestOverGrpc(true)
          .grpcAddress(URI.create("http://localhost:" + ENGINE.grpcPort()))
          .restAddress(URI.create("http://localhost:" + ENGINE.restPort()))
          .defaultRequestTimeout(Duration.ofSeconds(10))
          .build();

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  private RestEngine() {}

  /** An answer: status, content type and body (parsed when JSON). */
  record Answer(int status, String contentType, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static Answer rest(String method, String path, String body) {
    return send(ENGINE.restPort(), method, path, body);
  }

  static Answer management(String method, String path, String body) {
    return send(ENGINE.managementPort(), method, path, body);
  }

  private static Answer send(int port, String method, String path, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, application/problem+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
