package fr.secondevie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.embedded.EmbeddedMariaDb;
import fr.secondevie.embedded.EmbeddedModeProperties;
import io.camunda.client.CamundaClient;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The {@code camunda} profile: an external MariaDB (here the test JVM's MariaDB, reached like any
 * external one through SPRING_DATASOURCE_*), a Camunda cluster address, OIDC login; nothing of the
 * embedded mode starts and there are no demo users. (Tests may use the embedded module: it is on
 * the test classpath; the ArchUnit rule covers main code.)
 */
@SpringBootTest(
    properties = {
      "secondevie.demo.enabled=false", // the suite runs in demo mode, refused with `camunda`
      "camunda.client.grpc-address=http://camunda.example.org:26500",
      "camunda.client.rest-address=http://camunda.example.org:8088",
      "camunda.client.deployment.enabled=false",
      "spring.security.oauth2.client.registration.chu.client-id=seconde-vie",
      "spring.security.oauth2.client.registration.chu.client-secret=s",
      "spring.security.oauth2.client.registration.chu.client-name=Compte du CHU",
      "spring.security.oauth2.client.registration.chu.scope=openid,profile",
      "spring.security.oauth2.client.registration.chu.authorization-grant-type=authorization_code",
      "spring.security.oauth2.client.registration.chu.redirect-uri={baseUrl}/login/oauth2/code/{registrationId}",
      "spring.security.oauth2.client.provider.chu.authorization-uri=http://idp.example.org/auth",
      "spring.security.oauth2.client.provider.chu.token-uri=http://idp.example.org/token",
      "spring.security.oauth2.client.provider.chu.jwk-set-uri=http://idp.example.org/certs",
      "spring.security.oauth2.client.provider.chu.user-name-attribute=preferred_username"
    })
@ActiveProfiles("camunda")
@AutoConfigureMockMvc
class CamundaModeTests {

  static final EmbeddedModeProperties.MariaDb TEST_DB =
      new EmbeddedModeProperties.MariaDb(null, null, null, true, null);

  @DynamicPropertySource
  static void externalDatabase(DynamicPropertyRegistry registry) {
    EmbeddedMariaDb external = EmbeddedMariaDb.obtain(TEST_DB);
    external.release();
    registry.add("spring.datasource.url", external::jdbcUrl);
    // one account for the pool and the migrations, as a simple external set-up would have
    registry.add("spring.datasource.username", () -> external.ownerAccount().username());
    registry.add("spring.datasource.password", () -> external.ownerAccount().password());
  }

  /** Holds the test database while this context's DataSource is open (see EmbeddedMariaDb). */
  @TestConfiguration
  static class HoldTheDatabase {

    @Bean(destroyMethod = "release")
    EmbeddedMariaDb externalMariaDbLease() {
      return EmbeddedMariaDb.obtain(TEST_DB);
    }

    @Bean
    static BeanFactoryPostProcessor dataSourceClosesFirst() {
      return factory -> {
        if (factory.containsBeanDefinition("dataSource")) {
          factory.getBeanDefinition("dataSource").setDependsOn("externalMariaDbLease");
        }
      };
    }
  }

  @Autowired ApplicationContext context;
  @Autowired DataSource dataSource;
  @Autowired CamundaClient camunda;
  @Autowired MockMvc mvc;

  @Test
  void nothingEmbeddedStarts() {
    assertThat(context.getBeanNamesForType(EmbeddedMariaDb.class))
        .containsExactly("externalMariaDbLease"); // this test's own, not the embedded mode's
    assertThat(context.getBeanNamesForType(fr.secondevie.embedded.EmbeddedEngineLifecycle.class))
        .isEmpty();
    // Flyway connects as SPRING_DATASOURCE_* says, not through the embedded mode's owner account
    // (its nested configuration, found by the component scan, stopped the packaged jar's start)
    assertThat(
            context
                .getBean(
                    org.springframework.boot.autoconfigure.flyway.FlywayConnectionDetails.class)
                .getClass()
                .getName())
        .doesNotStartWith("fr.secondevie.embedded");
    assertThat(context.getEnvironment().getProperty("secondevie.mode")).isEqualTo("camunda");
    assertThat(
            ((org.springframework.core.env.ConfigurableEnvironment) context.getEnvironment())
                .getPropertySources()
                .contains("secondevie-embedded-mode-defaults"))
        .isFalse();
    // the external database got every migration of the application, none failed
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE version IS NOT NULL AND success",
                Long.class))
        .isEqualTo(versionedMigrations());
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success", Long.class))
        .isZero();
  }

  /** The versioned migrations the application ships ({@code db/migration/V*__*.sql}). */
  static long versionedMigrations() {
    try {
      return new PathMatchingResourcePatternResolver()
          .getResources("classpath:db/migration/V*__*.sql")
          .length;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void theClientTargetsTheConfiguredCluster() {
    assertThat(camunda.getConfiguration().getGrpcAddress().toString())
        .isEqualTo("http://camunda.example.org:26500");
    assertThat(camunda.getConfiguration().getRestAddress().toString())
        .isEqualTo("http://camunda.example.org:8088");
  }

  @Test
  void usersLogInThroughOidcOnly() throws Exception {
    assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(xpath("//a[@href='/oauth2/authorization/chu']").exists())
        .andExpect(xpath("//input[@id='password']").doesNotExist());
  }
}
