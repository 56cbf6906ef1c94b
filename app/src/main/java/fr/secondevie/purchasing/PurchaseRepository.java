package fr.secondevie.purchasing;

import fr.secondevie.inventory.AssetCategory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The tables of the purchasing module ({@code V80__purchasing.sql}). */
@Repository
class PurchaseRepository {

  private final JdbcClient jdbc;

  PurchaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record NewRequest(
      String service,
      String site,
      AssetCategory category,
      int quantity,
      UseCase useCase,
      SecurityConstraint securityConstraint,
      LocalDate neededBy,
      String justification,
      String minimumGrade) {}

  long insertRequest(NewRequest r, String requestedBy, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO purchase_request (service, site, category, quantity, use_case,"
                + " security_constraint, needed_by, justification, requested_by, requested_at,"
                + " status, minimum_grade) VALUES (:service, :site, :category, :quantity, :useCase,"
                + " :security, :neededBy, :justification, :by, :at, 'SUBMITTED', :grade)")
        .param("grade", r.minimumGrade())
        .param("service", r.service())
        .param("site", r.site())
        .param("category", r.category().name())
        .param("quantity", r.quantity())
        .param("useCase", r.useCase().name())
        .param("security", r.securityConstraint().name())
        .param("neededBy", r.neededBy())
        .param("justification", r.justification())
        .param("by", requestedBy)
        .param("at", now.truncatedTo(ChronoUnit.MICROS))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void deleteRequest(long id) {
    jdbc.sql("DELETE FROM purchase_request WHERE id = :id").param("id", id).update();
  }

  void writeProcessInstance(long id, long key) {
    jdbc.sql("UPDATE purchase_request SET process_instance_key = :key WHERE id = :id")
        .param("key", key)
        .param("id", id)
        .update();
  }

  Optional<PurchaseRequest> findRequest(long id) {
    return jdbc.sql("SELECT * FROM purchase_request WHERE id = :id")
        .param("id", id)
        .query(PurchaseRepository::request)
        .optional();
  }

  /** Locks the request's row until the end of the transaction, then reads it. */
  Optional<PurchaseRequest> lockRequest(long id) {
    return jdbc.sql("SELECT * FROM purchase_request WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(PurchaseRepository::request)
        .optional();
  }

  List<PurchaseRequest> requestsNewestFirst() {
    return jdbc.sql("SELECT * FROM purchase_request ORDER BY requested_at DESC, id DESC LIMIT 500")
        .query(PurchaseRepository::request)
        .list();
  }

  void writeStatus(long id, RequestStatus status) {
    jdbc.sql("UPDATE purchase_request SET status = :status, version = version + 1 WHERE id = :id")
        .param("status", status.name())
        .param("id", id)
        .update();
  }

  void writeChannel(long id, String channel, String reason) {
    jdbc.sql(
            "UPDATE purchase_request SET channel = :channel, channel_reason = :reason,"
                + " status = 'SOURCING', version = version + 1 WHERE id = :id")
        .param("channel", channel)
        .param("reason", reason)
        .param("id", id)
        .update();
  }

  void writeNewPurchaseDecision(
      long id,
      String justification,
      boolean approved,
      String comment,
      String decidedBy,
      RequestStatus status) {
    jdbc.sql(
            "UPDATE purchase_request SET new_justification = :justification, new_approved ="
                + " :approved, new_decision_comment = :comment, new_decided_by = :by, status ="
                + " :status, version = version + 1 WHERE id = :id")
        .param("by", decidedBy)
        .param("justification", justification)
        .param("approved", approved)
        .param("comment", comment)
        .param("status", status.name())
        .param("id", id)
        .update();
  }

  // ------------------------------------------------------------------ stock assignments

  boolean isAssigned(long requestId, long assetId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM purchase_stock_assignment WHERE request_id = :r AND asset_id ="
                    + " :a")
            .param("r", requestId)
            .param("a", assetId)
            .query(Integer.class)
            .single()
        > 0;
  }

  void insertAssignment(long requestId, long assetId, String inventoryNumber, Instant now) {
    jdbc.sql(
            "INSERT INTO purchase_stock_assignment (request_id, asset_id, inventory_number,"
                + " assigned_at) VALUES (:r, :a, :n, :at)")
        .param("r", requestId)
        .param("a", assetId)
        .param("n", inventoryNumber)
        .param("at", now.truncatedTo(ChronoUnit.MICROS))
        .update();
    jdbc.sql(
            "UPDATE purchase_request SET assigned_from_stock = (SELECT COUNT(*) FROM"
                + " purchase_stock_assignment WHERE request_id = :r), version = version + 1"
                + " WHERE id = :r")
        .param("r", requestId)
        .update();
  }

  List<String> assignedInventoryNumbers(long requestId) {
    return jdbc.sql(
            "SELECT inventory_number FROM purchase_stock_assignment WHERE request_id = :r ORDER"
                + " BY inventory_number")
        .param("r", requestId)
        .query(String.class)
        .list();
  }

  // ------------------------------------------------------------------ offers

  void replaceOffers(long requestId, List<Offer> offers) {
    jdbc.sql("DELETE FROM purchase_offer WHERE request_id = :r").param("r", requestId).update();
    for (Offer o : offers) {
      jdbc.sql(
              "INSERT INTO purchase_offer (request_id, offer_rank, source, supplier_id,"
                  + " supplier_siret, supplier_name, contract_reference, contract_lot,"
                  + " reserved_adapted, reconditioned, unit_price_cents, warranty_months,"
                  + " delivery_days, maturity_bonus, score) VALUES (:r, :rank, :source,"
                  + " :supplierId, :siret, :name, :contract, :lot, :reserved, :reconditioned,"
                  + " :price, :warranty, :delivery, :bonus, :score)")
          .param("r", requestId)
          .param("rank", o.rank())
          .param("source", o.source().name())
          .param("supplierId", o.supplierId())
          .param("siret", o.supplierSiret())
          .param("name", o.supplierName())
          .param("contract", o.contractReference())
          .param("lot", o.contractLot())
          .param("reserved", o.reservedForAdaptedCompanies())
          .param("reconditioned", o.reconditioned())
          .param("price", o.unitPriceCents())
          .param("warranty", o.warrantyMonths())
          .param("delivery", o.deliveryDays())
          .param("bonus", o.maturityBonus())
          .param("score", o.score())
          .update();
    }
  }

  List<Offer> offers(long requestId) {
    return jdbc.sql("SELECT * FROM purchase_offer WHERE request_id = :r ORDER BY offer_rank")
        .param("r", requestId)
        .query(PurchaseRepository::offer)
        .list();
  }

  Optional<Offer> offer(long id) {
    return jdbc.sql("SELECT * FROM purchase_offer WHERE id = :id")
        .param("id", id)
        .query(PurchaseRepository::offer)
        .optional();
  }

  // ------------------------------------------------------------------ orders

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
        .query(PurchaseRepository::order)
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

  void insertUnit(long orderId, int deliveryNo, ReceptionUnit unit) {
    jdbc.sql(
            "INSERT INTO purchase_reception_unit (order_id, delivery_no, serial_number, accepted,"
                + " refusal_reason, inventory_number) VALUES (:o, :delivery, :serial, :accepted,"
                + " :reason, :inv)")
        .param("delivery", deliveryNo)
        .param("o", orderId)
        .param("serial", unit.serialNumber())
        .param("accepted", unit.accepted())
        .param("reason", unit.refusalReason())
        .param("inv", unit.inventoryNumber())
        .update();
  }

  List<ReceptionUnit> units(long orderId) {
    return jdbc.sql(
            "SELECT * FROM purchase_reception_unit WHERE order_id = :o ORDER BY delivery_no,"
                + " accepted DESC, serial_number")
        .param("o", orderId)
        .query(
            (rs, i) ->
                new ReceptionUnit(
                    rs.getString("serial_number"),
                    rs.getBoolean("accepted"),
                    rs.getString("refusal_reason"),
                    rs.getString("inventory_number"),
                    rs.getInt("delivery_no")))
        .list();
  }

  // ------------------------------------------------------------------ warranty returns

  long insertWarrantyReturn(
      long orderId,
      long assetId,
      String inventoryNumber,
      String serialNumber,
      LocalDate returnedOn,
      WarrantyReturn.Remedy remedy,
      String reason,
      String recordedBy,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO purchase_warranty_return (order_id, asset_id, inventory_number,"
                + " serial_number, returned_on, remedy, reason, recorded_by, recorded_at) VALUES"
                + " (:o, :a, :inv, :serial, :on, :remedy, :reason, :by, :at)")
        .param("o", orderId)
        .param("a", assetId)
        .param("inv", inventoryNumber)
        .param("serial", serialNumber)
        .param("on", returnedOn)
        .param("remedy", remedy.name())
        .param("reason", reason)
        .param("by", recordedBy)
        .param("at", now.truncatedTo(ChronoUnit.MICROS))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  boolean warrantyReturnExists(long assetId, LocalDate returnedOn) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM purchase_warranty_return WHERE asset_id = :a AND returned_on"
                    + " = :on")
            .param("a", assetId)
            .param("on", returnedOn)
            .query(Integer.class)
            .single()
        > 0;
  }

