package fr.secondevie.productionlike;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The parts {@code ops/production-like/run.sh} started for this run: addresses, process ids and
 * this run's secrets, read from the file named by the system property {@code
 * production-like.config} (mode 600, under {@code target/production-like}). Without it the test
 * fails: it never runs against nothing, and never skips.
 */
record ProductionLikeRun(Properties values) {

  static final String CONFIG = "production-like.config";

  static ProductionLikeRun load() {
    String file = System.getProperty(CONFIG);
    if (file == null || file.isBlank()) {
      throw new IllegalStateException(
          "No -D" + CONFIG + ": run this test through ops/production-like/run.sh");
    }
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + file, e);
    }
    return new ProductionLikeRun(properties);
  }

  String get(String key) {
    String value = values.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Missing " + key + " in " + System.getProperty(CONFIG));
    }
    return value;
  }

  String replicaA() {
    return get("replica.a");
  }

  String replicaB() {
    return get("replica.b");
  }

  long replicaAPid() {
    return Long.parseLong(get("replica.a.pid"));
  }

  String tokenUrl() {
    return get("keycloak.url")
        + "/realms/"
        + get("keycloak.realm")
        + "/protocol/openid-connect/token";
  }

  String keycloakUrl() {
    return get("keycloak.url");
  }

  String usersPassword() {
    return get("users.password");
  }

  String clientSecret(String clientId) {
    return get("client." + clientId);
  }
}
