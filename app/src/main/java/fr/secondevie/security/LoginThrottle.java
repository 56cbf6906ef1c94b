package fr.secondevie.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed logins per (user name, client address): after {@code maxFailures} failures within {@code
 * window}, the pair is locked for {@code lock}, doubled at each new lock up to {@code maxLock};
 * while locked every attempt is refused, the right password included. A success clears the pair. At
 * most {@code maxTracked} pairs are kept (the oldest unlocked ones go first). Logged: user name,
 * address and count, never a password.
 */
class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);

  /** The settings, from {@code secondevie.security.login.*}. */
  record Settings(
      int maxFailures, Duration window, Duration lock, Duration maxLock, int maxTracked) {}

  private record Key(String username, String address) {}

  private static final class Entry {
    Instant windowStart;
    int failures;
    Instant lockedUntil;
    int locks;
  }

  private final Settings settings;
  private final Clock clock;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>();

  LoginThrottle(Settings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
  }

  /** How long the pair stays locked, or empty when it may try. */
  synchronized Optional<Duration> lockedFor(String username, String address) {
    Entry entry = entries.get(key(username, address));
    Instant now = clock.instant();
    if (entry == null || entry.lockedUntil == null || !now.isBefore(entry.lockedUntil)) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, entry.lockedUntil));
  }

  /** Counts a failure; returns the lock it caused, if any. */
  synchronized Optional<Duration> failed(String username, String address) {
    Key key = key(username, address);
    Instant now = clock.instant();
    Entry entry = entries.get(key);
    if (entry == null) {
      makeRoom(now);
      entry = new Entry();
      entries.put(key, entry);
    }
    if (entry.windowStart == null || !now.isBefore(entry.windowStart.plus(settings.window()))) {
      entry.windowStart = now;
      entry.failures = 0;
    }
    entry.failures++;
    if (entry.failures < settings.maxFailures()) {
      LOG.warn(
          "Failed login for user '{}' from {} ({} of {} allowed within {})",
          key.username(),
          key.address(),
          entry.failures,
          settings.maxFailures(),
          settings.window());
      return Optional.empty();
    }
    entry.locks++;
    Duration lock = lockDuration(entry.locks);
    entry.lockedUntil = now.plus(lock);
    entry.failures = 0;
    entry.windowStart = null;
    LOG.warn(
        "Login locked for user '{}' from {} for {} after {} failures (lock number {})",
        key.username(),
        key.address(),
        lock,
        settings.maxFailures(),
        entry.locks);
    return Optional.of(lock);
  }

  /** A success clears the pair's failures and locks. */
  synchronized void succeeded(String username, String address) {
    entries.remove(key(username, address));
  }

  synchronized int tracked() {
    return entries.size();
  }

  private Duration lockDuration(int locks) {
    Duration lock = settings.lock();
    for (int i = 1; i < locks && lock.compareTo(settings.maxLock()) < 0; i++) {
      lock = lock.multipliedBy(2);
    }
    return lock.compareTo(settings.maxLock()) > 0 ? settings.maxLock() : lock;
  }

  private void makeRoom(Instant now) {
    if (entries.size() < settings.maxTracked()) {
      return;
    }
    entries.values().removeIf(e -> !locked(e, now) && !inWindow(e, now));
    Iterator<Entry> oldest = entries.values().iterator();
    while (entries.size() >= settings.maxTracked() && oldest.hasNext()) {
      if (!locked(oldest.next(), now)) {
        oldest.remove();
      }
    }
    // only locked pairs left: the oldest lock goes
    Iterator<Map.Entry<Key, Entry>> any = entries.entrySet().iterator();
    while (entries.size() >= settings.maxTracked() && any.hasNext()) {
      any.next();
      any.remove();
    }
  }

  private boolean locked(Entry e, Instant now) {
    return e.lockedUntil != null && now.isBefore(e.lockedUntil);
  }

  private boolean inWindow(Entry e, Instant now) {
    return e.windowStart != null && now.isBefore(e.windowStart.plus(settings.window()));
  }

  private static Key key(String username, String address) {
    return new Key(loggable(username).toLowerCase(Locale.ROOT), address == null ? "?" : address);
  }

  /** A user name as typed by anyone: no control characters in the log, 64 characters at most. */
  static String loggable(String username) {
    if (username == null) {
      return "";
    }
    String cleaned = username.replaceAll("\\p{Cntrl}", "?");
    return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
  }
}
