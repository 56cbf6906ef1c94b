package fr.secondevie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import fr.secondevie.support.GlpiCsv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * API clients in Camunda mode: {@code /api} takes OAuth2 bearer tokens signed by the identity
 * provider (here a key set served by a JDK HTTP server, as Keycloak serves its {@code certs}), with
 * the roles in the same claim as the users'. Only a valid token of the right issuer and audience is
 * accepted; the service account is recorded as the actor; a token never opens the pages.
 */
@SpringBootTest(
    properties = {
      "secondevie.demo.enabled=false",
      "camunda.client.grpc-address=http://camunda.example.org:26500",
      "camunda.client.rest-address=http://camunda.example.org:8088",
      "camunda.client.deployment.enabled=false",
      "spring.security.oauth2.client.registration.chu.client-id=seconde-vie",
      "spring.security.oauth2.client.registration.chu.client-secret=s",
      "spring.security.oauth2.client.registration.chu.scope=openid,profile",
      "spring.security.oauth2.client.registration.chu.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.chu.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.provider.chu.authorization-uri=http://idp.example.org/auth",
      "spring.security.oauth2.client.provider.chu.token-uri=http://idp.example.org/token",
      "spring.security.oauth2.client.provider.chu.jwk-set-uri=http://idp.example.org/certs",
      "spring.security.oauth2.client.provider.chu.user-name-attribute=preferred_username",
      "spring.security.oauth2.resourceserver.jwt.issuer-uri=" + CamundaApiTokensTests.ISSUER,
      // the key set is named too (below), so the issuer is only compared, never fetched
      "spring.security.oauth2.resourceserver.jwt.audiences=seconde-vie-api"
    })
@ActiveProfiles("camunda")
@AutoConfigureMockMvc
@Import(CamundaModeTests.HoldTheDatabase.class)
class CamundaApiTokensTests {

  static final String ISSUER = "http://idp.example.org/realms/seconde-vie";
  static final RSAKey PROVIDER_KEY = rsaKey();
  static final RSAKey OTHER_KEY = rsaKey();
  static final HttpServer KEY_SET = keySet(PROVIDER_KEY);

  @DynamicPropertySource
  static void externalDatabaseAndKeySet(DynamicPropertyRegistry registry) {
    CamundaModeTests.externalDatabase(registry);
    registry.add(
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
        () -> "http://127.0.0.1:" + KEY_SET.getAddress().getPort() + "/certs");
  }

  @AfterAll
  static void stopKeySet() {
    KEY_SET.stop(0);
  }

  @Autowired MockMvc mvc;
  @Autowired DataSource dataSource;
  @Autowired Clock clock;

  @Test
  void shouldLetTheGlpiSynchronisationImportWithItsServiceAccountToken() throws Exception {
    // given: the GLPI synchronisation's service account holds the asset manager role
    String token = token(PROVIDER_KEY, "service-account-seconde-vie-glpi-sync", "ASSET_MANAGER");
    String number = "JWT-" + UUID.randomUUID().toString().substring(0, 8);

    // when
    mvc.perform(
            multipart("/api/assets/import")
                .file(
                    new MockMultipartFile(
                        "file",
                        "glpi.csv",
                        "text/csv",
                        GlpiCsv.glpi().row(GlpiCsv.desktop(number, "SN-" + number)).bytes()))
                .param("wait", "true")
                .header("Authorization", "Bearer " + token))
        // then
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SUCCEEDED"))
        .andExpect(jsonPath("$.created").value(1));
    assertThat(
            new JdbcTemplate(dataSource)
                .queryForObject(
                    "SELECT r.started_by FROM import_run r JOIN asset a ON a.import_run_id = r.id"
                        + " WHERE a.inventory_number = ?",
                    String.class,
                    number))
        .isEqualTo("service-account-seconde-vie-glpi-sync");
  }

  @Test
  void shouldApplyTheRolesOfTheTokenRouteByRoute() throws Exception {
    // given: the wipe station's account is a technician, not an asset manager
    String station = token(PROVIDER_KEY, "service-account-seconde-vie-wipe-station", "TECHNICIAN");

    // when / then: any signed-in caller may read, an asset manager's route is refused (403,
    // before the body is read)
    mvc.perform(get("/api/assets").header("Authorization", "Bearer " + station))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/beneficiaries")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json")
                .header("Authorization", "Bearer " + station))
        .andExpect(status().isForbidden());
  }

  @Test
  void shouldRefuseATokenSignedByAnotherKeyExpiredOrForAnotherIssuerOrAudience() throws Exception {
    Instant now = clock.instant();
    List<String> refused =
        List.of(
            token(OTHER_KEY, claims("intrus", "ADMIN", ISSUER, "seconde-vie-api", now)),
            token(
                PROVIDER_KEY,
                claims(
                    "ancien", "ADMIN", ISSUER, "seconde-vie-api", now.minus(Duration.ofHours(2)))),
            token(
                PROVIDER_KEY,
                claims(
                    "ailleurs",
                    "ADMIN",
                    "http://idp.example.org/realms/autre",
                    "seconde-vie-api",
                    now)),
            token(PROVIDER_KEY, claims("autre-appli", "ADMIN", ISSUER, "account", now)));
    for (String token : refused) {
      // when / then
      mvc.perform(get("/api/assets").header("Authorization", "Bearer " + token))
          .andExpect(status().isUnauthorized())
          .andExpect(
              header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")));
    }
    mvc.perform(get("/api/assets")).andExpect(status().isUnauthorized());
  }

  @Test
  void shouldNeverOpenThePagesWithAToken() throws Exception {
    // given
    String token = token(PROVIDER_KEY, "service-account-seconde-vie-workshop", "ADMIN");

    // when / then: pages need a person's login, a bearer token is not one
    mvc.perform(get("/assets").header("Authorization", "Bearer " + token))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
  }

  private String token(RSAKey key, String name, String role) {
    return token(key, claims(name, role, ISSUER, "seconde-vie-api", clock.instant()));
  }

  private static JWTClaimsSet claims(
      String name, String role, String issuer, String audience, Instant issuedAt) {
    return new JWTClaimsSet.Builder()
        .issuer(issuer)
        .subject(UUID.randomUUID().toString())
        .audience(audience)
        .issueTime(Date.from(issuedAt))
        .expirationTime(Date.from(issuedAt.plus(Duration.ofMinutes(5))))
        .claim("preferred_username", name)
        .claim("azp", name.replace("service-account-", ""))
        .claim("roles", List.of(role, "offline_access"))
        .build();
  }

  private static String token(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey rsaKey() {
    try {
      return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static HttpServer keySet(RSAKey key) {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      byte[] body = new JWKSet(key.toPublicJWK()).toString(true).getBytes(StandardCharsets.UTF_8);
      server.createContext(
          "/certs",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
          });
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
