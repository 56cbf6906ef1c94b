package fr.secondevie.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * One demo user per role, in embedded mode only (never with the {@code camunda} profile, which sets
 * {@code secondevie.mode=camunda}). All share the password {@code
 * secondevie.security.demo-password} ({@code demo} by default).
 */
@Configuration
@ConditionalOnProperty(
    prefix = "secondevie",
    name = "mode",
    havingValue = "embedded",
    matchIfMissing = true)
class DemoUsers {

  /** User name → role, as documented in the README. */
  static final Map<String, Role> USERS =
      Map.of(
          "technicien", Role.TECHNICIAN,
          "gestionnaire", Role.ASSET_MANAGER,
          "directeur", Role.DIRECTOR,
          "acheteur", Role.BUYER,
          "evaluateur", Role.EVALUATOR,
          "auditeur", Role.AUDITOR,
          "admin", Role.ADMIN);

  /**
   * BCrypt at cost 4 rather than 10: the demo users share a documented password, and every {@code
   * /api} call (HTTP Basic, stateless) checks it again — at cost 10 that check was 60 ms of CPU per
   * request and the largest share of the 1,200-asset campaign benchmark. Camunda mode has no
   * passwords (OpenID Connect).
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(4)));
  }

  @Bean
  InMemoryUserDetailsManager demoUserDetails(
      PasswordEncoder encoder,
      @Value("${secondevie.security.demo-password:demo}") String password) {
    String encoded = encoder.encode(password);
    List<UserDetails> users = new ArrayList<>();
    USERS.forEach(
        (name, role) ->
            users.add(
                User.withUsername(name.toLowerCase(Locale.ROOT))
                    .password(encoded)
                    .roles(role.name())
                    .build()));
    return new InMemoryUserDetailsManager(users);
  }
}
