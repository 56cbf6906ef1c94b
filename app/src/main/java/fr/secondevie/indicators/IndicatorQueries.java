package fr.secondevie.indicators;

import fr.secondevie.indicators.AssetHistory.StatusChange;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import java.sql.Date;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the reuse rates are computed from, with SQL: outcome facts (this module), status
 * history (inventory: {@code custody_entry}, {@code asset}), donations and beneficiaries (donation:
 * {@code donation}, {@code donation_beneficiary}); and the key of the recorded data the kept
 * figures depend on ({@link ReuseRateCache}). The other indicators' reads: {@link SpendQueries},
 * {@link VolumeQueries}.
 */
@Component
@Transactional(readOnly = true)
class IndicatorQueries {

  private static final String RETIRED_STATUSES =
      ReuseRateCalculator.RETIRED.stream()
          .map(s -> "'" + s.name() + "'")
          .collect(java.util.stream.Collectors.joining(","));

  private final JdbcClient jdbc;

  IndicatorQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Assets ever retired or with an outcome fact, as a derived table {@code r(asset_id)}: read once
   * (the status index {@code custody_entry_status_idx} covers the first half) and joined, rather
   * than two {@code IN} subqueries joined by {@code OR} that MariaDB evaluates for every custody
   * row.
   */
  private static final String RETIRED_OR_WITH_FACT =
      "(SELECT asset_id FROM custody_entry WHERE to_status IN ("
          + RETIRED_STATUSES
          + ") UNION SELECT asset_id FROM outcome_fact) r";

