package fr.secondevie.indicators;

import fr.secondevie.donation.LegalCategory;
import fr.secondevie.indicators.AssetHistory.StatusChange;
import fr.secondevie.indicators.YearFigures.Count;
import fr.secondevie.indicators.YearFigures.Donations;
import fr.secondevie.indicators.YearFigures.Lot;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads what the indicators are computed from, with SQL: outcome facts and the avoided emissions
 * ledger (this module), status history (inventory: {@code custody_entry}, {@code asset}), donations
 * and beneficiaries (donation: {@code donation}, {@code donation_beneficiary}), dismantling lots
 * and adapted companies (recycling: {@code dismantling_lot}, {@code dismantling_lot_asset}, {@code
 * adapted_company}), suppliers (suppliers: {@code supplier}).
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

  /**
   * Leaves out an imported accounting line whose reference is the reference of a purchase order
   * received in the application: the order's own line counts that purchase.
   */
  static final String NOT_COUNTED_TWICE =
      "NOT (import_id IS NOT NULL AND reference IN (SELECT o.order_reference FROM"
          + " spend_ledger_line o WHERE o.order_reference IS NOT NULL))";

  /** Spend ledger totals of a year, in cents: [total, reused or reconditioned]. */
  PurchaseShare purchaseShare(int year) {
    return jdbc.sql(
            "SELECT COALESCE(SUM(amount_cents), 0) AS total, COALESCE(SUM(CASE WHEN nature IN"
                + " ('RECONDITIONNE', 'REEMPLOI') THEN amount_cents ELSE 0 END), 0) AS reused"
                + " FROM spend_ledger_line WHERE spend_year = :year AND "
                + NOT_COUNTED_TWICE)
        .param("year", year)
        .query((rs, i) -> PurchaseShare.of(year, rs.getLong("total"), rs.getLong("reused")))
        .single();
  }

  /** The spend lines of a year (for the drill-down and the CSV). */
  List<SpendLedgerCsv.Line> spendLines(int year) {
    return jdbc.sql(
            "SELECT * FROM spend_ledger_line WHERE spend_year = :year AND "
                + NOT_COUNTED_TWICE
                + " ORDER BY spend_date, id")
        .param("year", year)
        .query(
            (rs, i) ->
                new SpendLedgerCsv.Line(
                    rs.getInt("line_number"),
                    rs.getDate("spend_date").toLocalDate(),
                    rs.getString("reference"),
                    rs.getString("supplier"),
                    rs.getString("label"),
                    rs.getLong("amount_cents"),
                    SpendNature.valueOf(rs.getString("nature"))))
        .list();
  }

  /** Lots whose attestation was entered (completed) during the year. */
  List<Lot> adaptedSectorLots(Instant start, Instant end) {
    return lots("l.completed_at >= :start AND l.completed_at < :end", start, end);
  }

  /** Lots picked up during the year (DEEE handed over, with their waste-tracking number). */
  List<Lot> pickedUpLots(LocalDate first, LocalDate last) {
    return jdbc.sql(lotSql("l.picked_up_on BETWEEN :first AND :last"))
        .param("first", first)
        .param("last", last)
        .query(this::lot)
        .list();
  }

  private List<Lot> lots(String where, Instant start, Instant end) {
    return jdbc.sql(lotSql(where)).param("start", start).param("end", end).query(this::lot).list();
  }

  private static String lotSql(String where) {
    return "SELECT l.number, c.name, c.type, c.siret, l.weight_kg, l.invoice_cents,"
        + " l.labour_cost_cents, l.ea_attestation_ref, l.recycling_certificate_ref,"
        + " l.waste_tracking_number, l.picked_up_on, COALESCE(l.picked_up_units,"
        + " (SELECT COUNT(*) FROM dismantling_lot_asset a WHERE a.lot_id = l.id)) AS units"
        + " FROM dismantling_lot l JOIN adapted_company c ON c.id = l.company_id WHERE "
        + where
        + " ORDER BY l.number, l.id";
  }

  private Lot lot(ResultSet rs, int i) throws SQLException {
    Date pickedUp = rs.getDate("picked_up_on");
    long invoice = rs.getLong("invoice_cents");
    Long invoiceCents = rs.wasNull() ? null : invoice;
    long labour = rs.getLong("labour_cost_cents");
    Long labourCents = rs.wasNull() ? null : labour;
    return new Lot(
        rs.getString("number"),
        rs.getString("name"),
        rs.getString("type"),
        rs.getString("siret"),
        rs.getLong("units"),
        rs.getBigDecimal("weight_kg"),
        invoiceCents,
        labourCents,
        rs.getString("ea_attestation_ref"),
        rs.getString("recycling_certificate_ref"),
        rs.getString("waste_tracking_number"),
        pickedUp == null ? null : pickedUp.toLocalDate());
  }

  /** Lots picked up during the year whose EA/ESAT attestation has not been entered. */
  List<String> lotsWithoutAttestation(LocalDate first, LocalDate last) {
    return jdbc.sql(
            "SELECT COALESCE(number, CONCAT('#', id)) FROM dismantling_lot"
                + " WHERE picked_up_on BETWEEN :first AND :last AND ea_attestation_ref IS NULL"
                + " ORDER BY id")
        .param("first", first)
        .param("last", last)
        .query(String.class)
        .list();
  }

  /** Outcome facts of the year without a weight. */
  List<String> outcomesWithoutWeight(int year) {
    return jdbc.sql(
            "SELECT inventory_number FROM outcome_fact WHERE outcome_year = :year"
                + " AND weight_kg IS NULL ORDER BY inventory_number")
        .param("year", year)
        .query(String.class)
        .list();
  }

  /** Units and weight of the year's outcomes grouped by one column of outcome_fact. */
  List<Count> volumes(int year, String column, Function<String, String> label) {
    if (!List.of("outcome", "category", "site").contains(column)) {
      throw new IllegalArgumentException("Unknown volume column " + column);
    }
    return jdbc.sql(
            "SELECT COALESCE("
                + column
                + ", '') AS k, COUNT(*) AS n, COUNT(weight_kg) AS w, COALESCE(SUM(weight_kg), 0)"
                + " AS kg FROM outcome_fact WHERE outcome_year = :year GROUP BY k ORDER BY n DESC,"
                + " k")
        .param("year", year)
        .query(
            (rs, i) ->
                new Count(
                    rs.getString("k"),
                    label.apply(rs.getString("k")),
                    rs.getLong("n"),
                    rs.getLong("w"),
                    rs.getBigDecimal("kg")))
        .list();
  }

  /** Donations handed over during the year, by beneficiary and legal category. */
  List<Donations> donations(LocalDate first, LocalDate last) {
    return jdbc.sql(
            "SELECT b.name, b.legal_category, COUNT(*) AS n FROM donation d"
                + " JOIN donation_beneficiary b ON b.id = d.beneficiary_id"
                + " WHERE d.status = 'HANDED_OVER' AND d.handed_over_on BETWEEN :first AND :last"
                + " GROUP BY b.id, b.name, b.legal_category ORDER BY n DESC, b.name")
        .param("first", first)
        .param("last", last)
        .query(
            (rs, i) -> {
              String code = rs.getString("legal_category");
              LegalCategory category = legalCategory(code);
              return new Donations(
                  rs.getString("name"),
                  category == null ? code : category.label(),
                  category == null ? "" : category.legalBasis(),
                  rs.getLong("n"));
            })
        .list();
  }

  private static LegalCategory legalCategory(String code) {
    try {
      return LegalCategory.valueOf(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Suppliers by maturity level (current registry, not per year). */
  List<Count> supplierMaturity() {
    return jdbc.sql(
            "SELECT COALESCE(CAST(maturity_level AS CHAR), 'non évalué') AS k, COUNT(*) AS n"
                + " FROM supplier GROUP BY k ORDER BY k")
        .query(
            (rs, i) ->
                new Count(
                    rs.getString("k"),
                    "Niveau " + rs.getString("k"),
                    rs.getLong("n"),
                    0,
                    BigDecimal.ZERO))
        .list();
  }
}
