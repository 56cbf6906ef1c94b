package fr.secondevie.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small JSON-over-HTTP client: the app's REST API (Basic), its pages (session) and the engine.
 */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final HttpClient client;
  private final String base;
  private final String authorization;
  final AtomicLong requests = new AtomicLong();

  private Http(HttpClient client, String base, String authorization) {
    this.client = client;
    this.base = base;
    this.authorization = authorization;
  }

  /** Stateless client, HTTP Basic when a user is given. */
  static Http basic(String base, String user, String password) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    String auth =
        user == null
            ? null
            : "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new Http(client, base, auth);
  }

  /** A browser-like session: cookies, form login, CSRF tokens read from the pages. */
  static Http session(String base, String user, String password) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    Http http = new Http(client, base, null);
    HttpResponse<String> login =
        http.form("/login", Map.of("username", user, "password", password), http.csrf("/login"));
    String location = login.headers().firstValue("Location").orElse("");
    if (login.statusCode() != 302 || location.contains("error")) {
      throw new IllegalStateException("Login refused for " + user + ": " + login.statusCode());
    }
    return http;
  }

  /** The CSRF token of a page's form. */
  String csrf(String page) {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri(page)).GET());
    Matcher m = CSRF.matcher(response.body());
    if (!m.find()) {
      throw new IllegalStateException(
          "No CSRF token on " + page + " (" + response.statusCode() + ")");
    }
    return m.group(1);
  }

  /** Posts a form as a browser does (urlencoded, with the page's CSRF token). */
  HttpResponse<String> form(String path, Map<String, String> fields, String csrf) {
    String body =
        fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"))
            + "&_csrf="
            + enc(csrf);
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  JsonNode getJson(String path) {
    return json(check(send(HttpRequest.newBuilder(uri(path)).GET()), path));
  }

  JsonNode postJson(String path, Object body) {
    return json(check(postJsonRaw(path, body), path));
  }

  HttpResponse<String> postJsonRaw(String path, Object body) {
    try {
      byte[] bytes = body instanceof byte[] b ? b : JSON.writeValueAsBytes(body);
      return send(
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/json")
              .header("Accept", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Multipart upload of one file in the field {@code file}. */
  JsonNode postFile(String path, String fileName, byte[] content) {
    String boundary = "----bench" + System.nanoTime();
    byte[] head =
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName
                + "\"\r\nContent-Type: text/csv\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + content.length + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    System.arraycopy(content, 0, body, head.length, content.length);
    System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
    return json(
        check(
            send(
                HttpRequest.newBuilder(uri(path))
                    .timeout(Duration.ofMinutes(5))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))),
            path));
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      requests.incrementAndGet();
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static HttpResponse<String> check(HttpResponse<String> response, String what) {
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          what + " → " + response.statusCode() + ": " + abbreviate(response.body()));
    }
    return response;
  }

  static String abbreviate(String text) {
    return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
  }

  private static JsonNode json(HttpResponse<String> response) {
    try {
      return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri(String path) {
    return URI.create(base + path);
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