  /**
   * Status histories of every asset ever retired, and of every asset with an outcome fact: enough
   * for the reuse rate of any year. Two reads: the assets, then their status changes (the asset's
   * columns are not repeated on each change).
   */
  List<AssetHistory> histories() {
    Map<Long, AssetHistory> byId = new LinkedHashMap<>();
    Map<Long, List<StatusChange>> changes = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT a.id, a.inventory_number, a.category, a.acquisition_date FROM asset a JOIN "
                + RETIRED_OR_WITH_FACT
                + " ON r.asset_id = a.id ORDER BY a.id")
        .query(
            (ResultSet rs) -> {
              long id = rs.getLong("id");
              Date acquired = rs.getDate("acquisition_date");
              byId.put(
                  id,
                  new AssetHistory(
                      id,
                      rs.getString("inventory_number"),
                      AssetCategory.valueOf(rs.getString("category")),
                      acquired == null ? null : acquired.toLocalDate(),
                      List.of()));
              changes.put(id, new ArrayList<>());
            });
    jdbc.sql(
            "SELECT c.asset_id, c.occurred_at, c.from_status, c.to_status FROM custody_entry c"
                + " JOIN "
                + RETIRED_OR_WITH_FACT
                + " ON r.asset_id = c.asset_id WHERE c.to_status IS NOT NULL"
                + " ORDER BY c.asset_id, c.seq")
        .query(
            (ResultSet rs) -> {
              List<StatusChange> list = changes.get(rs.getLong("asset_id"));
              if (list == null) {
                return; // retired after the first read: left for the next computation
              }
              String from = rs.getString("from_status");
              list.add(
                  new StatusChange(
                      rs.getTimestamp("occurred_at").toInstant(),
                      from == null ? null : AssetStatus.valueOf(from),
                      AssetStatus.valueOf(rs.getString("to_status"))));
            });
    List<AssetHistory> result = new ArrayList<>();
    byId.values()
        .forEach(
            h ->
                result.add(
                    new AssetHistory(
                        h.assetId(),
                        h.inventoryNumber(),
                        h.category(),
                        h.acquisitionDate(),
                        changes.get(h.assetId()))));
    return result;
  }

  /** Assets with a fact but no custody entry with a status (should not happen; kept safe). */
  List<AssetHistory> historiesFromFacts() {
    return jdbc.sql(
            "SELECT DISTINCT f.asset_id, f.inventory_number, f.category, f.acquisition_date"
                + " FROM outcome_fact f")
        .query(
            (rs, i) -> {
              Date acquired = rs.getDate("acquisition_date");
              return new AssetHistory(
                  rs.getLong("asset_id"),
                  rs.getString("inventory_number"),
                  AssetCategory.valueOf(rs.getString("category")),
                  acquired == null ? null : acquired.toLocalDate(),
                  List.of());
            })
        .list();
  }

  /**
   * Every outcome fact, with for donations whether the beneficiary of the handed-over donation had
   * signed its reuse commitment on or before the handover.
   */
  List<ReuseOutcome> outcomes() {
    return jdbc.sql(
            // one join and a grouping rather than a subquery per fact; null when the asset has
            // no handed-over donation, as the subquery over no row gave
            "SELECT f.asset_id, f.outcome, f.outcome_date, f.age_years,"
                + " MAX(CASE WHEN d.id IS NULL THEN NULL WHEN b.reuse_commitment_signed_on IS NOT"
                + " NULL AND b.reuse_commitment_signed_on <= COALESCE(d.handed_over_on,"
                + " f.outcome_date) THEN 1 ELSE 0 END) AS committed"
                + " FROM outcome_fact f LEFT JOIN donation d ON d.asset_id = f.asset_id"
                + " AND d.status = 'HANDED_OVER' LEFT JOIN donation_beneficiary b"
                + " ON b.id = d.beneficiary_id"
                + " GROUP BY f.id, f.asset_id, f.outcome, f.outcome_date, f.age_years"
                + " ORDER BY f.outcome_date, f.id")
        .query(
            (rs, i) -> {
              int committed = rs.getInt("committed");
              Boolean commitment = rs.wasNull() ? null : committed == 1;
              return new ReuseOutcome(
                  rs.getLong("asset_id"),
                  rs.getString("outcome"),
                  rs.getDate("outcome_date").toLocalDate(),
                  commitment,
                  rs.getBigDecimal("age_years"));
            })
        .list();
  }

  /**
   * Where the writes to what the reuse rates are computed from stand (V136): the database's epoch,
   * the number of committed changes and the highest change id, read in one statement.
   *
   * @param pending change rows not yet folded into the count
   */
  record SourceKey(String epoch, long changes, long lastId, long pending) {

    boolean sameSources(SourceKey other) {
      return epoch.equals(other.epoch) && changes == other.changes && lastId == other.lastId;
    }
  }

  SourceKey sourceKey() {
    return jdbc.sql(
            "SELECT c.epoch, c.compacted, c.last_id, p.n, p.last FROM indicator_source_count c"
                + " CROSS JOIN (SELECT COUNT(*) AS n, COALESCE(MAX(id), 0) AS last"
                + " FROM indicator_source_change) p WHERE c.id = 1")
        .query(
            (rs, i) ->
                new SourceKey(
                    rs.getString("epoch"),
                    rs.getLong("compacted") + rs.getLong("n"),
                    Math.max(rs.getLong("last_id"), rs.getLong("last")),
                    rs.getLong("n")))
        .single();
  }

  /**
   * Folds the change rows into the count, in a transaction of its own: the key read by {@link
   * #sourceKey()} stays the same.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  void compactSourceChanges() {
    jdbc.sql("SELECT compacted FROM indicator_source_count WHERE id = 1 FOR UPDATE")
        .query(Long.class)
        .single();
    long last =
        jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM indicator_source_change")
            .query(Long.class)
            .single();
    if (last == 0) {
      return;
    }
    int folded =
        jdbc.sql("DELETE FROM indicator_source_change WHERE id <= :last")
            .param("last", last)
            .update();
    jdbc.sql(
            "UPDATE indicator_source_count SET compacted = compacted + :folded,"
                + " last_id = GREATEST(last_id, :last) WHERE id = 1")
        .param("folded", folded)
        .param("last", last)
        .update();
  }

  /** Years that have an outcome fact, a spend line or a retirement, oldest first. */
  List<Integer> yearsWithData() {
    return jdbc.sql(
            "SELECT DISTINCT y FROM (SELECT outcome_year AS y FROM outcome_fact"
                + " UNION SELECT spend_year FROM spend_ledger_line) t ORDER BY y")
        .query(Integer.class)
        .list();
  }
}
