package fr.secondevie.security;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A local user of the embedded mode: a name, a password hash, roles, enabled or not. */
@Table("account")
class Account {

  @Id private Long id;
  @Version private Integer version;
  private String username;
  private String passwordHash;
  private String displayName;
  private boolean enabled;
  private boolean passwordChangeRequired;
  private Instant createdAt;
  private Instant updatedAt;

  @MappedCollection(idColumn = "account_id")
  private Set<AccountRole> roles = new LinkedHashSet<>();

  /** For Spring Data. */
  Account() {}

  static Account create(
      String username,
      String passwordHash,
      Collection<Role> roles,
      boolean passwordChangeRequired,
      Instant now) {
    Account account = new Account();
    account.username = username;
    account.passwordHash = passwordHash;
    account.enabled = true;
    account.passwordChangeRequired = passwordChangeRequired;
    account.createdAt = now;
    account.updatedAt = now;
    account.changeRoles(roles, now);
    return account;
  }

  void changeRoles(Collection<Role> newRoles, Instant now) {
    roles =
        newRoles.stream()
            .sorted()
            .map(AccountRole::new)
            .collect(Collectors.toCollection(LinkedHashSet::new));
    updatedAt = now;
  }

  void changePassword(String newHash, boolean changeRequired, Instant now) {
    passwordHash = newHash;
    passwordChangeRequired = changeRequired;
    updatedAt = now;
  }

  void rename(String newDisplayName, Instant now) {
    displayName = newDisplayName;
    updatedAt = now;
  }

  /** The name people read, or null when none was given (the login is then shown). */
  public String displayName() {
    return displayName;
  }

  void enable(boolean value, Instant now) {
    enabled = value;
    updatedAt = now;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  String passwordHash() {
    return passwordHash;
  }

  public boolean enabled() {
    return enabled;
  }

  public boolean passwordChangeRequired() {
    return passwordChangeRequired;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public Set<Role> roles() {
    Set<Role> result = EnumSet.noneOf(Role.class);
    roles.forEach(r -> result.add(r.role()));
    return result;
  }

  public boolean has(Role role) {
    return roles().contains(role);
  }
}
