package fr.secondevie.support;

import java.sql.Statement;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Helpers on the shared test MariaDB (one per JVM, shared by every Spring context). */
public final class TestDatabase {

  private TestDatabase() {}

  /**
   * Empties the inventory tables and those that reference assets (the custody triggers need the
   * maintenance flag for that).
   */
  public static void clean(JdbcTemplate jdbc) {
    asMaintenance(
        jdbc,
        "DELETE FROM outcome_fact",
        "DELETE FROM campaign_asset",
        "DELETE FROM campaign",
        "DELETE FROM sanitization_certificate",
        "DELETE FROM media_destruction",
        "DELETE FROM wipe_report_drive",
        "DELETE FROM wipe_report",
        "DELETE FROM asset_inspection",
        "DELETE FROM custody_entry",
        "DELETE FROM asset_attribute",
        "DELETE FROM asset_storage_device",
        "DELETE FROM asset",
        "DELETE FROM import_row_error",
        "DELETE FROM import_run");
  }

  /**
   * Runs statements on one connection with {@code @custody_maintenance} set, as a database
   * administrator tampering with the custody table would.
   */
  public static void asMaintenance(JdbcTemplate jdbc, String... statements) {
    jdbc.execute(
        (ConnectionCallback<Void>)
            connection -> {
              try (Statement s = connection.createStatement()) {
                s.execute("SET @custody_maintenance = 1");
                for (String sql : statements) {
                  s.execute(sql);
                }
                s.execute("SET @custody_maintenance = NULL");
              }
              return null;
            });
  }
}
