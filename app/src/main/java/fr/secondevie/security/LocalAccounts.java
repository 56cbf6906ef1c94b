package fr.secondevie.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Embedded mode: users log in with a user name and password, checked by {@link LocalAuthentication}
 * against the accounts in MariaDB (and the demonstration users in demo mode only). Camunda mode has
 * none of this (OpenID Connect).
 */
@Configuration
@ConditionalOnProperty(
    prefix = "secondevie",
    name = "mode",
    havingValue = "embedded",
    matchIfMissing = true)
class LocalAccounts {

  /**
   * BCrypt at cost 12 (about 250 ms of one core per check here): {@code /api} clients do not pay it
   * per request thanks to {@link VerifiedPasswords}.
   */
  @Bean
  PasswordEncoder passwordEncoder(@Value("${secondevie.security.bcrypt-cost:12}") int cost) {
    if (cost < 12) {
      throw new IllegalStateException(
          "secondevie.security.bcrypt-cost=" + cost + " is too weak: 12 at least");
    }
    return new DelegatingPasswordEncoder(
        "bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(cost)));
  }

  /**
   * The demo users keep BCrypt cost 4: their password is public anyway, and the test suite and demo
   * runs log them in thousands of times.
   */
  @Bean
  LocalUsers localUsers(
      AccountRepository accounts,
      LoginMode mode,
      @Value("${secondevie.security.demo-password:demo}") String demoPassword) {
    String demoHash =
        mode.demo() ? "{bcrypt}" + new BCryptPasswordEncoder(4).encode(demoPassword) : null;
    return new LocalUsers(accounts, demoHash);
  }

  @Bean
  LoginThrottle loginThrottle(
      Clock clock,
      @Value("${secondevie.security.login.max-failures:5}") int maxFailures,
      @Value("${secondevie.security.login.window:PT15M}") Duration window,
      @Value("${secondevie.security.login.lock:PT15M}") Duration lock,
      @Value("${secondevie.security.login.max-lock:PT24H}") Duration maxLock,
      @Value("${secondevie.security.login.max-tracked:10000}") int maxTracked) {
    return new LoginThrottle(
        new LoginThrottle.Settings(maxFailures, window, lock, maxLock, maxTracked), clock);
  }

  @Bean
  VerifiedPasswords verifiedPasswords(
      Clock clock,
      @Value("${secondevie.security.verified-passwords.ttl:PT5M}") Duration ttl,
      @Value("${secondevie.security.verified-passwords.capacity:1000}") int capacity) {
    return new VerifiedPasswords(clock, ttl, capacity);
  }

  @Bean
  LocalAuthentication localAuthentication(
      LocalUsers users,
      PasswordEncoder encoder,
      LoginThrottle throttle,
      VerifiedPasswords verified) {
    return new LocalAuthentication(users, encoder, throttle, verified);
  }

  @Bean
  AccountService accountService(
      AccountRepository accounts,
      AccountAudit audit,
      PasswordEncoder encoder,
      VerifiedPasswords verified,
      LocalUsers users,
      Clock clock) {
    return new AccountService(accounts, audit, encoder, verified, users, clock);
  }

  @Bean
  LoginResponses loginResponses(com.fasterxml.jackson.databind.ObjectMapper json) {
    return new LoginResponses(json);
  }
}
