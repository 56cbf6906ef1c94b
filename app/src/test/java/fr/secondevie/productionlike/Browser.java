package fr.secondevie.productionlike;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser for the pages: cookies for every host and port (as browsers keep them: a cookie of
 * 127.0.0.1 goes to both replicas and to Keycloak), redirects followed one by one so that the test
 * sees each address the browser went through, forms submitted with their hidden fields.
 */
final class Browser {

  private static final int MAX_REDIRECTS = 10;

  private final HttpClient http =
      HttpClient.newBuilder()
          .cookieHandler(new LoopbackCookies())
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** The addresses the last navigation went through, the last one being the page shown. */
  private final List<URI> lastHops = new ArrayList<>();

  Document get(String url) throws IOException, InterruptedException {
    return navigate(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  /** Submits a form: its hidden fields (CSRF token, Keycloak's state) plus the given values. */
  Document submit(Document page, Element form, Map<String, String> values)
      throws IOException, InterruptedException {
    assertThat(form).as("form on %s", page.location()).isNotNull();
    Map<String, String> data = new LinkedHashMap<>();
    for (Element hidden : form.select("input[type=hidden]")) {
      data.put(hidden.attr("name"), hidden.val());
    }
    data.putAll(values);
    StringBuilder body = new StringBuilder();
    data.forEach(
        (name, value) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
    URI action = URI.create(page.location()).resolve(form.attr("action"));
    return navigate(
        HttpRequest.newBuilder(action)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  List<URI> lastHops() {
    return List.copyOf(lastHops);
  }

  private Document navigate(HttpRequest first) throws IOException, InterruptedException {
    lastHops.clear();
    HttpRequest request = first;
    for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
      lastHops.add(request.uri());
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      int status = response.statusCode();
      if (status >= 300 && status < 400) {
        String location =
            response
                .headers()
                .firstValue("Location")
                .orElseThrow(() -> new AssertionError(status + " without Location: " + hops()));
        request = HttpRequest.newBuilder(request.uri().resolve(location)).GET().build();
        continue;
      }
      assertThat(status)
          .as("%s %s (through %s): %s", first.method(), request.uri(), hops(), response.body())
          .isLessThan(400);
      return Jsoup.parse(response.body(), request.uri().toString());
    }
    throw new AssertionError("More than " + MAX_REDIRECTS + " redirects: " + hops());
  }

  private String hops() {
    return lastHops.toString();
  }

  /**
   * Cookies as a browser keeps them. A browser counts {@code http://127.0.0.1} and {@code
   * http://localhost} as secure contexts and sends them their {@code Secure} cookies (Keycloak's
   * login session cookies are {@code Secure} even over HTTP); {@link CookieManager} sends those
   * over HTTPS only, so loopback addresses are looked up as if they were HTTPS.
   */
  private static final class LoopbackCookies extends CookieHandler {

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    @Override
    public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers)
        throws IOException {
      return cookies.get(secureContext(uri), headers);
    }

    @Override
    public void put(URI uri, Map<String, List<String>> headers) throws IOException {
      cookies.put(uri, headers);
    }

    private static URI secureContext(URI uri) {
      boolean loopback = "127.0.0.1".equals(uri.getHost()) || "localhost".equals(uri.getHost());
      if (!"http".equals(uri.getScheme()) || !loopback) {
        return uri;
      }
      try {
        return new URI(
            "https", uri.getUserInfo(), uri.getHost(), uri.getPort(), uri.getPath(), null, null);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(uri.toString(), e);
      }
    }
  }
}
