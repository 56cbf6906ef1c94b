package fr.secondevie.security;

import fr.secondevie.common.PersonName;
import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in local account: Spring Security's user with the name people read. */
final class LocalUser extends User implements PersonName {

  private static final long serialVersionUID = 1L;

  private final String displayName;

  LocalUser(
      String username,
      String password,
      boolean enabled,
      Collection<? extends GrantedAuthority> authorities,
      String displayName) {
    super(username, password, enabled, true, true, true, authorities);
    this.displayName = displayName;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  // equality stays the login's, as for Spring Security's user (sessions, concurrency control)
  @Override
  public boolean equals(Object other) {
    return super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
