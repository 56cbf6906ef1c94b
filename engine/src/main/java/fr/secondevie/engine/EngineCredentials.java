package fr.secondevie.engine;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The user name and password that every call to the engine must carry (HTTP Basic on REST and
 * management, the {@code authorization} metadata on gRPC). {@link #toString()} never shows the
 * password.
 *
 * @param username a non-blank name without {@code :} (HTTP Basic separates it from the password
 *     with the first colon)
 * @param password a non-blank secret
 */
public record EngineCredentials(String username, String password) {

  /** The user name of generated credentials. */
  public static final String DEFAULT_USERNAME = "secondevie-engine";

  private static final SecureRandom RANDOM = new SecureRandom();

  public EngineCredentials {
    if (username == null || username.isBlank()) {
      throw new IllegalArgumentException("Expected a user name for the engine, but it is blank");
    }
    if (username.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "Expected an engine user name without ':' (HTTP Basic), but it has one");
    }
    if (password == null || password.isBlank()) {
      throw new IllegalArgumentException(
          "Expected a password for the engine user '" + username + "', but it is blank");
    }
  }

  /** New credentials: {@link #DEFAULT_USERNAME} and 256 random bits (base64url, 43 characters). */
  public static EngineCredentials generate() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return new EngineCredentials(
        DEFAULT_USERNAME, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
  }

  /** The value of an {@code Authorization} header carrying these credentials. */
  public String authorizationHeader() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "EngineCredentials[username=" + username + ", password=<hidden>]";
  }
}
