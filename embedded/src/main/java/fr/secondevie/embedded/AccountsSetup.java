package fr.secondevie.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accounts and grants of the embedded MariaDB.
 *
 * <p>They are applied at every start by the server itself, from an {@code --init-file} run before
 * it accepts any connection (so a data directory of an earlier version, installed without grant
 * tables, is upgraded at its first start with no window without passwords): the anonymous accounts
 * of {@code mariadb-install-db} are removed, {@code root@localhost} gets its password, the owner
 * account gets every privilege on the application's schema (it runs the migrations), the
 * application account only SELECT, INSERT, UPDATE and DELETE. The file holds the passwords: it is
 * created readable by its owner only and deleted as soon as the server is up.
 */
final class AccountsSetup {

  private static final Logger LOG = LoggerFactory.getLogger(AccountsSetup.class);
  static final String HOST = "127.0.0.1";

  private AccountsSetup() {}

  /** The statements of the init file, one per line as the server's bootstrap reader wants. */
  static List<String> statements(MariaDbCredentials credentials, String database) {
    String owner = account(credentials.owner().username());
    String application = account(credentials.application().username());
    String schema = "`" + database + "`";
    List<String> sql = new ArrayList<>();
    // mariadb-install-db's anonymous accounts (''@localhost, ''@<host name>) let anyone in.
    sql.add("DELETE FROM mysql.global_priv WHERE User = '';");
    sql.add("DELETE FROM mysql.proxies_priv WHERE Host <> 'localhost';");
    // ... and their grants to everyone (PUBLIC) on the `test` and `test_%` schemas
    sql.add("DELETE FROM mysql.db WHERE Db IN ('test', 'test\\_%');");
    sql.add("FLUSH PRIVILEGES;");
    sql.add("DROP DATABASE IF EXISTS `test`;");
    sql.add("CREATE USER IF NOT EXISTS 'root'@'localhost';");
    sql.add(
        "ALTER USER 'root'@'localhost' IDENTIFIED BY '" + credentials.root() + "' ACCOUNT UNLOCK;");
    sql.add(
        "CREATE DATABASE IF NOT EXISTS "
            + schema
            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;");
    sql.add("CREATE USER IF NOT EXISTS " + owner + ";");
    sql.add("ALTER USER " + owner + " IDENTIFIED BY '" + credentials.owner().password() + "';");
    sql.add("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + owner + ";");
    sql.add("GRANT ALL PRIVILEGES ON " + schema + ".* TO " + owner + ";");
    sql.add("CREATE USER IF NOT EXISTS " + application + ";");
    sql.add(
        "ALTER USER "
            + application
            + " IDENTIFIED BY '"
            + credentials.application().password()
            + "';");
    sql.add("REVOKE ALL PRIVILEGES, GRANT OPTION FROM " + application + ";");
    sql.add("GRANT SELECT, INSERT, UPDATE, DELETE ON " + schema + ".* TO " + application + ";");
    return sql;
  }

  private static String account(String username) {
    if (!username.matches("[A-Za-z0-9_]{1,80}")) {
      throw new IllegalStateException("Unexpected MariaDB user name: " + username);
    }
    return "'" + username + "'@'" + HOST + "'";
  }

  /** Writes the init file (mode 600) in the temporary directory; the caller deletes it. */
  static Path writeInitFile(MariaDbCredentials credentials, String database) throws IOException {
    Path file =
        FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
            ? Files.createTempFile(
                "secondevie-mariadb-init-",
                ".sql",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile("secondevie-mariadb-init-", ".sql");
    file.toFile().deleteOnExit();
    Files.write(file, statements(credentials, database), StandardCharsets.UTF_8);
    return file;
  }

  /**
   * Re-creates, with the owner account as definer, the triggers of the schema defined by another
   * account. Data directories of earlier versions ran without grant tables: their triggers (the
   * custody triggers) have the empty definer {@code ''@''}, which does not exist once grant tables
   * are on, and every UPDATE or DELETE on their table would fail with "The user specified as a
   * definer does not exist". {@code CREATE OR REPLACE} replaces each one atomically.
   */
  static void repairTriggerDefiners(String jdbcUrl, MariaDbCredentials.Account owner) {
    String definer = owner.username() + "@" + HOST;
    try (Connection connection =
            DriverManager.getConnection(jdbcUrl, owner.username(), owner.password());
        Statement statement = connection.createStatement()) {
      record Trigger(
          String name,
          String timing,
          String event,
          String table,
          String body,
          String sqlMode,
          String definer) {}
      List<Trigger> toRepair = new ArrayList<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, EVENT_OBJECT_TABLE,"
                  + " ACTION_STATEMENT, SQL_MODE, DEFINER FROM information_schema.TRIGGERS"
                  + " WHERE TRIGGER_SCHEMA = DATABASE() ORDER BY EVENT_OBJECT_TABLE,"
                  + " ACTION_ORDER")) {
        while (rs.next()) {
          if (!definer.equals(rs.getString(7))) {
            toRepair.add(
                new Trigger(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7)));
          }
        }
      }
      for (Trigger trigger : toRepair) {
        statement.execute("SET SESSION sql_mode = '" + trigger.sqlMode().replace("'", "") + "'");
        statement.execute(
            "CREATE OR REPLACE DEFINER = CURRENT_USER TRIGGER `"
                + trigger.name()
                + "` "
                + trigger.timing()
                + " "
                + trigger.event()
                + " ON `"
                + trigger.table()
                + "` FOR EACH ROW "
                + trigger.body());
        LOG.warn(
            "Trigger {} on {} re-created with definer {} (was '{}': data directory of an earlier"
                + " version without grant tables)",
            trigger.name(),
            trigger.table(),
            definer,
            trigger.definer());
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "The embedded MariaDB started, but its owner account "
              + owner.username()
              + " cannot connect or repair the triggers: "
              + e.getMessage(),
          e);
    }
  }
}
