package fr.secondevie;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here (no Docker): this checks that it parses and that its services,
 * ports and environment agree with the app's Camunda-mode configuration.
 */
class DockerComposeTests {

  static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?[^}]*}");
  static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

  static JsonNode compose;
  static JsonNode realm;
  static JsonNode services;
  static Properties camundaProfile;
  static Properties defaults;

  @BeforeAll
  static void load() throws IOException {
    compose =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docker-compose.yml").toFile());
    services = compose.get("services");
    realm =
        new ObjectMapper()
            .readTree(
                Files.readString(Path.of("..", "docker", "keycloak", "seconde-vie-realm.json")));
    camundaProfile = properties("/application-camunda.properties");
    defaults = properties("/application.properties");
  }

  static Properties properties(String resource) throws IOException {
    Properties p = new Properties();
    try (InputStream in = DockerComposeTests.class.getResourceAsStream(resource)) {
      p.load(in);
    }
    return p;
  }

  static Map<String, String> env(String service) {
    Map<String, String> env = new HashMap<>();
    JsonNode node = services.get(service).get("environment");
    if (node.isArray()) {
      node.forEach(
          e -> {
            String[] kv = e.asText().split("=", 2);
            env.put(kv[0], kv.length > 1 ? kv[1] : "");
          });
    } else {
      node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
    }
    return env;
  }

  /** "8088:8080" entries as container port → host port. */
  static Map<Integer, Integer> ports(String service) {
    Map<Integer, Integer> ports = new HashMap<>();
    JsonNode node = services.get(service).get("ports");
    if (node != null) {
      node.forEach(
          p -> {
            String[] parts = p.asText().split(":");
            ports.put(
                Integer.parseInt(parts[parts.length - 1]),
                Integer.parseInt(parts[parts.length - 2]));
          });
    }
    return ports;
  }

  /** Spring's relaxed binding: CAMUNDA_CLIENT_GRPCADDRESS matches camunda.client.grpc-address. */
  static boolean binds(String envVar, String property) {
    return envVar.equals(property.toUpperCase(Locale.ROOT).replace("-", "").replace('.', '_'));
  }

  @Test
  void declaresTheWholeStack() {
    List<String> names = new ArrayList<>();
    services.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactlyInAnyOrder("elasticsearch", "orchestration", "mariadb", "keycloak", "app");
    assertThat(services.get("orchestration").get("image").asText())
        .startsWith("camunda/camunda:8.8.");
    assertThat(services.get("mariadb").get("image").asText()).isEqualTo("mariadb:11.4");
    assertThat(services.get("app").get("build").get("dockerfile").asText()).isEqualTo("Dockerfile");
    assertThat(Path.of("..", "Dockerfile")).exists();
  }

  @Test
  void theAppRunsInCamundaModeOnItsOwnPort() {
    assertThat(env("app")).containsEntry("SPRING_PROFILES_ACTIVE", "camunda");
    assertThat(camundaProfile.getProperty("secondevie.mode")).isEqualTo("camunda");
    int appPort = Integer.parseInt(defaults.getProperty("server.port"));
    assertThat(ports("app")).containsEntry(appPort, 8080);
  }

  @Test
  void everyAppVariableOverridesAPropertyOfTheCamundaProfileOrAKnownFamily() {
    for (String variable : env("app").keySet()) {
      boolean inProfile =
          camundaProfile.stringPropertyNames().stream().anyMatch(p -> binds(variable, p));
      boolean known =
          variable.equals("SPRING_PROFILES_ACTIVE")
              || variable.startsWith("CAMUNDA_CLIENT_AUTH_")
              || variable.startsWith("SPRING_SECURITY_OAUTH2_CLIENT_")
              || variable.startsWith("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_")
              || variable.equals("SECONDEVIE_SECURITY_OIDC_ROLESCLAIM");
      assertThat(inProfile || known).as(variable).isTrue();
    }
    for (String key :
        List.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "camunda.client.grpc-address",
            "camunda.client.rest-address")) {
      assertThat(env("app").keySet()).as(key).anyMatch(v -> binds(v, key));
    }
  }

  @Test
  void theDatasourcePointsAtTheMariaDbServiceAndItsAccount() {
    Map<String, String> app = env("app");
    Map<String, String> mariadb = env("mariadb");
    URI url = URI.create(app.get("SPRING_DATASOURCE_URL").substring("jdbc:".length()));
    assertThat(url.getScheme()).isEqualTo("mariadb");
    assertThat(url.getHost()).isEqualTo("mariadb");
    assertThat(url.getPort()).isEqualTo(3306);
    assertThat(url.getPath()).isEqualTo("/" + mariadb.get("MARIADB_DATABASE"));
    assertThat(app.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(mariadb.get("MARIADB_USER"));
    assertThat(app.get("SPRING_DATASOURCE_PASSWORD")).isEqualTo(mariadb.get("MARIADB_PASSWORD"));
    assertThat(camundaProfile.getProperty("spring.datasource.url")).startsWith("jdbc:mariadb://");
  }

  @Test
  void theCamundaClientPointsAtTheOrchestrationCluster() {
    Map<String, String> app = env("app");
    URI grpc = URI.create(app.get("CAMUNDA_CLIENT_GRPCADDRESS"));
    URI rest = URI.create(app.get("CAMUNDA_CLIENT_RESTADDRESS"));
    assertThat(grpc.getHost()).isEqualTo("orchestration");
    assertThat(rest.getHost()).isEqualTo("orchestration");
    Map<Integer, Integer> published = ports("orchestration");
    assertThat(published).containsKeys(grpc.getPort(), rest.getPort(), 9600);
    // Published on the host as in embedded mode, where the engine's REST port moves to 8088.
    assertThat(published.get(rest.getPort()))
        .isEqualTo(Integer.parseInt(defaults.getProperty("secondevie.embedded.engine.rest-port")));
    assertThat(published.get(grpc.getPort()))
        .isEqualTo(Integer.parseInt(defaults.getProperty("secondevie.embedded.engine.grpc-port")));
    // The client logs in with its own client of the realm (client credentials), which the cluster
    // accepts (audience) and makes an administrator.
    Map<String, String> orchestration = env("orchestration");
    assertThat(app.get("CAMUNDA_CLIENT_AUTH_METHOD")).isEqualTo("oidc");
    JsonNode client = realmClient(app.get("CAMUNDA_CLIENT_AUTH_CLIENTID"));
    assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
    assertThat(client.get("standardFlowEnabled").asBoolean()).isFalse();
    assertThat(audiences(client)).contains(app.get("CAMUNDA_CLIENT_AUTH_AUDIENCE"));
    assertThat(orchestration)
        .containsEntry(
            "CAMUNDA_SECURITY_AUTHENTICATION_OIDC_AUDIENCES_0",
            app.get("CAMUNDA_CLIENT_AUTH_AUDIENCE"))
        .containsEntry(
            "CAMUNDA_SECURITY_INITIALIZATION_DEFAULTROLES_ADMIN_CLIENTS_0",
            app.get("CAMUNDA_CLIENT_AUTH_CLIENTID"));
    assertThat(URI.create(app.get("CAMUNDA_CLIENT_AUTH_TOKENURL")).getHost()).isEqualTo("keycloak");
    assertThat(secretVariable(app.get("CAMUNDA_CLIENT_AUTH_CLIENTSECRET")))
        .isEqualTo(placeholder(client.get("secret").asText()));
  }

  @Test
  void theClusterUsesElasticsearchAsSecondaryStorage() {
    Map<String, String> orchestration = env("orchestration");
    assertThat(orchestration).containsEntry("CAMUNDA_DATA_SECONDARYSTORAGE_TYPE", "elasticsearch");
    URI elastic = URI.create(orchestration.get("CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_URL"));
    assertThat(elastic.getHost()).isEqualTo("elasticsearch");
    assertThat(elastic.getPort()).isEqualTo(9200);
    assertThat(env("elasticsearch")).containsEntry("discovery.type", "single-node");
  }

  @Test
  void oidcLoginMatchesTheKeycloakRealm() throws IOException {
    Map<String, String> app = env("app");
    JsonNode client =
        realmClient(app.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_CLIENTID"));
    assertThat(app.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_CLIENTID"))
        .isEqualTo(client.get("clientId").asText());
    assertThat(
            secretVariable(app.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_CLIENTSECRET")))
        .isEqualTo(placeholder(client.get("secret").asText()));
    assertThat(resolved(client.get("redirectUris").get(0).asText()))
        .isEqualTo("http://localhost:" + ports("app").get(8080) + "/login/oauth2/code/chu");
    assertThat(resolved(client.get("attributes").get("post.logout.redirect.uris").asText()))
        .isEqualTo("http://localhost:" + ports("app").get(8080) + "/login?logout");
    URI token = URI.create(app.get("SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CHU_TOKENURI"));
    assertThat(token.getHost()).isEqualTo("keycloak");
    assertThat(ports("keycloak")).containsKey(token.getPort());
    assertThat(token.getPath()).startsWith("/realms/" + realm.get("realm").asText() + "/");
    assertThat(client.get("protocolMappers").get(0).get("config").get("claim.name").asText())
        .isEqualTo(app.get("SECONDEVIE_SECURITY_OIDC_ROLESCLAIM"));
    List<String> roles = new ArrayList<>();
    realm.get("roles").get("realm").forEach(r -> roles.add(r.get("name").asText()));
    assertThat(roles)
        .containsExactlyInAnyOrder(
            java.util.Arrays.stream(fr.secondevie.security.Role.values())
                .map(Enum::name)
                .toArray(String[]::new));
  }

  static JsonNode realmClient(String clientId) {
    for (JsonNode client : realm.get("clients")) {
      if (client.get("clientId").asText().equals(clientId)) {
        return client;
      }
    }
    throw new AssertionError("no client " + clientId + " in the realm");
  }

  static List<String> audiences(JsonNode client) {
    List<String> audiences = new ArrayList<>();
    client
        .get("protocolMappers")
        .forEach(
            m -> {
              if (m.get("protocolMapper").asText().equals("oidc-audience-mapper")) {
                audiences.add(m.get("config").get("included.custom.audience").asText());
              }
            });
    return audiences;
  }

  /**
   * {@code ${VAR:?message}} → VAR: a value the stack takes from .env, refusing to start without.
   */
  static String secretVariable(String value) {
    Matcher m = REFERENCE.matcher(value);
    assertThat(m.matches()).as(value + " is a required .env reference").isTrue();
    return m.group(1);
  }

  /** {@code ${VAR}} in the realm file → VAR, which Keycloak resolves from its environment. */
  static String placeholder(String value) {
    Matcher m = PLACEHOLDER.matcher(value);
    assertThat(m.matches()).as(value + " is a placeholder").isTrue();
    return m.group(1);
  }

  /** The realm file's placeholders replaced with Keycloak's environment in the compose file. */
  static String resolved(String value) {
    Map<String, String> keycloak = env("keycloak");
    Matcher m = PLACEHOLDER.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      assertThat(keycloak).as("Keycloak's environment").containsKey(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(keycloak.get(m.group(1))));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Test
  void shouldTakeEverySecretFromTheEnvFileAndNeverCommitIt() throws IOException {
    // given
    Set<String> listed = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("..", ".env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        assertThat(line).as(".env.example lists names, not values").endsWith("=");
        listed.add(line.substring(0, line.length() - 1));
      }
    }
    Set<String> referenced = new TreeSet<>();
    Set<String> serviceNames = new TreeSet<>();
    services.fieldNames().forEachRemaining(serviceNames::add);

    // when / then: a password or secret is never written in the file
    for (String service : serviceNames) {
      env(service)
          .forEach(
              (name, value) -> {
                Matcher reference = REFERENCE.matcher(value);
                while (reference.find()) {
                  referenced.add(reference.group(1));
                }
                if (name.matches(".*(PASSWORD|SECRET).*") && !name.endsWith("_USERNAME")) {
                  assertThat(value).as(service + " " + name).matches(REFERENCE.pattern());
                }
              });
    }
    assertThat(referenced).isEqualTo(listed);
    assertThat(Files.readAllLines(Path.of("..", ".gitignore"))).contains(".env");
    // nor in the realm: its secrets and passwords are placeholders Keycloak's environment fills
    Map<String, String> keycloak = env("keycloak");
    realm
        .get("clients")
        .forEach(
            c -> {
              if (c.has("secret")) {
                String variable = placeholder(c.get("secret").asText());
                assertThat(secretVariable(keycloak.get(variable))).isEqualTo(variable);
              }
            });
    realm
        .get("users")
        .forEach(
            u -> {
              if (u.has("credentials")) {
                String variable = placeholder(u.get("credentials").get(0).get("value").asText());
                assertThat(secretVariable(keycloak.get(variable))).isEqualTo(variable);
              }
            });
  }

  @Test
  void shouldPublishOnlyTheWebEntryPointsBeyondThisMachine() {
    // given: the browser-facing ports (app, Operate/Tasklist, Keycloak)
    Set<String> webEntryPoints = Set.of("app:8080", "orchestration:8080", "keycloak:8180");

    // when / then
    services
        .fields()
        .forEachRemaining(
            service -> {
              JsonNode ports = service.getValue().get("ports");
              if (ports != null) {
                ports.forEach(
                    p -> {
                      String[] parts = p.asText().split(":");
                      String container = service.getKey() + ":" + parts[parts.length - 1];
                      if (!webEntryPoints.contains(container)) {
                        assertThat(p.asText()).as(container).startsWith("127.0.0.1:");
                      }
                    });
              }
            });
  }

  @Test
  void shouldRunKeycloakInProductionModeWithUsersItsProfileAccepts() {
    // given
    JsonNode command = services.get("keycloak").get("command");

    // then: production mode, its database in MariaDB
    assertThat(command.get(0).asText()).isEqualTo("start");
    assertThat(env("keycloak")).containsEntry("KC_DB", "mariadb");
    assertThat(Path.of("..", "docker", "mariadb", "10-keycloak.sh")).exists();
    // users Keycloak's user profile accepts as they are (no forced "update account" page)
    realm
        .get("users")
        .forEach(
            u -> {
              if (!u.has("serviceAccountClientId")) {
                for (String field : List.of("firstName", "lastName")) {
                  assertThat(u.get(field).asText())
                      .as(u.get("username").asText() + " " + field)
                      .doesNotContainPattern("[<>&\"$%!#?§;*~/\\\\,^(){}\\[\\]|@:=]");
                }
                assertThat(u.get("email").asText()).contains("@");
                assertThat(u.path("requiredActions")).isEmpty();
              }
            });
  }

  @Test
  void shouldGiveTheApiClientsServiceAccountsWithTheirRolesAndTheApiAudience() {
    // given
    Map<String, String> app = env("app");
    String audience = app.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES");

    // then: one service account per kind of caller, tokens only (no login page, no password)
    for (String clientId :
        List.of("seconde-vie-glpi-sync", "seconde-vie-wipe-station", "seconde-vie-workshop")) {
      JsonNode client = realmClient(clientId);
      assertThat(client.get("serviceAccountsEnabled").asBoolean()).as(clientId).isTrue();
      assertThat(client.get("standardFlowEnabled").asBoolean()).as(clientId).isFalse();
      assertThat(client.get("directAccessGrantsEnabled").asBoolean()).as(clientId).isFalse();
      assertThat(audiences(client)).as(clientId).contains(audience);
      JsonNode roles = client.get("protocolMappers").get(0).get("config");
      assertThat(roles.get("claim.name").asText())
          .isEqualTo(app.get("SECONDEVIE_SECURITY_OIDC_ROLESCLAIM"));
      assertThat(roles.get("access.token.claim").asText()).isEqualTo("true");
    }
    assertThat(app.get("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI"))
        .isEqualTo(env("keycloak").get("KC_HOSTNAME") + "/realms/" + realm.get("realm").asText());
  }

  @Test
  void shouldLetAgentsWorkTheirGroupsTasksInTasklistWithAuthorizationsOn() throws IOException {
    // given
    Map<String, String> orchestration = env("orchestration");
    Set<String> groups = new TreeSet<>();
    realm.get("groups").forEach(g -> groups.add(g.get("name").asText()));
    Set<String> candidateGroups = new TreeSet<>();
    try (var models = Files.list(Path.of("..", "bpmn"))) {
      for (Path model : models.filter(m -> m.toString().endsWith(".bpmn")).toList()) {
        Matcher m =
            Pattern.compile("candidateGroups=\"([^\"]*)\"").matcher(Files.readString(model));
        while (m.find()) {
          for (String group : m.group(1).split(",")) {
            candidateGroups.add(group.strip());
          }
        }
      }
    }
    String tasklistAccess =
        Files.readString(Path.of("..", "docker", "camunda", "authorizations.yaml"));

    // then
    assertThat(orchestration)
        .containsEntry("CAMUNDA_SECURITY_AUTHENTICATION_METHOD", "oidc")
        .containsEntry("CAMUNDA_SECURITY_AUTHORIZATIONS_ENABLED", "true");
    assertThat(groups).containsAll(candidateGroups);
    JsonNode camunda =
        realmClient(orchestration.get("CAMUNDA_SECURITY_AUTHENTICATION_OIDC_CLIENTID"));
    assertThat(resolved(camunda.get("redirectUris").get(0).asText()))
        .isEqualTo(orchestration.get("CAMUNDA_SECURITY_AUTHENTICATION_OIDC_REDIRECTURI"));
    assertThat(camunda.get("protocolMappers").findValuesAsText("claim.name"))
        .contains(orchestration.get("CAMUNDA_SECURITY_AUTHENTICATION_OIDC_GROUPSCLAIM"));
    for (String group : candidateGroups) {
      assertThat(tasklistAccess)
          .as(group)
          .contains(
              "ownerId: "
                  + group
                  + "\n          resourceType: COMPONENT\n          resourceId: \"tasklist\"");
    }
    realm
        .get("users")
        .forEach(
            u -> {
              if (!u.has("serviceAccountClientId")) {
                assertThat(u.get("groups").get(0).asText())
                    .isEqualTo("/" + u.get("realmRoles").get(0).asText());
              }
            });
  }

  @Test
  void shouldSecureElasticsearch() {
    assertThat(env("elasticsearch")).containsEntry("xpack.security.enabled", "true");
    assertThat(env("orchestration"))
        .containsEntry("CAMUNDA_DATA_SECONDARYSTORAGE_ELASTICSEARCH_USERNAME", "elastic");
  }
}
