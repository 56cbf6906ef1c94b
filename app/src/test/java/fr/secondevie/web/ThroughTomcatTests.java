package fr.secondevie.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Through the real Tomcat, as installed behind a reverse proxy that terminates HTTPS ({@code
 * server.forward-headers-strategy=native}; the proxy is on loopback, which Tomcat trusts by
 * default): the session cookie is {@code Secure} and HSTS is sent when the proxy says the request
 * came over HTTPS, not otherwise; Tomcat's own redirects are relative whatever the {@code Host}; a
 * refused document gets the French error page. Raw HTTP, so that the test chooses the {@code Host}
 * header.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "server.forward-headers-strategy=native")
class ThroughTomcatTests {

  @LocalServerPort int port;
  @Autowired DocumentService documents;

  /** A raw HTTP/1.1 response: status line and headers (names in lower case), then body. */
  record Response(int status, List<String[]> headers, String body) {

    List<String> all(String name) {
      return headers.stream().filter(h -> h[0].equals(name)).map(h -> h[1]).toList();
    }

    String first(String name) {
      return all(name).stream().findFirst().orElse(null);
    }

    String sessionCookie() {
      return all("set-cookie").stream()
          .filter(c -> c.startsWith("SESSION="))
          .findFirst()
          .orElse(null);
    }
  }

  @Test
  void shouldMarkTheSessionCookieSecureAndSendHstsWhenServedOverHttps() throws IOException {
    // given the login page (it starts a session for its CSRF token), asked through the proxy

    // when
    Response https = send("GET /login", "localhost", List.of("X-Forwarded-Proto: https"), null);
    Response http = send("GET /login", "localhost", List.of(), null);

    // then
    assertThat(https.status()).isEqualTo(200);
    assertThat(https.sessionCookie()).isNotNull().contains("; Secure").contains("; HttpOnly");
    assertThat(https.first("strict-transport-security")).startsWith("max-age=31536000");
    assertThat(http.sessionCookie()).isNotNull().doesNotContain("Secure");
    assertThat(http.first("strict-transport-security")).isNull();
  }

  @Test
  void shouldNeverNameAForgedHostInALocation() throws IOException {
    // given a forged Host on the redirects of a visit: login page, failed login, logout
    String evil = "evil.example";

    // when
    Response page = send("GET /assets", evil, List.of(), null);
    String cookie = page.sessionCookie().split(";", 2)[0];
    Response login = send("GET /login", evil, List.of("Cookie: " + cookie), null);
    String token = csrfToken(login.body());
    Response failed =
        send(
            "POST /login",
            evil,
            List.of("Cookie: " + cookie, "Content-Type: application/x-www-form-urlencoded"),
            "username=gestionnaire&password=faux&_csrf=" + token);
    Response logout =
        send(
            "POST /logout",
            evil,
            List.of("Cookie: " + cookie, "Content-Type: application/x-www-form-urlencoded"),
            "_csrf=" + token);

    // then
    assertThat(page.status()).isEqualTo(302);
    assertThat(page.first("location")).isEqualTo("/login");
    assertThat(failed.status()).isEqualTo(302);
    assertThat(failed.first("location")).isEqualTo("/login?error");
    assertThat(logout.status()).isEqualTo(302);
    assertThat(logout.first("location")).isEqualTo("/login?logout");
  }

  @Test
  void shouldShowTheFrenchErrorPageForADocumentOfAnotherModule() throws IOException {
    // given a sanitization certificate, and a buyer (purchasing) logged in
    StoredDocument certificate =
        documents.store(
            NewDocument.pdf(
                DocumentKind.SANITIZATION_CERTIFICATE,
                "certificat.pdf",
                "%PDF-1.4".getBytes(StandardCharsets.US_ASCII),
                "asset:" + UUID.randomUUID(),
                "test"));
    String cookie = logIn("acheteur", "demo");

    // when
    Response refused =
        send(
            "GET /documents/" + certificate.publicId(),
            "localhost",
            List.of("Cookie: " + cookie),
            null);
    Response unknown =
        send(
            "GET /documents/" + UUID.randomUUID(), "localhost", List.of("Cookie: " + cookie), null);

    // then
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).contains("Accès refusé").doesNotContain("%PDF");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body()).contains("Page introuvable");
  }

  /** Logs in with the form; returns the session cookie ({@code SESSION=...}, Spring Session). */
  String logIn(String username, String password) throws IOException {
    Response form = send("GET /login", "localhost", List.of(), null);
    String cookie = form.sessionCookie().split(";", 2)[0];
    Response login =
        send(
            "POST /login",
            "localhost",
            List.of("Cookie: " + cookie, "Content-Type: application/x-www-form-urlencoded"),
            "username=%s&password=%s&_csrf=%s"
                .formatted(username, password, csrfToken(form.body())));
    assertThat(login.first("location")).as("login of " + username).isEqualTo("/");
    return login.sessionCookie().split(";", 2)[0];
  }

  static String csrfToken(String html) {
    Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("CSRF field of the login form").isTrue();
    return m.group(1);
  }

  Response send(String requestLine, String host, List<String> headers, String body)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      StringBuilder request = new StringBuilder(requestLine).append(" HTTP/1.1\r\n");
      request.append("Host: ").append(host).append("\r\n");
      request.append("Accept: text/html\r\n");
      request.append("Connection: close\r\n");
      headers.forEach(h -> request.append(h).append("\r\n"));
      byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
      if (body != null) {
        request.append("Content-Length: ").append(content.length).append("\r\n");
      }
      request.append("\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(content);
      out.flush();
      return parse(socket.getInputStream());
    }
  }

  static Response parse(InputStream in) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    in.transferTo(bytes);
    String raw = bytes.toString(StandardCharsets.UTF_8);
    int end = raw.indexOf("\r\n\r\n");
    String[] lines = raw.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    List<String[]> headers = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      String[] nameValue = lines[i].split(":", 2);
      headers.add(new String[] {nameValue[0].trim().toLowerCase(Locale.ROOT), nameValue[1].trim()});
    }
    return new Response(status, headers, raw.substring(end + 4));
  }
}
