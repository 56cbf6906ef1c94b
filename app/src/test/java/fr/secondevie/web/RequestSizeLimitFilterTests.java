package fr.secondevie.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The body limits per kind of request, on small limits: 1 KiB, 4 KiB for reports, 8 KiB upload. */
class RequestSizeLimitFilterTests {

  final RequestSizeLimitFilter filter = new RequestSizeLimitFilter(1024, 4096, 8192);

  static MockHttpServletRequest post(String uri, String contentType, int bytes) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
    request.setContentType(contentType);
    request.setContent(new byte[bytes]);
    return request;
  }

  /** A request whose length is not announced (chunked transfer encoding). */
  static MockHttpServletRequest chunked(String uri, int bytes) {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", uri) {
          @Override
          public long getContentLengthLong() {
            return -1;
          }

          @Override
          public int getContentLength() {
            return -1;
          }
        };
    request.setContentType("application/json");
    request.addHeader("Transfer-Encoding", "chunked");
    request.setContent("x".repeat(bytes).getBytes(StandardCharsets.US_ASCII));
    return request;
  }

  MockHttpServletResponse run(MockHttpServletRequest request, MockFilterChain chain)
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, chain);
    return response;
  }

  @Test
  void shouldAnswer413ProblemJsonForAnApiBodyOverItsLimitWithoutCallingTheApplication()
      throws Exception {
    // given
    MockFilterChain chain = new MockFilterChain();

    // when
    MockHttpServletResponse response =
        run(post("/api/beneficiaries", "application/json", 1025), chain);

    // then
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).startsWith("application/problem+json");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains(
            "\"title\":\"Requête trop volumineuse\"",
            "\"status\":413",
            "1 Kio",
            "\"limitBytes\":1024");
    assertThat(chain.getRequest()).as("the application was not called").isNull();
  }

  @Test
  void shouldSendAPageOver413ToTheFrenchErrorPage() throws Exception {
    MockFilterChain chain = new MockFilterChain();

    MockHttpServletResponse response =
        run(post("/beneficiaries", "application/x-www-form-urlencoded", 2000), chain);

    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getErrorMessage())
        .startsWith("Le corps de la requête dépasse la limite de 1 Kio");
    assertThat(chain.getRequest()).isNull();
  }

  @Test
  void shouldLetEachKindOfBodyUpToItsOwnLimit() throws Exception {
    assertThat(
            run(post("/api/beneficiaries", "application/json", 1024), new MockFilterChain())
                .getStatus())
        .isEqualTo(200);
    assertThat(
            run(post("/api/sanitization/reports", "text/plain", 4096), new MockFilterChain())
                .getStatus())
        .isEqualTo(200);
    assertThat(
            run(post("/api/sanitization/reports", "text/plain", 4097), new MockFilterChain())
                .getStatus())
        .isEqualTo(413);
    assertThat(
            run(post("/imports", "multipart/form-data; boundary=x", 8192), new MockFilterChain())
                .getStatus())
        .isEqualTo(200);
    assertThat(
            run(post("/imports", "multipart/form-data; boundary=x", 8193), new MockFilterChain())
                .getStatus())
        .isEqualTo(413);
  }

  @Test
  void shouldReadAChunkedBodyOnlyUpToItsLimit() throws Exception {
    // given
    AtomicReference<byte[]> seen = new AtomicReference<>();
    MockFilterChain chain =
        new MockFilterChain() {
          @Override
          public void doFilter(
              jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
              throws java.io.IOException, jakarta.servlet.ServletException {
            seen.set(((HttpServletRequest) request).getInputStream().readAllBytes());
            super.doFilter(request, response);
          }
        };

    // when, then: a small one reaches the application whole
    assertThat(run(chunked("/api/beneficiaries", 1000), chain).getStatus()).isEqualTo(200);
    assertThat(seen.get()).hasSize(1000);
    // and a large one is refused
    assertThat(run(chunked("/api/beneficiaries", 5000), new MockFilterChain()).getStatus())
        .isEqualTo(413);
  }

  @Test
  void shouldWriteLimitsTheWayPeopleReadThem() {
    assertThat(RequestSizeLimitFilter.readable(1024 * 1024)).isEqualTo("1 Mio");
    assertThat(RequestSizeLimitFilter.readable(51L * 1024 * 1024)).isEqualTo("51 Mio");
    assertThat(RequestSizeLimitFilter.readable(1000)).isEqualTo("1 000 octets");
  }
}
