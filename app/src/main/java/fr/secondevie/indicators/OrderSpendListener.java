package fr.secondevie.indicators;

import fr.secondevie.purchasing.PurchaseOrderReceived;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the spend line of a received purchase order (P5) to the spend ledger, in the transaction
 * that records the reception (a synchronous listener: the reception and its spend are written
 * together or not at all). The line has no import and carries its order reference, unique: the same
 * order never adds a second line, and an imported accounting line with that reference is left out
 * of the totals ({@link SpendQueries}).
 */
@Component
class OrderSpendListener {

  private final JdbcClient jdbc;

  OrderSpendListener(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(PurchaseOrderReceived order) {
    jdbc.sql(
            "INSERT IGNORE INTO spend_ledger_line (import_id, line_number, spend_date, spend_year,"
                + " reference, supplier, label, amount_cents, nature, order_reference) VALUES"
                + " (NULL, 1, :date, :year, :ref, :supplier, :label, :amount, :nature, :ref)")
        .param("date", order.receivedOn())
        .param("year", order.receivedOn().getYear())
        .param("ref", order.orderReference())
        .param("supplier", truncate(order.supplierName(), 255))
        .param("label", truncate(order.label(), 500))
        .param("amount", order.amountCents())
        .param(
            "nature", (order.reconditioned() ? SpendNature.RECONDITIONNE : SpendNature.NEUF).name())
        .update();
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
