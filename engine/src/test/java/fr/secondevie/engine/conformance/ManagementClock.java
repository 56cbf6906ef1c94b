package fr.secondevie.engine.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The engine's clock moved through its management API only, as Camunda Process Test moves a
 * runtime's: {@code GET /actuator/clock}, {@code POST /actuator/clock/add} {@code {offsetMilli}},
 * {@code POST /actuator/clock/pin} {@code {epochMilli}}, {@code DELETE /actuator/clock}.
 */
final class ManagementClock {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;

  ManagementClock(int managementPort) {
    this.base = URI.create("http://localhost:" + managementPort + "/actuator/clock");
  }

  /** The engine's current time. */
  Instant instant() {
    return Instant.ofEpochMilli(
        send(HttpRequest.newBuilder(base).GET()).get("epochMilli").asLong());
  }

  /** Moves the engine's clock forward; timers due by then fire. */
  void add(Duration offset) {
    post("/add", "{\"offsetMilli\":" + offset.toMillis() + "}");
  }

  /** Freezes the engine's clock at that instant. */
  void pin(Instant instant) {
    post("/pin", "{\"epochMilli\":" + instant.toEpochMilli() + "}");
  }

  /** Back to the system time. */
  void reset() {
    send(HttpRequest.newBuilder(base).DELETE());
  }

  private void post(String path, String body) {
    send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonNode send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "management API answered " + response.statusCode() + ": " + response.body());
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
