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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml cannot run here (no Docker): this checks that it parses and that its services,
 * ports and environment agree with the app's Camunda-mode configuration.
 */
class DockerComposeTests {

  static JsonNode compose;
  static JsonNode services;
  static Properties camundaProfile;
  static Properties defaults;

  @BeforeAll
  static void load() throws IOException {
    compose =
        new ObjectMapper(new YAMLFactory()).readTree(Path.of("..", "docker-compose.yml").toFile());
    services = compose.get("services");
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
    // The client logs in with a user the cluster creates.
    Map<String, String> orchestration = env("orchestration");
    assertThat(app.get("CAMUNDA_CLIENT_AUTH_METHOD")).isEqualTo("basic");
    assertThat(app.get("CAMUNDA_CLIENT_AUTH_USERNAME"))
        .isEqualTo(orchestration.get("CAMUNDA_SECURITY_INITIALIZATION_USERS_0_USERNAME"));
    assertThat(app.get("CAMUNDA_CLIENT_AUTH_PASSWORD"))
        .isEqualTo(orchestration.get("CAMUNDA_SECURITY_INITIALIZATION_USERS_0_PASSWORD"));
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
    JsonNode realm =
        new ObjectMapper()
            .readTree(
                Files.readString(Path.of("..", "docker", "keycloak", "seconde-vie-realm.json")));
    JsonNode client = realm.get("clients").get(0);
    assertThat(app.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_CLIENTID"))
        .isEqualTo(client.get("clientId").asText());
    assertThat(app.get("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_CHU_CLIENTSECRET"))
        .isEqualTo(client.get("secret").asText());
    assertThat(client.get("redirectUris").get(0).asText())
        .isEqualTo("http://localhost:" + ports("app").get(8080) + "/login/oauth2/code/chu");
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
}
