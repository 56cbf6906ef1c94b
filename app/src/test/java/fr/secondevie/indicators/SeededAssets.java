package fr.secondevie.indicators;

import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.support.TestDatabase;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes assets with a dated status history (a valid custody chain) and their outcome facts
 * straight into the database, as years of use of the application would have left them.
 */
final class SeededAssets {

  private final JdbcTemplate jdbc;

  SeededAssets(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  static void clean(JdbcTemplate jdbc) {
    jdbc.update("DELETE FROM avoided_emission_entry");
    jdbc.update("DELETE FROM spend_ledger_line");
    jdbc.update("DELETE FROM spend_ledger_import");
    jdbc.update("DELETE FROM declared_result");
    TestDatabase.clean(jdbc);
  }

  Builder asset(String number, AssetCategory category) {
    return new Builder(number, category);
  }

  final class Builder {
    private final String number;
    private final AssetCategory category;
    private LocalDate acquired = LocalDate.of(2020, 1, 6);
    private final List<Object[]> changes = new ArrayList<>();
    private AssetStatus current;

    private Builder(String number, AssetCategory category) {
      this.number = number;
      this.category = category;
      changes.add(
          new Object[] {Instant.parse("2020-01-10T09:00:00Z"), null, AssetStatus.IN_SERVICE});
      current = AssetStatus.IN_SERVICE;
    }

    Builder then(String at, AssetStatus to) {
      changes.add(new Object[] {Instant.parse(at), current, to});
      current = to;
      return this;
    }

    Builder retiredOn(String day) {
      return then(day + "T10:00:00Z", AssetStatus.DECOMMISSIONING)
          .then(day + "T11:00:00Z", AssetStatus.SANITIZING)
          .then(day + "T12:00:00Z", AssetStatus.SANITIZED);
    }

    /** Inserts the asset and its chain; returns its id. */
    long save() {
      Instant now = Instant.parse("2020-01-10T09:00:00Z");
      jdbc.update(
          "INSERT INTO asset (inventory_number, serial_number, category, manufacturer, model,"
              + " site, acquisition_date, acquisition_cost_cents, status, created_at, updated_at)"
              + " VALUES (?, ?, ?, 'Dell', 'OptiPlex 7060', 'Hôpital Charles-Nicolle', ?, 71240,"
              + " ?, ?, ?)",
          number,
          "SN-" + number,
          category.name(),
          acquired,
          current.name(),
          Timestamp.from(now),
          Timestamp.from(now));
      long id =
          jdbc.queryForObject(
              "SELECT id FROM asset WHERE inventory_number = ?", Long.class, number);
      String previous = CustodyEntry.GENESIS;
      int seq = 0;
      for (Object[] c : changes) {
        seq++;
        CustodyEntry e =
            CustodyEntry.seal(
                id,
                seq,
                (Instant) c[0],
                "gestionnaire",
                seq == 1 ? CustodyAction.REGISTERED : CustodyAction.STATUS_CHANGED,
                (AssetStatus) c[1],
                (AssetStatus) c[2],
                null,
                null,
                null,
                previous);
        jdbc.update(
            "INSERT INTO custody_entry (asset_id, seq, occurred_at, actor, action, from_status,"
                + " to_status, previous_hash, hash, hash_alg) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)",
            id,
            seq,
            Timestamp.from(e.occurredAt()),
            e.actor(),
            e.action().name(),
            e.fromStatus() == null ? null : e.fromStatus().name(),
            e.toStatus().name(),
            e.previousHash(),
            e.hash(),
            e.hashAlg());
        previous = e.hash();
      }
      jdbc.update(
          "UPDATE asset SET custody_length = ?, custody_head_hash = ? WHERE id = ?",
          seq,
          previous,
          id);
      return id;
    }
  }

  /** An outcome fact of an asset, dated {@code date}. */
  void fact(long assetId, String outcome, String date, BigDecimal weightKg) {
    LocalDate day = LocalDate.parse(date);
    jdbc.update(
        "INSERT INTO outcome_fact (asset_id, inventory_number, category, site,"
            + " process_instance_key, outcome, route, reuse_oriented, outcome_date, outcome_year,"
            + " acquisition_date, age_years, weight_kg, operation_id, recorded_at)"
            + " SELECT id, inventory_number, category, site, 1, ?, ?, ?, ?, ?, acquisition_date,"
            + " 5.0, ?, ?, ? FROM asset WHERE id = ?",
        outcome,
        outcome,
        OutcomeService.REUSE_ORIENTED.contains(outcome),
        day,
        day.getYear(),
        weightKg,
        "seed:" + assetId + ":" + outcome + ":" + date,
        Timestamp.valueOf(day.atStartOfDay()),
        assetId);
  }
}