  List<WarrantyReturn> warrantyReturns(long orderId) {
    return jdbc.sql(
            "SELECT * FROM purchase_warranty_return WHERE order_id = :o ORDER BY returned_on, id")
        .param("o", orderId)
        .query(
            (rs, i) ->
                new WarrantyReturn(
                    rs.getLong("id"),
                    rs.getLong("order_id"),
                    rs.getLong("asset_id"),
                    rs.getString("inventory_number"),
                    rs.getString("serial_number"),
                    rs.getDate("returned_on").toLocalDate(),
                    WarrantyReturn.Remedy.valueOf(rs.getString("remedy")),
                    rs.getString("reason"),
                    rs.getString("recorded_by"),
                    rs.getTimestamp("recorded_at").toInstant()))
        .list();
  }

  // ------------------------------------------------------------------ mapping

  private static PurchaseRequest request(ResultSet rs, int row) throws SQLException {
    long key = rs.getLong("process_instance_key");
    Long processInstanceKey = rs.wasNull() ? null : key;
    boolean approved = rs.getBoolean("new_approved");
    Boolean newApproved = rs.wasNull() ? null : approved;
    return new PurchaseRequest(
        rs.getLong("id"),
        rs.getString("service"),
        rs.getString("site"),
        AssetCategory.valueOf(rs.getString("category")),
        rs.getInt("quantity"),
        UseCase.valueOf(rs.getString("use_case")),
        SecurityConstraint.valueOf(rs.getString("security_constraint")),
        rs.getDate("needed_by").toLocalDate(),
        rs.getString("justification"),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        RequestStatus.valueOf(rs.getString("status")),
        processInstanceKey,
        rs.getInt("assigned_from_stock"),
        rs.getString("channel"),
        rs.getString("channel_reason"),
        rs.getString("new_justification"),
        newApproved,
        rs.getString("new_decision_comment"),
        rs.getString("new_decided_by"),
        rs.getString("minimum_grade"));
  }

  private static Offer offer(ResultSet rs, int row) throws SQLException {
    long supplier = rs.getLong("supplier_id");
    Long supplierId = rs.wasNull() ? null : supplier;
    return new Offer(
        rs.getLong("id"),
        rs.getInt("offer_rank"),
        OfferSource.valueOf(rs.getString("source")),
        supplierId,
        rs.getString("supplier_siret"),
        rs.getString("supplier_name"),
        rs.getString("contract_reference"),
        rs.getString("contract_lot"),
        rs.getBoolean("reserved_adapted"),
        rs.getBoolean("reconditioned"),
        rs.getLong("unit_price_cents"),
        rs.getInt("warranty_months"),
        rs.getInt("delivery_days"),
        rs.getInt("maturity_bonus"),
        rs.getBigDecimal("score"));
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
