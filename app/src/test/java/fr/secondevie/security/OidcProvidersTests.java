package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.security.oauth2.client.OAuth2ClientProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;

/**
 * The identity provider starts after the application (issue 17): the application does not stop, the
 * login page says the provider does not answer yet, and the login works once it answers.
 */
class OidcProvidersTests {

  static int freePort() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return probe.getLocalPort();
    }
  }

  static OAuth2ClientProperties chu(String issuer) {
    OAuth2ClientProperties properties = new OAuth2ClientProperties();
    OAuth2ClientProperties.Registration registration = new OAuth2ClientProperties.Registration();
    registration.setProvider("chu");
    registration.setClientId("seconde-vie");
    registration.setClientSecret("s");
    registration.setClientName("Compte du CHU");
    registration.setAuthorizationGrantType("authorization_code");
    registration.setRedirectUri("{baseUrl}/login/oauth2/code/{registrationId}");
    registration.setScope(java.util.Set.of("openid", "profile"));
    properties.getRegistration().put("chu", registration);
    OAuth2ClientProperties.Provider provider = new OAuth2ClientProperties.Provider();
    provider.setIssuerUri(issuer);
    properties.getProvider().put("chu", provider);
    return properties;
  }

  /**
   * An OpenID Connect Discovery 1.0 provider configuration (§3), as Keycloak serves its realms'.
   */
  static HttpServer discovery(int port, String issuer) throws IOException {
    String json =
        """
        {"issuer":"%1$s",
         "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
         "token_endpoint":"%1$s/protocol/openid-connect/token",
         "userinfo_endpoint":"%1$s/protocol/openid-connect/userinfo",
         "end_session_endpoint":"%1$s/protocol/openid-connect/logout",
         "jwks_uri":"%1$s/protocol/openid-connect/certs",
         "response_types_supported":["code","id_token","code id_token"],
         "subject_types_supported":["public","pairwise"],
         "id_token_signing_alg_values_supported":["RS256"],
         "grant_types_supported":["authorization_code","refresh_token","client_credentials"],
         "scopes_supported":["openid","profile","email"]}
        """
            .formatted(issuer);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext(
        "/realms/seconde-vie/.well-known/openid-configuration",
        exchange -> {
          byte[] body = json.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    return server;
  }

  @Test
  void shouldOfferTheLoginOnlyOnceTheProviderAnswers() throws Exception {
    // given: the identity provider is not started
    int port = freePort();
    String issuer = "http://127.0.0.1:" + port + "/realms/seconde-vie";
    OidcProviders providers = new OidcProviders(chu(issuer));

    // when / then: nothing resolved, nothing thrown, the login page can say so
    assertThat(providers.findByRegistrationId("chu")).isNull();
    assertThat(providers.all())
        .singleElement()
        .isEqualTo(new LoginProviders.Provider("chu", "Compte du CHU", false));

    // when: it starts
    HttpServer idp = discovery(port, issuer);
    try {
      // then
      ClientRegistration chu = providers.findByRegistrationId("chu");
      assertThat(chu).isNotNull();
      assertThat(chu.getProviderDetails().getAuthorizationUri())
          .isEqualTo(issuer + "/protocol/openid-connect/auth");
      assertThat(providers.all())
          .singleElement()
          .extracting(LoginProviders.Provider::answering)
          .isEqualTo(true);
    } finally {
      idp.stop(0);
    }
  }

  @Test
  void shouldEndTheProvidersSessionAtLogout() throws Exception {
    // given: a user logged in through the provider
    int port = freePort();
    String issuer = "http://127.0.0.1:" + port + "/realms/seconde-vie";
    HttpServer idp = discovery(port, issuer);
    try {
      OidcProviders providers = new OidcProviders(chu(issuer));
      java.time.Instant now = java.time.Instant.parse("2026-12-03T10:00:00Z");
      org.springframework.security.oauth2.core.oidc.OidcIdToken idToken =
          new org.springframework.security.oauth2.core.oidc.OidcIdToken(
              "id-token-value", now, now.plusSeconds(300), java.util.Map.of("sub", "technicien"));
      var user =
          new org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser(
              java.util.List.of(), idToken);
      var authentication =
          new org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken(
              user, java.util.List.of(), "chu");
      var request = new org.springframework.mock.web.MockHttpServletRequest("POST", "/logout");
      request.setServerName("seconde-vie.chu-rouen.fr");
      request.setScheme("https");
      request.setServerPort(443);
      var response = new org.springframework.mock.web.MockHttpServletResponse();

      // when
      OidcLoginConfiguration.logoutHandler(providers)
          .onLogoutSuccess(request, response, authentication);

      // then: to the provider's end-session endpoint, back to our login page
      assertThat(response.getRedirectedUrl())
          .startsWith(issuer + "/protocol/openid-connect/logout?")
          .contains("id_token_hint=id-token-value")
          .contains("post_logout_redirect_uri=https://seconde-vie.chu-rouen.fr/login?logout");
    } finally {
      idp.stop(0);
    }
  }
}
