package fr.secondevie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.embedded.EmbeddedMariaDb;
import fr.secondevie.support.TestDatabase;
import java.sql.DriverManager;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * In embedded mode the application's pool connects with an account that can read and write rows but
 * not change the schema: the chain of custody's append-only triggers, created by the owner account
 * that runs the migrations, cannot be dropped from the application's connections.
 */
@SpringBootTest
@AutoConfigureMockMvc // same configuration as the other tests: one shared context
class EmbeddedDatabaseAccountsTests {

  @Autowired DataSource dataSource;
  @Autowired EmbeddedMariaDb mariaDb;

  JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }

  @Test
  void shouldConnectTheApplicationWithTheApplicationAccountOnly() {
    // when
    String user = jdbc().queryForObject("SELECT CURRENT_USER()", String.class);
    List<String> grants = jdbc().queryForList("SHOW GRANTS", String.class);

    // then
    assertThat(user).isEqualTo("secondevie_app@127.0.0.1");
    assertThat(grants)
        .anyMatch(g -> g.startsWith("GRANT SELECT, INSERT, UPDATE, DELETE ON `secondevie`.*"));
    assertThat(String.join("\n", grants))
        .doesNotContain("ALL PRIVILEGES")
        .doesNotContain("TRIGGER")
        .doesNotContain("DROP")
        .doesNotContain("ALTER")
        .doesNotContain("CREATE");
  }

  @Test
  void shouldRefuseTheApplicationAccountToDropTheCustodyTriggers() {
    // when / then
    assertThatThrownBy(() -> jdbc().execute("DROP TRIGGER custody_entry_no_update"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("TRIGGER command denied");
    assertThatThrownBy(() -> jdbc().execute("DROP TRIGGER custody_entry_no_delete"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("TRIGGER command denied");
    // (the application's account does not even see them: the owner's does)
    JdbcTemplate owner =
        new JdbcTemplate(
            new SingleConnectionDataSource(
                mariaDb.jdbcUrl(),
                mariaDb.ownerAccount().username(),
                mariaDb.ownerAccount().password(),
                true));
    assertThat(
            owner.queryForList(
                "SELECT TRIGGER_NAME FROM information_schema.TRIGGERS"
                    + " WHERE EVENT_OBJECT_TABLE = 'custody_entry' ORDER BY TRIGGER_NAME",
                String.class))
        .containsExactly(
            // V136: every status change counted for the indicators' kept figures
            "custody_entry_indicators_ad",
            "custody_entry_indicators_ai",
            "custody_entry_indicators_au",
            "custody_entry_no_delete",
            "custody_entry_no_update");
    ((SingleConnectionDataSource) owner.getDataSource()).destroy();
  }

  @Test
  void shouldRefuseTheApplicationAccountToDropOrAlterTables() {
    assertThatThrownBy(() -> jdbc().execute("DROP TABLE custody_entry"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("DROP command denied");
    assertThatThrownBy(() -> jdbc().execute("TRUNCATE TABLE custody_entry"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("DROP command denied");
    assertThatThrownBy(() -> jdbc().execute("ALTER TABLE custody_entry DROP COLUMN hash"))
        .isInstanceOf(DataAccessException.class)
        .rootCause()
        .hasMessageContaining("ALTER command denied");
  }

  @Test
  void shouldRefuseTheApplicationAccountToUpdateACustodyRow() {
    // given an asset with its first custody entry
    String inventoryNumber = "ACCOUNTS-" + System.nanoTime();
    jdbc()
        .update(
            "INSERT INTO asset (inventory_number, category, status, created_at, updated_at)"
                + " VALUES (?, 'DESKTOP', 'IN_SERVICE', NOW(6), NOW(6))",
            inventoryNumber);
    Long assetId =
        jdbc()
            .queryForObject(
                "SELECT id FROM asset WHERE inventory_number = ?", Long.class, inventoryNumber);
    jdbc()
        .update(
            "INSERT INTO custody_entry (asset_id, seq, occurred_at, actor, action, previous_hash,"
                + " hash, hash_alg) VALUES (?, 1, NOW(6), 'test', 'IMPORTED', REPEAT('0', 64),"
                + " REPEAT('a', 64), 'SHA-256')",
            assetId);

    try {
      // when / then
      assertThatThrownBy(
              () ->
                  jdbc()
                      .update(
                          "UPDATE custody_entry SET actor = 'forger' WHERE asset_id = ?", assetId))
          .isInstanceOf(DataAccessException.class)
          .rootCause()
          .hasMessageContaining("custody_entry is append-only");
      assertThatThrownBy(
              () -> jdbc().update("DELETE FROM custody_entry WHERE asset_id = ?", assetId))
          .isInstanceOf(DataAccessException.class)
          .rootCause()
          .hasMessageContaining("custody_entry is append-only");
      assertThat(
              jdbc()
                  .queryForObject(
                      "SELECT actor FROM custody_entry WHERE asset_id = ?", String.class, assetId))
          .isEqualTo("test");
    } finally {
      TestDatabase.asMaintenance(
          jdbc(),
          "DELETE FROM custody_entry WHERE asset_id = " + assetId,
          "DELETE FROM asset WHERE id = " + assetId);
    }
  }

  @Test
  void shouldRefuseConnectionsWithoutPassword() {
    for (String user : List.of("root", "secondevie_app", "secondevie_owner", "")) {
      assertThatThrownBy(() -> DriverManager.getConnection(mariaDb.jdbcUrl(), user, ""))
          .as("user '%s' without password", user)
          .hasMessageContaining("Access denied");
    }
  }
}
