package fr.secondevie.security;

import fr.secondevie.security.AccountAudit.Action;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes local accounts; every change is journaled in {@link AccountAudit} in the same
 * transaction. Refusals come back as {@link Refused} with the French message of each field.
 */
class AccountService {

  /** Invalid input: field → French message. Nothing was changed. */
  static final class Refused extends RuntimeException {
    private final transient Map<String, String> errors;

    Refused(Map<String, String> errors) {
      super("Refused: " + errors.keySet());
      this.errors = Map.copyOf(errors);
    }

    Refused(String field, String message) {
      this(Map.of(field, message));
    }

    Map<String, String> errors() {
      return errors;
    }
  }

  /** An account and, when the application chose it, its password (shown once, never stored). */
  record Outcome(Account account, Optional<String> generatedPassword) {}

  private final AccountRepository accounts;
  private final AccountAudit audit;
  private final PasswordEncoder encoder;
  private final VerifiedPasswords verified;
  private final LocalUsers users;
  private final Clock clock;

  AccountService(
      AccountRepository accounts,
      AccountAudit audit,
      PasswordEncoder encoder,
      VerifiedPasswords verified,
      LocalUsers users,
      Clock clock) {
    this.accounts = accounts;
    this.audit = audit;
    this.encoder = encoder;
    this.verified = verified;
    this.users = users;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  List<Account> all() {
    return accounts.findAllOrdered();
  }

  @Transactional(readOnly = true)
  Optional<Account> find(long id) {
    return accounts.findById(id);
  }

  @Transactional(readOnly = true)
  Optional<Account> findByUsername(String username) {
    return accounts.findByUsername(username);
  }

  @Transactional(readOnly = true)
  List<AccountAudit.Entry> journal() {
    return audit.latest(100);
  }

  /**
   * A new account; with a null or blank password the application generates one and the user must
   * change it at first login (a typed one too: the administrator knows it).
   */
  @Transactional
  Outcome create(String actor, String username, Collection<Role> roles, String typedPassword) {
    return create(actor, username, null, roles, typedPassword);
  }

  /** The same with the name people read ({@code displayName}, optional). */
  @Transactional
  Outcome create(
      String actor,
      String username,
      String displayName,
      Collection<Role> roles,
      String typedPassword) {
    String name = username == null ? "" : username.strip();
    Map<String, String> errors = new LinkedHashMap<>();
    Passwords.usernameProblem(name).ifPresent(m -> errors.put("username", m));
    Passwords.displayNameProblem(displayName).ifPresent(m -> errors.put("displayName", m));
    if (!errors.containsKey("username")) {
      if (users.isDemoUser(name)) {
        errors.put("username", "Cet identifiant est celui d'un utilisateur de démonstration.");
      } else if (accounts.findByUsername(name).isPresent()) {
        errors.put("username", "Un compte porte déjà cet identifiant.");
      }
    }
    if (roles == null || roles.isEmpty()) {
      errors.put("roles", "Choisissez au moins un rôle.");
    }
    boolean generated = typedPassword == null || typedPassword.isEmpty();
    String password = generated ? Passwords.generate() : typedPassword;
    if (!generated) {
      Passwords.problem(password, name).ifPresent(m -> errors.put("password", m));
    }
    if (!errors.isEmpty()) {
      throw new Refused(errors);
    }
    Instant now = clock.instant();
    Account created = Account.create(name, encoder.encode(password), roles, true, now);
    created.rename(blankToNull(displayName), now);
    Account account = accounts.save(created);
    audit.record(
        now,
        actor,
        name,
        Action.CREATED,
        "Rôles : "
            + labels(account.roles())
            + (account.displayName() == null ? "" : " ; nom affiché : " + account.displayName()));
    return new Outcome(account, generated ? Optional.of(password) : Optional.empty());
  }

  /**
   * The first administrator, {@code admin}, when no account holds the role yet. A generated
   * password goes to {@code deliver} before the transaction commits: if it cannot be delivered, no
   * account.
   */
  @Transactional
  Optional<Outcome> createInitialAdministrator(
      String configuredPassword, java.util.function.Consumer<String> deliver) {
    if (accounts.countWithRole(Role.ADMIN.name(), false) > 0) {
      return Optional.empty();
    }
    if (accounts.findByUsername("admin").isPresent()) {
      throw new IllegalStateException(
          "No account holds the ADMIN role and the user name 'admin' is taken: give the role to an"
              + " account in table account_role, then restart");
    }
    boolean generated = configuredPassword == null || configuredPassword.isEmpty();
    String password = generated ? Passwords.generate() : configuredPassword;
    if (!generated) {
      Passwords.problem(password, "admin")
          .ifPresent(
              m -> {
                throw new IllegalStateException(
                    "secondevie.security.initial-admin-password is refused (value not shown): "
                        + m);
              });
    }
    Instant now = clock.instant();
    Account admin =
        accounts.save(
            Account.create("admin", encoder.encode(password), Set.of(Role.ADMIN), generated, now));
    audit.record(
        now,
        "application",
        "admin",
        Action.INITIAL_ADMIN_CREATED,
        generated
            ? "Mot de passe généré, à changer à la première connexion"
            : "Mot de passe configuré");
    if (generated) {
      deliver.accept(password);
    }
    return Optional.of(new Outcome(admin, generated ? Optional.of(password) : Optional.empty()));
  }

  @Transactional
  Account changeRoles(String actor, long id, Collection<Role> roles) {
    Account account = existing(id);
    if (roles == null || roles.isEmpty()) {
      throw new Refused("roles", "Choisissez au moins un rôle.");
    }
    if (account.has(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
      keepAnAdministrator(account, "roles");
    }
    String before = labels(account.roles());
    account.changeRoles(roles, clock.instant());
    accounts.save(account);
    audit.record(
        clock.instant(),
        actor,
        account.username(),
        Action.ROLES_CHANGED,
        before + " → " + labels(account.roles()));
    verified.forget(account.username());
    return account;
  }

  /** The name people read for the account; blank removes it (the login is then shown). */
  @Transactional
  Account rename(String actor, long id, String displayName) {
    Account account = existing(id);
    Passwords.displayNameProblem(displayName)
        .ifPresent(
            m -> {
              throw new Refused("displayName", m);
            });
    String before = account.displayName();
    String after = blankToNull(displayName);
    if (java.util.Objects.equals(before, after)) {
      return account;
    }
    account.rename(after, clock.instant());
    accounts.save(account);
    audit.record(
        clock.instant(),
        actor,
        account.username(),
        Action.RENAMED,
        (before == null ? "(identifiant)" : before)
            + " → "
            + (after == null ? "(identifiant)" : after));
    return account;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  @Transactional
  Account enable(String actor, long id, boolean enabled) {
    Account account = existing(id);
    if (account.enabled() == enabled) {
      return account;
    }
    if (!enabled && account.has(Role.ADMIN)) {
      keepAnAdministrator(account, "enabled");
    }
    account.enable(enabled, clock.instant());
    accounts.save(account);
    audit.record(
        clock.instant(),
        actor,
        account.username(),
        enabled ? Action.ENABLED : Action.DISABLED,
        null);
    verified.forget(account.username());
    return account;
  }

  /** A new password set by an administrator: the user must change it at next login. */
  @Transactional
  Outcome resetPassword(String actor, long id, String typedPassword) {
    Account account = existing(id);
    boolean generated = typedPassword == null || typedPassword.isEmpty();
    String password = generated ? Passwords.generate() : typedPassword;
    if (!generated) {
      Passwords.problem(password, account.username())
          .ifPresent(
              m -> {
                throw new Refused("password", m);
              });
    }
    account.changePassword(encoder.encode(password), true, clock.instant());
    accounts.save(account);
    audit.record(
        clock.instant(),
        actor,
        account.username(),
        Action.PASSWORD_RESET,
        generated ? "Mot de passe généré" : "Mot de passe saisi par l'administrateur");
    verified.forget(account.username());
    return new Outcome(account, generated ? Optional.of(password) : Optional.empty());
  }

  /** The user's own change: the current password is checked again. */
  @Transactional
  void changeOwnPassword(String username, String current, String next, String confirmation) {
    Account account =
        accounts
            .findByUsername(username)
            .orElseThrow(
                () ->
                    new Refused(
                        "currentPassword",
                        "Ce compte n'a pas de mot de passe modifiable ici (compte de"
                            + " démonstration ou d'un fournisseur d'identité)."));
    Map<String, String> errors = new LinkedHashMap<>();
    if (current == null
        || Passwords.tooLongForBcrypt(current)
        || !encoder.matches(current, account.passwordHash())) {
      errors.put("currentPassword", "Le mot de passe actuel est incorrect.");
    }
    Passwords.problem(next, account.username()).ifPresent(m -> errors.put("newPassword", m));
    if (!errors.containsKey("newPassword") && next.equals(current)) {
      errors.put("newPassword", "Le nouveau mot de passe doit différer de l'actuel.");
    }
    if (!errors.containsKey("newPassword") && !next.equals(confirmation)) {
      errors.put("confirmation", "La confirmation ne correspond pas au nouveau mot de passe.");
    }
    if (!errors.isEmpty()) {
      throw new Refused(errors);
    }
    account.changePassword(encoder.encode(next), false, clock.instant());
    accounts.save(account);
    audit.record(clock.instant(), username, username, Action.PASSWORD_CHANGED, null);
    verified.forget(username);
  }

  private Account existing(long id) {
    return accounts.findById(id).orElseThrow(() -> new NoSuchAccount(id));
  }

  private void keepAnAdministrator(Account account, String field) {
    if (account.enabled() && accounts.countWithRole(Role.ADMIN.name(), true) <= 1) {
      throw new Refused(
          field, "C'est le dernier administrateur actif : nommez d'abord un autre administrateur.");
    }
  }

  static String labels(Set<Role> roles) {
    return roles.isEmpty()
        ? "aucun"
        : roles.stream().map(Role::label).collect(Collectors.joining(", "));
  }

  /** No account with this id. */
  static final class NoSuchAccount extends RuntimeException {
    NoSuchAccount(long id) {
      super("No account " + id);
    }
  }
}
