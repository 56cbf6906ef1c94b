package fr.secondevie.embedded;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passwords of the embedded MariaDB's accounts, generated at first start (strong random) and kept
 * in a properties file readable by its owner only (mode 600), outside the MariaDB data directory
 * but with the data ({@code ./data/mariadb-credentials.properties} by default).
 *
 * <ul>
 *   <li>{@code root}@{@code localhost}: the server's administrator (local socket only);
 *   <li>the <em>owner</em> account owns the schema and runs the Flyway migrations (tables, custody
 *       triggers);
 *   <li>the <em>application</em> account has only SELECT, INSERT, UPDATE and DELETE: it can neither
 *       drop nor alter a table, nor drop the custody triggers.
 * </ul>
 *
 * <p>Passwords are never logged; {@link Account#toString()} hides them.
 *
 * @param root password of {@code root@localhost}
 * @param owner the account that owns the schema
 * @param application the account of the application's connection pool
 */
public record MariaDbCredentials(String root, Account owner, Account application) {

  static final String OWNER_USER = "secondevie_owner";
  static final String APPLICATION_USER = "secondevie_app";

  private static final Logger LOG = LoggerFactory.getLogger(MariaDbCredentials.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final int PASSWORD_LENGTH = 32; // about 190 bits
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /**
   * A database account.
   *
   * @param username user name (host {@code 127.0.0.1})
   * @param password its password
   */
  public record Account(String username, String password) {
    @Override
    public String toString() {
      return "Account[username=" + username + ", password=(hidden)]";
    }
  }

  @Override
  public String toString() {
    return "MariaDbCredentials[owner=" + owner + ", application=" + application + "]";
  }

  static MariaDbCredentials generate() {
    return new MariaDbCredentials(
        password(), new Account(OWNER_USER, password()), new Account(APPLICATION_USER, password()));
  }

  static String password() {
    StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
    for (int i = 0; i < PASSWORD_LENGTH; i++) {
      password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return password.toString();
  }

  /** Whether the file exists (else it is generated at this start). */
  static boolean exist(Path file) {
    return Files.isRegularFile(file);
  }

  /** Reads the file, tightening its permissions to 600 if they were wider. */
  static MariaDbCredentials read(Path file) {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the MariaDB credentials file " + file, e);
    }
    tighten(file);
    return new MariaDbCredentials(
        required(properties, file, "root.password"),
        new Account(
            required(properties, file, "owner.username"),
            required(properties, file, "owner.password")),
        new Account(
            required(properties, file, "application.username"),
            required(properties, file, "application.password")));
  }

  private static String required(Properties properties, Path file, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "The MariaDB credentials file "
              + file
              + " has no '"
              + key
              + "'. Restore it from the backup taken with the data directory, or delete it: new"
              + " passwords are then generated and set at the next start.");
    }
    if (!value.matches("[A-Za-z0-9_]+")) {
      throw new IllegalStateException(
          "The MariaDB credentials file "
              + file
              + ": '"
              + key
              + "' may hold letters, digits and _"
              + " only.");
    }
    return value;
  }

  /** Writes the file atomically, readable and writable by its owner only. */
  void write(Path file) {
    Properties properties = new Properties();
    properties.setProperty("root.password", root);
    properties.setProperty("owner.username", owner.username());
    properties.setProperty("owner.password", owner.password());
    properties.setProperty("application.username", application.username());
    properties.setProperty("application.password", application.password());
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      Path tmp = dir.resolve(file.getFileName() + ".new");
      Files.deleteIfExists(tmp);
      if (posix()) {
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(tmp);
      }
      try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        properties.store(
            writer,
            " Seconde Vie: accounts of the embedded MariaDB, generated at first start."
                + " Keep with the data (back it up with data/), readable by its owner only.");
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the MariaDB credentials file " + file, e);
    }
  }

  private static void tighten(Path file) {
    if (!posix()) {
      return;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (!OWNER_ONLY.containsAll(permissions)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        LOG.warn("{} was readable by others: now readable by its owner only (600)", file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot set the permissions of " + file, e);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
