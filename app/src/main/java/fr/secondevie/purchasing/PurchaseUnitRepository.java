package fr.secondevie.purchasing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The units of a request ({@code V80__purchasing.sql}): those assigned from the internal stock
 * ({@code purchase_stock_assignment}), those its order delivered ({@code purchase_reception_unit})
 * and those returned under warranty ({@code purchase_warranty_return}).
 */
@Repository
class PurchaseUnitRepository {

  private final JdbcClient jdbc;

  PurchaseUnitRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
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

  // ------------------------------------------------------------------ received units

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
}
