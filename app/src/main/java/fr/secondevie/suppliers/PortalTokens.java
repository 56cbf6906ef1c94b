package fr.secondevie.suppliers;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Tokens of the supplier portal: 256 bits from {@link SecureRandom}, URL-safe Base64 (43
 * characters), of which only the SHA-256 is stored; one application each; expiring.
 */
@Component
class PortalTokens {

  static final int TOKEN_BYTES = 32;
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

  private final PortalTokenRepository tokens;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  PortalTokens(PortalTokenRepository tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /** A token just issued (its plaintext, to e-mail once) or one already sent by this operation. */
  record Issued(PortalToken token, String plaintext) {

    boolean alreadySent() {
      return plaintext == null;
    }
  }

  /**
   * Issues the token of an operation, once: a repeated operation whose link was sent gets nothing
   * new; one whose link was not sent gets a new token in place of the old one.
   */
  Issued issue(
      long applicationId, String operationId, PortalToken.Purpose purpose, Instant expiresAt) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    PortalToken existing = tokens.findByOperationId(operationId).orElse(null);
    if (existing != null && existing.sentAt() != null) {
      return new Issued(existing, null);
    }
    String plaintext = newToken();
    PortalToken token;
    if (existing != null) {
      existing.rotate(hash(plaintext), now);
      token = existing;
    } else {
      token = new PortalToken(applicationId, hash(plaintext), operationId, purpose, now, expiresAt);
    }
    return new Issued(tokens.save(token), plaintext);
  }

  /** Whether this operation already issued a token. */
  boolean hasOperation(String operationId) {
    return tokens.findByOperationId(operationId).isPresent();
  }

  void markSent(PortalToken token) {
    token.sent(clock.instant().truncatedTo(ChronoUnit.MICROS));
    tokens.save(token);
  }

  /**
   * The application a token opens.
   *
   * @throws PortalAccessException unknown (or malformed), expired or revoked token
   */
  long resolve(String plaintext) {
    if (plaintext == null || !FORMAT.matcher(plaintext).matches()) {
      throw new PortalAccessException(PortalAccessException.Reason.UNKNOWN);
    }
    PortalToken token =
        tokens
            .findByTokenHash(hash(plaintext))
            .orElseThrow(() -> new PortalAccessException(PortalAccessException.Reason.UNKNOWN));
    if (token.revokedAt() != null) {
      throw new PortalAccessException(PortalAccessException.Reason.CLOSED);
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      throw new PortalAccessException(PortalAccessException.Reason.EXPIRED);
    }
    return token.applicationId();
  }

  /** Every link of the application stops working. */
  void revokeAll(long applicationId) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    for (PortalToken token : tokens.findByApplicationId(applicationId)) {
      if (token.revokedAt() == null) {
        token.revoke(now);
        tokens.save(token);
      }
    }
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String plaintext) {
    return QuestionnaireCatalog.sha256(plaintext.getBytes(StandardCharsets.US_ASCII));
  }
}
