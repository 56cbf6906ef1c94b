package fr.secondevie.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * The users of the embedded mode: the accounts stored in MariaDB and, in demo mode only, one
 * demonstration user per role (kept in memory, never stored). A demo user name wins over an account
 * of the same name, which the administration page refuses to create in demo mode anyway.
 */
class LocalUsers implements UserDetailsService {

  /** Authority of an account whose password must be changed before anything else. */
  static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

  /** User name → role of the demonstration users, as documented in the README. */
  static final Map<String, Role> DEMO_USERS =
      Map.of(
          "technicien", Role.TECHNICIAN,
          "gestionnaire", Role.ASSET_MANAGER,
          "directeur", Role.DIRECTOR,
          "acheteur", Role.BUYER,
          "evaluateur", Role.EVALUATOR,
          "auditeur", Role.AUDITOR,
          "admin", Role.ADMIN);

  private final AccountRepository accounts;
  private final boolean demo;
  private final String demoPasswordHash;

  /**
   * @param demoPasswordHash the hash of the shared demo password, or null outside demo mode
   */
  LocalUsers(AccountRepository accounts, String demoPasswordHash) {
    this.accounts = accounts;
    this.demo = demoPasswordHash != null;
    this.demoPasswordHash = demoPasswordHash;
  }

  boolean isDemoUser(String username) {
    return demo && username != null && DEMO_USERS.containsKey(username.toLowerCase(Locale.ROOT));
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    if (isDemoUser(username)) {
      String name = username.toLowerCase(Locale.ROOT);
      return User.withUsername(name)
          .password(demoPasswordHash)
          .roles(DEMO_USERS.get(name).name())
          .build();
    }
    Account account =
        accounts
            .findByUsername(username)
            .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    List<GrantedAuthority> authorities = new ArrayList<>();
    account.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority(r.authority())));
    if (account.passwordChangeRequired()) {
      authorities.add(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED));
    }
    return new LocalUser(
        account.username(),
        account.passwordHash(),
        account.enabled(),
        authorities,
        account.displayName());
  }
}
