package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which redirect locations become relative: those naming the request's own host and port. */
class SameHostRedirectsTest {

  static MockHttpServletRequest requestTo(String host, int port) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setServerName(host);
    request.setServerPort(port);
    return request;
  }

  @Test
  void shouldMakeALocationBuiltFromTheHostHeaderRelative() {
    // given a request whose Host header was forged
    MockHttpServletRequest request = requestTo("evil.example", 80);

    // when
    String location =
        SameHostRedirects.relative(request, "http://evil.example/assets?q=PC&continue#liste");

    // then
    assertThat(location).isEqualTo("/assets?q=PC&continue#liste");
  }

  @Test
  void shouldNeverTurnAPathIntoAnotherHost() {
    // given
    MockHttpServletRequest request = requestTo("evil.example", 8443);

    // when
    String location =
        SameHostRedirects.relative(request, "https://evil.example:8443//autre.example/x");

    // then: "//autre.example/x" would be read by a browser as another host
    assertThat(location).isEqualTo("/autre.example/x");
  }

  @Test
  void shouldMakeRelativeTheHttpPortSpringSecurityPutsForAnHttpsPort() {
    // given a plain-HTTP request on 8443, which Spring Security's port resolver reports as 8080
    MockHttpServletRequest request = requestTo("evil.example", 8443);

    // when
    String location =
        SameHostRedirects.relative(request, "http://evil.example:8080/assets?continue");

    // then
    assertThat(location).isEqualTo("/assets?continue");
  }

  @Test
  void shouldLeaveOtherHostsAndRelativeLocationsAlone() {
    // given
    MockHttpServletRequest request = requestTo("seconde-vie.chu.example", 443);

    // when / then
    assertThat(SameHostRedirects.relative(request, "https://idp.chu.example/auth?x=1"))
        .isEqualTo("https://idp.chu.example/auth?x=1");
    assertThat(SameHostRedirects.relative(request, "http://seconde-vie.chu.example:9000/"))
        .isEqualTo("http://seconde-vie.chu.example:9000/");
    assertThat(SameHostRedirects.relative(request, "/login?logout")).isEqualTo("/login?logout");
    assertThat(SameHostRedirects.relative(request, "https://seconde-vie.chu.example"))
        .isEqualTo("/");
  }
}
