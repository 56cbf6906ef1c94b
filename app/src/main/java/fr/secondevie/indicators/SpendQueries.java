package fr.secondevie.indicators;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the spend ledger ({@code spend_ledger_line}): the AGEC share and its drill-down. */
@Component
@Transactional(readOnly = true)
class SpendQueries {

  private final JdbcClient jdbc;

  SpendQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
}
