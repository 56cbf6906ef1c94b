package fr.secondevie.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Recently verified passwords, so that stateless {@code /api} calls (HTTP Basic) do not pay a
 * strong BCrypt check each: the key is an HMAC-SHA-256 of {@code user:password} under a random key
 * of this process (the password itself is never kept), the value the account's stored hash at the
 * time and an expiry. A hit counts only while the account's hash is unchanged (a new password
 * misses) and not expired; {@link #forget} drops a user's entries when an administrator changes the
 * account. Bounded: the least recently used entries go first.
 */
class VerifiedPasswords {

  private record Verified(String username, String storedHash, Instant expires) {}

  private final Clock clock;
  private final Duration ttl;
  private final int capacity;
  private final byte[] secret = new byte[32];
  private final Map<String, Verified> entries;

  VerifiedPasswords(Clock clock, Duration ttl, int capacity) {
    this.clock = clock;
    this.ttl = ttl;
    this.capacity = capacity;
    new SecureRandom().nextBytes(secret);
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
            return size() > VerifiedPasswords.this.capacity;
          }
        };
  }

  /** Whether this password was verified against this stored hash a short while ago. */
  synchronized boolean recentlyVerified(String username, String password, String storedHash) {
    String key = key(username, password);
    Verified verified = entries.get(key);
    if (verified == null) {
      return false;
    }
    if (!clock.instant().isBefore(verified.expires())
        || !verified.storedHash().equals(storedHash)
        || !verified.username().equals(username)) {
      entries.remove(key);
      return false;
    }
    return true;
  }

  synchronized void remember(String username, String password, String storedHash) {
    entries.put(
        key(username, password), new Verified(username, storedHash, clock.instant().plus(ttl)));
  }

  synchronized void forget(String username) {
    entries.values().removeIf(v -> v.username().equals(username));
  }

  synchronized int size() {
    return entries.size();
  }

  private String key(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update(username.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
