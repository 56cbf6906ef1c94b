package fr.secondevie.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How people log in, for the pages: demonstration users ({@code secondevie.demo.enabled=true}, set
 * by the {@code demo} profile), local accounts (embedded mode) or OpenID Connect only ({@code
 * camunda} profile). The demo mode is refused with the {@code camunda} profile: its users share a
 * public password, and a Camunda installation is a real one by definition.
 */
@Component("loginMode")
class LoginMode {

  static final String DEMO_PROPERTY = "secondevie.demo.enabled";

  private final boolean demo;
  private final boolean localAccounts;

  LoginMode(
      @Value("${" + DEMO_PROPERTY + ":false}") boolean demo,
      @Value("${secondevie.mode:embedded}") String mode) {
    if (demo && !"embedded".equals(mode)) {
      throw new IllegalStateException(
          "The demo mode ("
              + DEMO_PROPERTY
              + "=true, profile 'demo') is refused with secondevie.mode="
              + mode
              + ": its users share a public password. Start without the 'demo' profile (users"
              + " log in with OpenID Connect in Camunda mode).");
    }
    this.demo = demo;
    this.localAccounts = "embedded".equals(mode);
  }

  /** Demonstration users with a shared, public password: the pages show a banner. */
  public boolean demo() {
    return demo;
  }

  /** Users are stored by the application (embedded mode), hence may change their password. */
  public boolean localAccounts() {
    return localAccounts;
  }
}
