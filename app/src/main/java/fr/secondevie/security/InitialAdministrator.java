package fr.secondevie.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Embedded mode without demo: when no account holds the ADMIN role (first start), creates {@code
 * admin}. Its password is {@code secondevie.security.initial-admin-password} when set (automated
 * installs; never logged), otherwise generated and written once to a file readable by the
 * application's system user only ({@code secondevie.security.initial-admin-password-file}, next to
 * the MariaDB data by default), whose path the log gives; the administrator must change it at first
 * login, and the file is deleted then.
 */
@Component
@Order(0)
@ConditionalOnExpression(
    "'${secondevie.mode:embedded}' == 'embedded' and !${secondevie.demo.enabled:false}")
class InitialAdministrator implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(InitialAdministrator.class);

  private final AccountService accounts;
  private final String configuredPassword;
  private final Path passwordFile;

  InitialAdministrator(
      AccountService accounts,
      @Value("${secondevie.security.initial-admin-password:}") String configuredPassword,
      @Value("${secondevie.security.initial-admin-password-file}") Path passwordFile) {
    this.accounts = accounts;
    this.configuredPassword = configuredPassword;
    this.passwordFile = passwordFile.toAbsolutePath().normalize();
  }

  @Override
  public void run(ApplicationArguments args) {
    ensureAnAdministrator();
  }

  void ensureAnAdministrator() {
    accounts
        .createInitialAdministrator(configuredPassword, this::write)
        .ifPresentOrElse(
            created ->
                created
                    .generatedPassword()
                    .ifPresentOrElse(
                        password ->
                            LOG.warn(
                                "First start: administrator account 'admin' created. Its one-time"
                                    + " password is in {} (readable by this system user only); log"
                                    + " in at /login and choose a new password, the file is then"
                                    + " deleted.",
                                passwordFile),
                        () ->
                            LOG.warn(
                                "First start: administrator account 'admin' created with the"
                                    + " password of secondevie.security.initial-admin-password")),
            this::deleteFileOnceChanged);
  }

  /** The administrator chose a password: the generated one is of no use any more. */
  void passwordChanged(String username) {
    if ("admin".equals(username)) {
      delete();
    }
  }

  private void deleteFileOnceChanged() {
    accounts
        .findByUsername("admin")
        .filter(admin -> !admin.passwordChangeRequired())
        .ifPresent(admin -> delete());
  }

  private void delete() {
    try {
      if (Files.deleteIfExists(passwordFile)) {
        LOG.info("Deleted {}: the administrator has changed the initial password", passwordFile);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete {}: delete it by hand ({})", passwordFile, e.toString());
    }
  }

  private void write(String password) {
    byte[] content =
        ("Seconde Vie — mot de passe initial du compte « admin », à changer à la première"
                + " connexion :\n"
                + password
                + "\n")
            .getBytes(StandardCharsets.UTF_8);
    try {
      Files.createDirectories(passwordFile.getParent());
      Files.deleteIfExists(passwordFile);
      try {
        Files.createFile(
            passwordFile,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(passwordFile);
        LOG.warn("{} is not on a POSIX file system: restrict its access by hand", passwordFile);
      }
      Files.write(passwordFile, content, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new IllegalStateException("Could not create " + passwordFile + ": it exists", e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not write the initial administrator password to " + passwordFile, e);
    }
  }
}
