package fr.secondevie.engine.security;

import fr.secondevie.engine.EngineCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks an {@code Authorization: Basic …} value against the engine's credentials. The comparison
 * is of SHA-256 digests with {@link MessageDigest#isEqual}, so its time tells nothing of the
 * password nor of its length. Refused calls are logged (transport and remote address, never what
 * was sent), at most once a minute with the number of the others.
 */
public final class BasicAuthenticator {

  private static final Logger LOG = LoggerFactory.getLogger(BasicAuthenticator.class);
  private static final long LOG_PERIOD_NANOS = 60_000_000_000L;

  private final byte[] expected;
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_PERIOD_NANOS);

  public BasicAuthenticator(EngineCredentials credentials) {
    this.expected =
        sha256(
            (credentials.username() + ":" + credentials.password())
                .getBytes(StandardCharsets.UTF_8));
  }

  /** The outcome of a check: accepted, or why not (for the error detail). */
  public enum Outcome {
    ACCEPTED,
    MISSING,
    MALFORMED,
    WRONG;

    public boolean accepted() {
      return this == ACCEPTED;
    }

    /** Why the call is refused, for the 401 or {@code UNAUTHENTICATED} detail. */
    public String detail() {
      return switch (this) {
        case ACCEPTED -> "Authenticated";
        case MISSING ->
            "Expected the engine's credentials (HTTP Basic, header 'Authorization'), but the"
                + " request has none";
        case MALFORMED ->
            "Expected 'Authorization: Basic <base64 of user:password>', but the header is not"
                + " of that form";
        case WRONG ->
            "Expected the engine's credentials, but the user name or the password is wrong";
      };
    }
  }

  /**
   * Checks the value of an {@code Authorization} header (null when absent).
   *
   * @param transport for the log: {@code gRPC}, {@code REST}, {@code management}
   * @param remote for the log: the caller's address
   */
  public Outcome check(String authorization, String transport, Object remote) {
    Outcome outcome = outcome(authorization);
    if (!outcome.accepted()) {
      logRefusal(outcome, transport, remote);
    }
    return outcome;
  }

  private Outcome outcome(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Outcome.MISSING;
    }
    String value = authorization.strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("basic")) {
      return Outcome.MALFORMED;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(value.substring(space + 1).strip());
    } catch (IllegalArgumentException e) {
      return Outcome.MALFORMED;
    }
    return MessageDigest.isEqual(expected, sha256(decoded)) ? Outcome.ACCEPTED : Outcome.WRONG;
  }

  private void logRefusal(Outcome outcome, String transport, Object remote) {
    refused.incrementAndGet();
    long now = System.nanoTime();
    long last = lastLogged.get();
    if (now - last >= LOG_PERIOD_NANOS && lastLogged.compareAndSet(last, now)) {
      long others = refused.getAndSet(0) - 1;
      LOG.warn(
          "Engine call refused on {} from {}: credentials {}{}",
          transport,
          remote,
          outcome.name().toLowerCase(Locale.ROOT),
          others > 0 ? " (" + others + " other refusals since the last message)" : "");
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Expected SHA-256 in every JVM", e);
    }
  }
}
