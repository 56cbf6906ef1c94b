package fr.secondevie.engine.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;

/** A response: status, content type and body bytes (none for 204). */
public record Response(int status, String contentType, byte[] body) {

  public static final String JSON = "application/json";
  public static final String PROBLEM_JSON = "application/problem+json";
  public static final String XML = "text/xml";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public static Response json(Object value) {
    return json(200, value);
  }

  public static Response json(int status, Object value) {
    try {
      return new Response(status, JSON, MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected a JSON-serialisable response, but got " + value, e);
    }
  }

  public static Response noContent() {
    return new Response(204, null, new byte[0]);
  }

  public static Response text(String contentType, String text) {
    return new Response(200, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  public static Response xml(byte[] xml) {
    return new Response(200, XML + "; charset=UTF-8", xml);
  }
}
