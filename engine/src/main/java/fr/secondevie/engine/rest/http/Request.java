package fr.secondevie.engine.rest.http;

import com.sun.net.httpserver.Headers;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** An HTTP request as the handlers see it: path parameters, query, headers and body. */
public final class Request {

  private final String method;
  private final String path;
  private final Map<String, String> pathParams;
  private final Map<String, String> query;
  private final Headers headers;
  private final byte[] body;

  Request(
      String method,
      String path,
      Map<String, String> pathParams,
      String rawQuery,
      Headers headers,
      byte[] body) {
    this.method = method;
    this.path = path;
    this.pathParams = pathParams;
    this.query = parseQuery(rawQuery);
    this.headers = headers;
    this.body = body;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  public byte[] body() {
    return body;
  }

  public String header(String name) {
    return headers.getFirst(name);
  }

  public String contentType() {
    String type = header("Content-Type");
    return type == null ? "" : type;
  }

  public String query(String name) {
    return query.get(name);
  }

  public String pathParam(String name) {
    return pathParams.get(name);
  }

  /** A key from the path; 400 when it is not a number. */
  public long pathKey(String name) {
    String value = pathParams.get(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "Expected the path parameter '"
              + name
              + "' to be a numeric key, but was '"
              + value
              + "'");
    }
  }

  /** The body as a JSON object (an empty body is an empty object). */
  public JsonBody json() {
    return JsonBody.parse(body);
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> result = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return result;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      result.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8),
          URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return result;
  }
}
