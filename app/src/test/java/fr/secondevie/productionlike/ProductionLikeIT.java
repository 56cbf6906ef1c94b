package fr.secondevie.productionlike;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production-like run (issue 17): MariaDB from Debian, Keycloak in production mode with the
 * project's realm, the standalone engine with credentials, two replicas of the packaged jar in the
 * camunda profile, all started by {@code ops/production-like/run.sh}, which runs this test and
 * fails when it did not run. Not part of {@code ./mvnw verify} (excluded in app/pom.xml).
 *
 * <p>Users log in through Keycloak's real login form (authorization-code flow), API clients call
 * with their service accounts' bearer tokens, and a 20-asset campaign runs across both replicas,
 * one of them killed with SIGKILL in the middle. The campaign runs last: it kills replica A.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionLikeIT {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String MANAGER_MENU = "Importer un export GLPI";
  private static final String TECHNICIAN_MENU = "Déposer un rapport d'effacement";

  private final ProductionLikeRun run = ProductionLikeRun.load();

  /** Who logs in, the name the page shows, a menu entry of the role and one it must not have. */
  private record Role(String username, String name, String menu, String notMenu) {}

  @Test
  @Order(1)
  void shouldLogEachRoleInThroughKeycloaksLoginFormOnEitherReplica() throws Exception {
    List<Role> roles =
        List.of(
            new Role("technicien", "Technicien", TECHNICIAN_MENU, MANAGER_MENU),
            new Role("gestionnaire", "Gestionnaire", MANAGER_MENU, TECHNICIAN_MENU),
            new Role("directeur", "Directeur", "Indicateurs", MANAGER_MENU),
            new Role("acheteur", "Acheteur", "Fournisseurs", "Indicateurs"),
            new Role("evaluateur", "Évaluateur", "Fournisseurs", "Boîte d'envoi"),
            new Role("auditeur", "Auditeur", "Console des processus", MANAGER_MENU),
            new Role("admin", "Administrateur", MANAGER_MENU, "Utilisateurs"));
    int i = 0;
    for (Role role : roles) {
      // given a browser on one replica or the other
      String replica = i++ % 2 == 0 ? run.replicaA() : run.replicaB();
      Browser browser = new Browser();

      // when the user logs in through Keycloak
      Document home = login(browser, replica, role.username());

      // then the page shows the user's name and the role's menu
      assertThat(home.location()).startsWith(replica);
      assertThat(userName(home)).as("name shown to %s", role.username()).contains(role.name());
      assertThat(menu(home)).as("menu of %s", role.username()).contains(role.menu());
      assertThat(menu(home)).as("menu of %s", role.username()).doesNotContain(role.notMenu());
    }
  }

  @Test
  @Order(2)
  void shouldKeepASessionOpenedOnOneReplicaValidOnTheOther() throws Exception {
    // given a user logged in through replica A
    Browser browser = new Browser();
    login(browser, run.replicaA(), "gestionnaire");

    // when the same browser (same cookie) goes to replica B, then back to A
    Document onB = browser.get(run.replicaB() + "/campaigns");
    List<URI> hopsOnB = browser.lastHops();
    Document backOnA = browser.get(run.replicaA() + "/");

    // then B knows the session (no detour through the login), and A still does
    assertThat(hopsOnB).as("no redirect to the login").hasSize(1);
    assertThat(onB.location()).isEqualTo(run.replicaB() + "/campaigns");
    assertThat(userName(onB)).contains("Gestionnaire");
    assertThat(userName(backOnA)).contains("Gestionnaire");
  }

  @Test
  @Order(3)
  void shouldEndTheProvidersSessionAtLogout() throws Exception {
    // given a user logged in through replica A
    Browser browser = new Browser();
    Document home = login(browser, run.replicaA(), "technicien");

    // when the user logs out (on replica B, same session), then asks to log in again
    Document onB = browser.get(run.replicaB() + "/");
    Document afterLogout = browser.submit(onB, onB.selectFirst("form[action=/logout]"), Map.of());
    List<URI> logoutHops = browser.lastHops();
    Document loginAgain = browser.get(run.replicaA() + "/oauth2/authorization/chu");

    // then the provider's session ended too: Keycloak asks for the password again
    assertThat(userName(home)).contains("Technicien");
    assertThat(logoutHops)
        .as("logout goes through Keycloak's end-session endpoint")
        .anyMatch(
            u -> u.toString().startsWith(run.keycloakUrl()) && u.getPath().endsWith("/logout"));
    assertThat(afterLogout.location()).contains("/login");
    assertThat(loginAgain.selectFirst("form#kc-form-login"))
        .as("Keycloak's password form, not an automatic login: %s", loginAgain.location())
        .isNotNull();
    assertThat(browser.get(run.replicaA() + "/tasks").location())
        .as("the application's session is over on both replicas")
        .doesNotEndWith("/tasks");
  }

  @Test
  @Order(4)
  void shouldAcceptServiceAccountTokensOnTheApiWithTheirRolesOnly() {
    // given the wipe station's token (technician kind) and no token at all
    Rest wipeStation = Rest.serviceAccount(run, "seconde-vie-wipe-station");
    LocalDate day = LocalDate.of(2026, 1, 15);
    byte[] csv = ReuseFleet.of(1, 0, day).glpiCsv(day);

    // when they post a GLPI export, an asset manager's route
    HttpResponse<String> technician =
        wipeStation.postFile(run.replicaB() + "/api/assets/import", "glpi.csv", csv);
    HttpResponse<String> nobody =
        Rest.anonymous().postFile(run.replicaA() + "/api/assets/import", "glpi.csv", csv);

    // then the first is refused for its role, the second for having no token
    assertThat(technician.statusCode()).as(technician.body()).isEqualTo(403);
    assertThat(nobody.statusCode()).as(nobody.body()).isEqualTo(401);
    assertThat(
            Rest.ok(wipeStation.get(run.replicaA() + "/api/assets?size=1"))
                .path("totalElements")
                .asLong())
        .as("nothing imported")
        .isZero();
  }

  @Test
  @Order(5)
  void shouldCompleteA20AssetCampaignAcrossBothReplicasWithOneKilledMidway() throws Exception {
    // given the app's date, its internal workshop (set up by an asset manager) and the GLPI
    // synchronisation's export of 20 assets
    HttpResponse<String> probe = Rest.anonymous().get(run.replicaA() + "/login");
    LocalDate today = CampaignDriver.appTime(probe).atZoneSameInstant(PARIS).toLocalDate();
    ReuseFleet fleet = ReuseFleet.of(12, 8, today);
    Browser manager = new Browser();
    login(manager, run.replicaB(), "gestionnaire");
    Document reconditioners = manager.get(run.replicaB() + "/reconditioners");
    Document added =
        manager.submit(
            reconditioners,
            reconditioners.selectFirst("form[action=/reconditioners]"),
            Map.of(
                "name", "Atelier DSI de Charles-Nicolle",
                "channel", "INTERNAL_WORKSHOP",
                "email", "atelier.dsi@chu.example.org",
                "active", "true"));
    assertThat(added.text()).contains("enregistré");
    JsonNode imported =
        Rest.ok(
            Rest.serviceAccount(run, "seconde-vie-glpi-sync")
                .postFile(
                    run.replicaA() + "/api/assets/import?wait=true",
                    "glpi.csv",
                    fleet.glpiCsv(today)));
    assertThat(imported.path("created").asInt()).as(imported.toString()).isEqualTo(20);

    // when the asset manager launches the campaign over the site (on replica A), and everyone
    // works through both replicas until replica A is killed after 10 collections
    Document form = manager.get(run.replicaA() + "/campaigns/new");
    Document campaign =
        manager.submit(
            form,
            form.selectFirst("form[action=/campaigns][method=post]"),
            Map.of(
                "name",
                "Renouvellement de la radiologie",
                "mode",
                "site",
                "campaignSite",
                fleet.site()));
    Document launched =
        manager.submit(campaign, campaign.selectFirst("form[action$=/start]"), Map.of());
    assertThat(launched.text()).contains("Campagne lancée");
    CampaignDriver driver = new CampaignDriver(run, fleet, today);
    long p1 = driver.runUntilCompleted(collected -> collected >= 10, Duration.ofMinutes(10));

    // then the campaign completed with replica B alone after the kill
    assertThat(driver.replicaAKilled()).isTrue();
    assertThat(ProcessHandle.of(run.replicaAPid())).isEmpty();
    assertThat(driver.requestsToA()).isPositive();
    assertThat(driver.requestsToB()).isGreaterThan(driver.requestsToA());
    assertThat(driver.state(p1)).isEqualTo("COMPLETED");
    // every asset went the whole way, its chain of custody intact
    Rest reader = Rest.serviceAccount(run, "seconde-vie-glpi-sync");
    JsonNode inStock = Rest.ok(reader.get(run.replicaB() + "/api/assets?status=IN_STOCK&size=100"));
    assertThat(inStock.path("totalElements").asInt()).as(inStock.toString()).isEqualTo(20);
    for (ReuseFleet.Planned asset : fleet.assets()) {
      JsonNode custody =
          Rest.ok(
              reader.get(run.replicaB() + "/api/assets/" + asset.inventoryNumber() + "/custody"));
      assertThat(custody.path("verification").path("valid").asBoolean())
          .as("custody of %s: %s", asset.inventoryNumber(), custody.path("verification"))
          .isTrue();
    }
    // the workers of both replicas took jobs
    assertThat(completedJobsOf("replica-a")).as("jobs done by replica A's workers").isPositive();
    assertThat(completedJobsOf("replica-b")).as("jobs done by replica B's workers").isPositive();
    // each effect recorded once
    try (Connection db =
        DriverManager.getConnection(
            run.get("db.url"), run.get("db.username"), run.get("db.password"))) {
      assertThat(single(db, "SELECT started_by FROM import_run WHERE created_count = 20"))
          .isEqualTo("service-account-seconde-vie-glpi-sync");
      assertThat(count(db, "SELECT COUNT(*) FROM sanitization_certificate"))
          .isEqualTo(fleet.desktops());
      assertThat(
              rows(
                  db,
                  "SELECT asset_id FROM sanitization_certificate GROUP BY asset_id HAVING COUNT(*) > 1"))
          .as("assets with more than one certificate")
          .isEmpty();
      assertThat(count(db, "SELECT COUNT(*) FROM reconditioning_order")).isEqualTo(20);
      assertThat(
              rows(
                  db,
                  "SELECT asset_id FROM reconditioning_order GROUP BY asset_id HAVING COUNT(*) > 1"))
          .as("assets with more than one reconditioning order")
          .isEmpty();
      assertThat(
              rows(
                  db,
                  "SELECT CONCAT(kind, ' ', owner_ref) FROM document GROUP BY kind, owner_ref HAVING COUNT(*) > 1"))
          .as("documents generated twice")
          .isEmpty();
      assertThat(
              rows(
                  db,
                  "SELECT subject FROM notification GROUP BY recipient, subject, body HAVING COUNT(*) > 1"))
          .as("e-mails queued twice")
          .isEmpty();
      assertThat(
              rows(
                  db,
                  "SELECT CONCAT(asset_id, ' ', action, ' ', COALESCE(to_status, '')) FROM custody_entry"
                      + " GROUP BY asset_id, action, from_status, to_status, details HAVING COUNT(*) > 1"))
          .as("custody entries recorded twice")
          .isEmpty();
    }
  }

  // ------------------------------------------------------------------------------ helpers

  /** The authorization-code flow as a browser does it, from the replica's login page. */
  private Document login(Browser browser, String replica, String username) throws Exception {
    Document loginPage = browser.get(replica + "/");
    assertThat(loginPage.location())
        .as("anonymous visitors are sent to the login page")
        .endsWith("/login");
    Element provider = loginPage.selectFirst("a[href^=/oauth2/authorization/]");
    assertThat(provider).as("the provider's link on %s", loginPage.location()).isNotNull();
    Document keycloak = browser.get(replica + provider.attr("href"));
    Element form = keycloak.selectFirst("form#kc-form-login");
    assertThat(form).as("Keycloak's login form at %s", keycloak.location()).isNotNull();
    assertThat(keycloak.location()).startsWith(run.keycloakUrl());
    Document home =
        browser.submit(
            keycloak, form, Map.of("username", username, "password", run.usersPassword()));
    assertThat(browser.lastHops())
        .as("back to the application through its redirect URI")
        .anyMatch(u -> u.getPath().equals("/login/oauth2/code/chu"));
    assertThat(home.location()).as(home.text()).startsWith(replica);
    return home;
  }

  private static String userName(Document page) {
    Element name = page.selectFirst("div.user strong");
    return name == null ? "(nobody logged in on " + page.location() + ")" : name.text();
  }

  private static List<String> menu(Document page) {
    return page.select("nav[aria-label=\"Menu principal\"] a").eachText();
  }

  private long completedJobsOf(String worker) {
    JsonNode jobs =
        Rest.ok(
            Rest.basic(run.get("engine.username"), run.get("engine.password"))
                .postJson(
                    run.get("engine.rest") + "/v2/jobs/search",
                    Map.of(
                        "filter",
                        Map.of("worker", worker, "state", "COMPLETED"),
                        "page",
                        Map.of("limit", 1))));
    return jobs.path("page").path("totalItems").asLong();
  }

  private static long count(Connection db, String sql) throws SQLException {
    return Long.parseLong(single(db, sql));
  }

  private static String single(Connection db, String sql) throws SQLException {
    List<String> rows = rows(db, sql);
    assertThat(rows).as(sql).hasSize(1);
    return rows.get(0);
  }

  private static List<String> rows(Connection db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = db.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      while (result.next()) {
        rows.add(result.getString(1));
      }
    }
    return rows;
  }
}
