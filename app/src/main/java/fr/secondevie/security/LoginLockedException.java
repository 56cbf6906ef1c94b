package fr.secondevie.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many failed logins for this user name from this address: refused until the lock ends. */
class LoginLockedException extends AuthenticationException {

  private final transient Duration retryAfter;

  LoginLockedException(Duration retryAfter) {
    super("Too many failed logins: locked for " + retryAfter);
    this.retryAfter = retryAfter;
  }

  /** Whole seconds, rounded up, at least 1. */
  long retryAfterSeconds() {
    long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds);
  }
}
