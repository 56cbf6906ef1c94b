package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded MariaDB runs with grant tables: every connection needs an account and its password,
 * the application's account cannot change the schema, and the server listens on loopback only. (The
 * throw-away test server runs exactly as an installed one does.)
 */
class EmbeddedMariaDbAccountsTests {

  static EmbeddedMariaDb db;

  @BeforeAll
  static void startTheTestServer() throws SQLException {
    db = EmbeddedMariaDb.obtain(new EmbeddedModeProperties.MariaDb(null, null, null, true, null));
    try (Connection owner = connect(db.ownerAccount());
        Statement s = owner.createStatement()) {
      s.execute("CREATE TABLE IF NOT EXISTS ledger (id INT PRIMARY KEY, note VARCHAR(20))");
      s.execute(
          "CREATE TRIGGER IF NOT EXISTS ledger_no_update BEFORE UPDATE ON ledger FOR EACH ROW"
              + " BEGIN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'ledger is append-only'; END");
      s.execute("INSERT IGNORE INTO ledger VALUES (1, 'first')");
    }
  }

  @AfterAll
  static void release() {
    db.release();
  }

  static Connection connect(MariaDbCredentials.Account account) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), account.username(), account.password());
  }

  @Test
  void shouldRefuseTheApplicationAccountToDropATriggerOrATable() throws SQLException {
    // given
    try (Connection app = connect(db.applicationAccount());
        Statement s = app.createStatement()) {

      // when / then
      assertThatThrownBy(() -> s.execute("DROP TRIGGER ledger_no_update"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("TRIGGER command denied");
      assertThatThrownBy(() -> s.execute("DROP TABLE ledger"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("DROP command denied");
      assertThatThrownBy(() -> s.execute("ALTER TABLE ledger ADD COLUMN forged INT"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("ALTER command denied");
      assertThatThrownBy(() -> s.execute("UPDATE ledger SET note = 'forged' WHERE id = 1"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("ledger is append-only");
    }
  }

  @Test
  void shouldLetTheApplicationAccountReadAndWriteRows() throws SQLException {
    // given
    try (Connection app = connect(db.applicationAccount());
        Statement s = app.createStatement()) {

      // when
      s.execute("INSERT INTO ledger VALUES (2, 'second') ON DUPLICATE KEY UPDATE id = id");
      s.execute("DELETE FROM ledger WHERE id = 2");

      // then
      try (var rs = s.executeQuery("SELECT note FROM ledger WHERE id = 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("first");
      }
    }
  }

  @Test
  void shouldRefuseConnectionsWithoutPasswordOrWithAWrongOne() {
    for (String user :
        new String[] {
          "root", "", MariaDbCredentials.OWNER_USER, MariaDbCredentials.APPLICATION_USER
        }) {
      assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), user, ""))
          .as("user '%s' without password", user)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Access denied");
      assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), user, "demo"))
          .as("user '%s' with a guessed password", user)
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("Access denied");
    }
  }

  @Test
  void shouldListenOnLoopbackOnly() throws Exception {
    // given
    Optional<InetAddress> external = nonLoopbackAddress();

    // when
    String bindAddress;
    try (Connection owner = connect(db.ownerAccount());
        Statement s = owner.createStatement();
        var rs = s.executeQuery("SELECT @@bind_address, @@skip_networking")) {
      rs.next();
      bindAddress = rs.getString(1);
    }

    // then
    assertThat(bindAddress).isEqualTo("127.0.0.1");
    try (Socket loopback = new Socket()) {
      loopback.connect(new InetSocketAddress("127.0.0.1", db.port()), 2000);
      assertThat(loopback.isConnected()).isTrue();
    }
    if (external.isPresent()) {
      try (Socket outside = new Socket()) {
        assertThatThrownBy(
                () -> outside.connect(new InetSocketAddress(external.get(), db.port()), 2000))
            .as("connection to %s:%d", external.get(), db.port())
            .isInstanceOf(java.io.IOException.class);
      }
    }
  }

  @Test
  void shouldKeepThePasswordsInAFileOnlyItsOwnerCanRead() throws Exception {
    // given
    var file = db.credentialsFile();

    // when
    MariaDbCredentials stored = MariaDbCredentials.read(file);

    // then
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(stored.application()).isEqualTo(db.applicationAccount());
    assertThat(stored.owner()).isEqualTo(db.ownerAccount());
    assertThat(stored.root()).hasSize(32);
    assertThat(stored.application().password()).isNotEqualTo(stored.owner().password());
    assertThat(stored.toString()).doesNotContain(stored.owner().password());
  }

  private static Optional<InetAddress> nonLoopbackAddress() throws Exception {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return Optional.of(address);
          }
        }
      }
    }
    return Optional.empty();
  }
}
