package fr.secondevie.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

import fr.secondevie.support.GlpiCsv;
import fr.secondevie.support.TestClock;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A real installation (no demo mode): no demo user, a first administrator with a one-time password
 * kept out of the log, user administration, forced password changes and login throttling.
 */
// no process model needed here: not deploying them spares a gRPC call at start
@SpringBootTest(
    properties = {"secondevie.demo.enabled=false", "camunda.client.deployment.enabled=false"})
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class LocalAccountsTests {

  static final RequestPostProcessor ROOT = user("root").roles("ADMIN");
  static final Path SECRETS = temporaryDirectory();
  static final Path PASSWORD_FILE = SECRETS.resolve("initial-admin-password.txt");

  @DynamicPropertySource
  static void initialPasswordFile(DynamicPropertyRegistry registry) {
    registry.add("secondevie.security.initial-admin-password-file", PASSWORD_FILE::toString);
  }

  @Autowired MockMvc mvc;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;
  @Autowired InitialAdministrator initialAdministrator;
  @Autowired AccountService accounts;

  @BeforeEach
  void noAccounts() throws IOException {
    jdbc.update("DELETE FROM account_role");
    jdbc.update("DELETE FROM account");
    jdbc.update("DELETE FROM account_audit");
    Files.deleteIfExists(PASSWORD_FILE);
  }

  @AfterEach
  void resetTheClock() {
    clock.reset();
  }

  @Test
  void shouldKnowNoDemoUserWithoutDemoMode() throws Exception {
    // given: no demo mode (the first administrator exists)
    initialAdministrator.ensureAnAdministrator();

    // when / then
    for (String demoUser : LocalUsers.DEMO_USERS.keySet()) {
      mvc.perform(post("/login").param("username", demoUser).param("password", "demo").with(csrf()))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(get("/api/assets").with(httpBasic("gestionnaire", "demo")))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(xpath("//*[contains(@class,'demo-banner')]").doesNotExist());
  }

  @Test
  void shouldCreateOneAdministratorAtFirstStartWithItsPasswordOnlyInAPrivateFile(
      CapturedOutput output) throws Exception {
    // when: the application starts on a database without any administrator, then restarts
    initialAdministrator.run(null);
    initialAdministrator.run(null);

    // then
    assertThat(jdbc.queryForList("SELECT username FROM account", String.class))
        .containsExactly("admin");
    assertThat(
            jdbc.queryForList(
                "SELECT r.role FROM account_role r JOIN account a ON a.id = r.account_id",
                String.class))
        .containsExactly("ADMIN");
    assertThat(Files.getPosixFilePermissions(PASSWORD_FILE))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    String password = passwordInFile();
    assertThat(password).hasSizeGreaterThanOrEqualTo(Passwords.MIN_LENGTH);
    assertThat(output.getAll()).doesNotContain(password).contains(PASSWORD_FILE.toString());
    assertThat(storedHash("admin")).startsWith("{bcrypt}$2a$12$");
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM account_audit WHERE action = 'INITIAL_ADMIN_CREATED'",
                Integer.class))
        .isEqualTo(1);
  }

  @Test
  void shouldUseTheConfiguredInitialPasswordOfAnAutomatedInstallWithoutLoggingIt(
      CapturedOutput output) throws Exception {
    // given: SECONDEVIE_SECURITY_INITIAL_ADMIN_PASSWORD
    InitialAdministrator automated =
        new InitialAdministrator(accounts, "Mot de passe de deploiement 2026", PASSWORD_FILE);

    // when
    automated.ensureAnAdministrator();

    // then
    assertThat(PASSWORD_FILE).doesNotExist();
    assertThat(output.getAll()).doesNotContain("Mot de passe de deploiement 2026");
    mvc.perform(get("/api/assets").with(httpBasic("admin", "Mot de passe de deploiement 2026")))
        .andExpect(status().isOk());
  }

  @Test
  void shouldRefuseAWeakConfiguredInitialPasswordWithoutShowingIt() {
    // given
    InitialAdministrator automated = new InitialAdministrator(accounts, "admin2026", PASSWORD_FILE);

    // when / then
    org.assertj.core.api.Assertions.assertThatThrownBy(automated::ensureAnAdministrator)
        .hasMessageContaining("secondevie.security.initial-admin-password is refused")
        .hasMessageContaining("12 caractères")
        .hasMessageNotContaining("admin2026");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class)).isZero();
  }

  @Test
  void shouldMakeTheAdministratorChangeTheGeneratedPasswordFirst() throws Exception {
    // given
    initialAdministrator.ensureAnAdministrator();
    String generated = passwordInFile();
    Cookie session = login("admin", generated);

    // when: anything else than the password page is redirected to it
    mvc.perform(get("/assets").cookie(session)).andExpect(redirectedUrl("/account/password"));
    mvc.perform(get("/admin/users").cookie(session)).andExpect(redirectedUrl("/account/password"));
    mvc.perform(get("/api/assets").with(httpBasic("admin", generated)))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    mvc.perform(
            post("/account/password")
                .cookie(session)
                .with(csrf())
                .param("currentPassword", generated)
                .param("newPassword", "trop court")
                .param("confirmation", "trop court"))
        .andExpect(status().isOk())
        .andExpect(xpath("//input[@id='newPassword']/@aria-invalid").string("true"))
        .andExpect(xpath("//*[@id='newPassword-error']").string(containsString("12 caractères")));
    mvc.perform(
            post("/account/password")
                .cookie(session)
                .with(csrf())
                .param("currentPassword", generated)
                .param("newPassword", "Une phrase de passe solide")
                .param("confirmation", "Une phrase de passe solide"))
        .andExpect(redirectedUrl("/login?changed"));

    // then
    assertThat(PASSWORD_FILE).doesNotExist();
    mvc.perform(get("/admin/users").cookie(login("admin", "Une phrase de passe solide")))
        .andExpect(status().isOk());
    mvc.perform(post("/login").param("username", "admin").param("password", generated).with(csrf()))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void shouldCreateAUserWhoLogsInWithTheChosenRolesOnly() throws Exception {
    // when
    mvc.perform(
            post("/admin/users")
                .with(ROOT)
                .with(csrf())
                .param("username", "marie")
                .param("roles", "TECHNICIAN", "AUDITOR")
                .param("password", "Mot de passe initial 1"))
        .andExpect(status().is3xxRedirection());

    // then
    assertThat(storedHash("marie")).startsWith("{bcrypt}$2a$12$");
    Cookie first = login("marie", "Mot de passe initial 1");
    mvc.perform(
            post("/account/password")
                .cookie(first)
                .with(csrf())
                .param("currentPassword", "Mot de passe initial 1")
                .param("newPassword", "Ete sur la cote 2026")
                .param("confirmation", "Ete sur la cote 2026"))
        .andExpect(redirectedUrl("/login?changed"));
    Cookie marie = login("marie", "Ete sur la cote 2026");
    mvc.perform(get("/sanitization/reports/new").cookie(marie)).andExpect(status().isOk());
    mvc.perform(get("/imports/new").cookie(marie)).andExpect(status().isForbidden());
    mvc.perform(get("/admin/users").cookie(marie)).andExpect(status().isForbidden());
    assertThat(
            jdbc.queryForList(
                "SELECT CONCAT(actor, ' ', action) FROM account_audit WHERE username = 'marie'"
                    + " ORDER BY id",
                String.class))
        .containsExactly("root CREATED", "marie PASSWORD_CHANGED");
  }

  @Test
  void shouldShowTheDisplayNameOfALocalAccountOnceSignedInAndRecordItsChanges() throws Exception {
    // given: an account created with the name people read
    mvc.perform(
            post("/admin/users")
                .with(ROOT)
                .with(csrf())
                .param("username", "cmartin")
                .param("displayName", "  Camille Martin ")
                .param("roles", "TECHNICIAN")
                .param("password", "Mot de passe initial 1"))
        .andExpect(status().is3xxRedirection());
    long id = jdbc.queryForObject("SELECT id FROM account WHERE username = 'cmartin'", Long.class);
    accounts.changeOwnPassword(
        "cmartin", "Mot de passe initial 1", "Ete sur la cote 2026", "Ete sur la cote 2026");

    // when
    Cookie camille = login("cmartin", "Ete sur la cote 2026");

    // then: the pages name the person, not the login
    mvc.perform(get("/").cookie(camille))
        .andExpect(status().isOk())
        .andExpect(xpath("//div[@class='user']//strong").string("Camille Martin"));

    // when: a bracket is refused (custody writes the login between brackets), the typed text kept
    mvc.perform(
            post("/admin/users/" + id + "/name")
                .with(ROOT)
                .with(csrf())
                .param("displayName", "Camille [DSI]"))
        .andExpect(status().isOk())
        .andExpect(xpath("//input[@id='displayName']/@value").string("Camille [DSI]"))
        .andExpect(xpath("//*[@id='displayName-error']").string(containsString("crochet")));
    mvc.perform(
            post("/admin/users/" + id + "/name")
                .with(ROOT)
                .with(csrf())
                .param("displayName", "Camille Martin-Leroy"))
        .andExpect(redirectedUrl("/admin/users/" + id));

    // then
    assertThat(
            jdbc.queryForObject(
                "SELECT display_name FROM account WHERE username = 'cmartin'", String.class))
        .isEqualTo("Camille Martin-Leroy");
    assertThat(
            jdbc.queryForList(
                "SELECT CONCAT(action, ' ', COALESCE(detail, '')) FROM account_audit"
                    + " WHERE username = 'cmartin' ORDER BY id",
                String.class))
        .containsExactly(
            "CREATED Rôles : Technicien DSI ; nom affiché : Camille Martin",
            "PASSWORD_CHANGED ",
            "RENAMED Camille Martin → Camille Martin-Leroy");
  }

  @Test
  void shouldShowAGeneratedPasswordOnceAndChangeRolesAndState() throws Exception {
    // given
    long id =
        accounts.create("root", "paul", List.of(Role.BUYER), "Automne a Rouen 1999").account().id();

    // when
    MvcResult reset =
        mvc.perform(post("/admin/users/" + id + "/password").with(ROOT).with(csrf()))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andReturn();
    String generated =
        org.jsoup.Jsoup.parse(reset.getResponse().getContentAsString())
            .getElementById("generated-password")
            .text();
    mvc.perform(
            post("/admin/users/" + id + "/roles")
                .with(ROOT)
                .with(csrf())
                .param("roles", "ASSET_MANAGER"))
        .andExpect(redirectedUrl("/admin/users/" + id));

    // then
    mvc.perform(get("/admin/users/" + id).with(ROOT))
        .andExpect(status().isOk())
        .andExpect(content().string(not(containsString(generated))))
        .andExpect(xpath("//input[@value='ASSET_MANAGER']/@checked").exists())
        .andExpect(xpath("//input[@value='BUYER']/@checked").doesNotExist());
    mvc.perform(get("/api/assets").with(httpBasic("paul", "Automne a Rouen 1999")))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/assets").with(httpBasic("paul", generated)))
        .andExpect(status().isForbidden()); // to change first
    mvc.perform(
            post("/admin/users/" + id + "/enabled")
                .with(ROOT)
                .with(csrf())
                .param("enabled", "false"))
        .andExpect(redirectedUrl("/admin/users/" + id));
    mvc.perform(post("/login").param("username", "paul").param("password", generated).with(csrf()))
        .andExpect(redirectedUrl("/login?error"));
    mvc.perform(get("/admin/users").with(ROOT))
        .andExpect(status().isOk())
        .andExpect(xpath("//table[@id='journal']/tbody/tr[1]/td[4]").string("Compte désactivé"))
        .andExpect(xpath("count(//table[@id='journal']/tbody/tr)").number(4.0));
  }

  @Test
  void shouldNameTheRefusedFieldsAndCreateNothing() throws Exception {
    // when
    mvc.perform(
            post("/admin/users")
                .with(ROOT)
                .with(csrf())
                .param("username", "Jean Dupont")
                .param("password", "court"))
        .andExpect(status().isOk())
        .andExpect(xpath("//input[@id='username']/@aria-invalid").string("true"))
        .andExpect(xpath("//*[@id='username-error']").exists())
        .andExpect(xpath("//*[@id='roles-error']").string("Choisissez au moins un rôle."))
        .andExpect(xpath("//*[@id='password-error']").string(containsString("12 caractères")));

    // then
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class)).isZero();
  }

  @Test
  void shouldKeepTheLastActiveAdministrator() throws Exception {
    // given
    initialAdministrator.ensureAnAdministrator();
    long id = jdbc.queryForObject("SELECT id FROM account WHERE username = 'admin'", Long.class);

    // when / then
    mvc.perform(
            post("/admin/users/" + id + "/enabled")
                .with(ROOT)
                .with(csrf())
                .param("enabled", "false"))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//*[@id='enabled-error']").string(containsString("dernier administrateur")));
    mvc.perform(
            post("/admin/users/" + id + "/roles").with(ROOT).with(csrf()).param("roles", "AUDITOR"))
        .andExpect(status().isOk())
        .andExpect(
            xpath("//*[@id='roles-error']").string(containsString("dernier administrateur")));
    assertThat(jdbc.queryForObject("SELECT enabled FROM account WHERE id = ?", Boolean.class, id))
        .isTrue();
  }

  @Test
  void shouldRefuseTheAdministrationPagesToOtherRoles() throws Exception {
    for (Role role : Role.values()) {
      if (role == Role.ADMIN) {
        continue;
      }
      RequestPostProcessor someone = user("someone").roles(role.name());
      mvc.perform(get("/admin/users").with(someone)).andExpect(status().isForbidden());
      mvc.perform(
              post("/admin/users")
                  .with(someone)
                  .with(csrf())
                  .param("username", "intrus")
                  .param("roles", "ADMIN"))
          .andExpect(status().isForbidden());
    }
    mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM account", Integer.class)).isZero();
  }

  @Test
  void shouldLockFormLoginsAfterFiveFailuresEvenWithTheRightPassword(CapturedOutput output)
      throws Exception {
    // given
    accounts.create("root", "lea", List.of(Role.DIRECTOR), "Printemps sur la Seine 42");
    for (int i = 1; i <= 4; i++) {
      mvc.perform(
              post("/login").param("username", "lea").param("password", "faux" + i).with(csrf()))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(post("/login").param("username", "lea").param("password", "faux5").with(csrf()))
        .andExpect(redirectedUrl("/login?locked"));

    // when: the 6th try has the right password
    mvc.perform(
            post("/login")
                .param("username", "lea")
                .param("password", "Printemps sur la Seine 42")
                .with(csrf()))
        .andExpect(redirectedUrl("/login?locked"));

    // then
    mvc.perform(get("/login").param("locked", ""))
        .andExpect(xpath("//div[@role='alert']").string(containsString("Trop de tentatives")));
    assertThat(output.getAll())
        .contains("Login locked for user 'lea' from 127.0.0.1")
        .contains("Failed login for user 'lea' from 127.0.0.1 (4 of 5")
        .doesNotContain("faux3");
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    login("lea", "Printemps sur la Seine 42");
  }

  @Test
  void shouldAnswer429WithRetryAfterToBasicClientsLockedOut() throws Exception {
    // given
    accounts.create("root", "gerard", List.of(Role.ASSET_MANAGER), "Hiver en Normandie 7");
    jdbc.update("UPDATE account SET password_change_required = FALSE WHERE username = 'gerard'");
    for (int i = 1; i <= 5; i++) {
      mvc.perform(get("/api/assets").with(httpBasic("gerard", "faux" + i)));
    }
    Integer imports = jdbc.queryForObject("SELECT COUNT(*) FROM import_run", Integer.class);

    // when
    mvc.perform(
            multipart("/api/assets/import")
                .file(new MockMultipartFile("file", "chu.csv", "text/csv", GlpiCsv.sample()))
                .with(httpBasic("gerard", "Hiver en Normandie 7")))
        // then
        .andExpect(status().isTooManyRequests())
        .andExpect(
            header()
                .string(
                    "Retry-After",
                    org.hamcrest.Matchers.matchesPattern("(8[5-9][0-9]|900)"))) // 15 min
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(jsonPath("$.detail").value(containsString("Trop de tentatives")));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM import_run", Integer.class))
        .isEqualTo(imports);
    mvc.perform(
            get("/api/assets")
                .with(httpBasic("gerard", "Hiver en Normandie 7"))
                .with(
                    request -> {
                      request.setRemoteAddr("10.1.2.3");
                      return request;
                    }))
        .andExpect(status().isOk());
    clock.advance(Duration.ofMinutes(16));
    mvc.perform(get("/api/assets").with(httpBasic("gerard", "Hiver en Normandie 7")))
        .andExpect(status().isOk());
  }

  /** Logs in with the form; returns the session cookie (Spring Session's, kept in the database). */
  private Cookie login(String username, String password) throws Exception {
    MvcResult result =
        mvc.perform(
                post("/login").param("username", username).param("password", password).with(csrf()))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    return result.getResponse().getCookie("SESSION");
  }

  private String passwordInFile() throws IOException {
    List<String> lines = Files.readAllLines(PASSWORD_FILE, StandardCharsets.UTF_8);
    return lines.get(lines.size() - 1).strip();
  }

  private String storedHash(String username) {
    return jdbc.queryForObject(
        "SELECT password_hash FROM account WHERE username = ?", String.class, username);
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("secondevie-accounts-test-");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
