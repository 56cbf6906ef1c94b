package fr.secondevie.purchasing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The order of a request ({@code purchase_order}, {@code V80__purchasing.sql}): placed, reminded,
 * its deliveries counted, replacements asked or closed.
 */
@Repository
class PurchaseOrderRepository {

  private final JdbcClient jdbc;

  PurchaseOrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insertOrder(
      long requestId,
      String reference,
      long offerId,
      String reason,
      int quantity,
      LocalDate orderedOn,
      LocalDate expectedBy,
      String selectedBy) {
    jdbc.sql(
            "INSERT INTO purchase_order (request_id, reference, offer_id, selection_reason,"
                + " quantity, ordered_on, expected_by, status, selected_by) VALUES (:r, :ref,"
                + " :offer, :reason, :quantity, :orderedOn, :expectedBy, 'ORDERED', :by)")
        .param("by", selectedBy)
        .param("r", requestId)
        .param("ref", reference)
        .param("offer", offerId)
        .param("reason", reason)
        .param("quantity", quantity)
        .param("orderedOn", orderedOn)
        .param("expectedBy", expectedBy)
        .update();
  }

  void writeOrderDocument(long orderId, String documentId) {
    jdbc.sql("UPDATE purchase_order SET document_id = :doc WHERE id = :id")
        .param("doc", documentId)
        .param("id", orderId)
        .update();
  }

  /** Counts a reminder once per operation (the reminder's job). */
  void countReminder(long orderId, String operationId) {
    jdbc.sql(
            "UPDATE purchase_order SET reminders_sent = reminders_sent + 1,"
                + " last_reminder_operation = :op WHERE id = :id AND (last_reminder_operation IS"
                + " NULL OR last_reminder_operation <> :op)")
        .param("op", operationId)
        .param("id", orderId)
        .update();
  }

  Optional<PurchaseOrder> orderOf(long requestId) {
    return jdbc.sql("SELECT * FROM purchase_order WHERE request_id = :r")
        .param("r", requestId)
        .query(PurchaseOrderRepository::order)
        .optional();
  }

  /** Adds one delivery to the order's counts (the operation makes it answer a job twice alike). */
  void writeDelivery(
      long orderId,
      LocalDate receivedOn,
      int received,
      int refused,
      String notes,
      String receivedBy,
      String operationId,
      String status) {
    jdbc.sql(
            "UPDATE purchase_order SET status = :status, received_on = :on, received_count ="
                + " COALESCE(received_count, 0) + :received, refused_count ="
                + " COALESCE(refused_count, 0) + :refused, reception_notes = :notes, received_by ="
                + " :by, delivery_count = delivery_count + 1, last_reception_operation = :op,"
                + " last_delivery_received = :received, last_delivery_refused = :refused WHERE id"
                + " = :id")
        .param("status", status)
        .param("op", operationId)
        .param("by", receivedBy)
        .param("on", receivedOn)
        .param("received", received)
        .param("refused", refused)
        .param("notes", notes)
        .param("id", orderId)
        .update();
  }

  /** The buyer asked the supplier to replace the units still due; a new delivery date. */
  void writeReplacementRequested(long orderId, LocalDate expectedBy, String operationId) {
    jdbc.sql(
            "UPDATE purchase_order SET replacements_requested = replacements_requested + 1,"
                + " expected_by = :expectedBy, last_replacement_operation = :op WHERE id = :id")
        .param("expectedBy", expectedBy)
        .param("op", operationId)
        .param("id", orderId)
        .update();
  }

  /** The buyer closed the order with the units received. */
  void writeClosed(long orderId, String reason, String closedBy, String operationId) {
    jdbc.sql(
            "UPDATE purchase_order SET status = 'CLOSED', closed_reason = :reason, closed_by ="
                + " :by, last_replacement_operation = :op WHERE id = :id")
        .param("reason", reason)
        .param("by", closedBy)
        .param("op", operationId)
        .param("id", orderId)
        .update();
  }

  private static PurchaseOrder order(ResultSet rs, int row) throws SQLException {
    java.sql.Date received = rs.getDate("received_on");
    int receivedCount = rs.getInt("received_count");
    Integer receivedValue = rs.wasNull() ? null : receivedCount;
    int refusedCount = rs.getInt("refused_count");
    Integer refusedValue = rs.wasNull() ? null : refusedCount;
    return new PurchaseOrder(
        rs.getLong("id"),
        rs.getLong("request_id"),
        rs.getString("reference"),
        rs.getLong("offer_id"),
        rs.getString("selection_reason"),
        rs.getInt("quantity"),
        rs.getDate("ordered_on").toLocalDate(),
        rs.getDate("expected_by").toLocalDate(),
        rs.getString("document_id"),
        rs.getString("status"),
        rs.getInt("reminders_sent"),
        received == null ? null : received.toLocalDate(),
        receivedValue,
        refusedValue,
        rs.getString("reception_notes"),
        rs.getString("selected_by"),
        rs.getString("received_by"),
        rs.getInt("delivery_count"),
        rs.getString("last_reception_operation"),
        integer(rs, "last_delivery_received"),
        integer(rs, "last_delivery_refused"),
        rs.getInt("replacements_requested"),
        rs.getString("last_replacement_operation"),
        rs.getString("closed_reason"),
        rs.getString("closed_by"));
  }

  private static Integer integer(ResultSet rs, String column) throws SQLException {
    int value = rs.getInt(column);
    return rs.wasNull() ? null : value;
  }
}
