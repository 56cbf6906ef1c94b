package fr.secondevie.common;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The name people read for the signed-in user, one rule everywhere: the OIDC {@code name} claim
 * (else {@code preferred_username}) for single sign-on, the display name of a local account, else
 * the login.
 */
@NamedInterface("api")
public interface PersonName {

  /** The name of a principal that carries one (a local account with a display name). */
  String displayName();

  /** The name shown for {@code authentication}: never blank. */
  static String of(Authentication authentication) {
    Object principal = authentication.getPrincipal();
    String name = null;
    if (principal instanceof OidcUser oidc) {
      name = oidc.getFullName();
      if (name == null || name.isBlank()) {
        name = oidc.getPreferredUsername();
      }
    } else if (principal instanceof PersonName named) {
      name = named.displayName();
    }
    return name == null || name.isBlank() ? authentication.getName() : name.strip();
  }
}
