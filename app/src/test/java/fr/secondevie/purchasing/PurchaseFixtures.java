package fr.secondevie.purchasing;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** Small builders for the purchasing tests: stock, referenced suppliers, requests, form values. */
final class PurchaseFixtures {

  private static final AtomicLong SIRETS =
      new AtomicLong(Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 10_000_000_000L));

  private PurchaseFixtures() {}

  /** Removes the purchasing rows and the order lines of the spend ledger. */
  static void clean(JdbcTemplate jdbc) {
    jdbc.update("DELETE FROM purchase_warranty_return");
    jdbc.update("DELETE FROM purchase_reception_unit");
    jdbc.update("DELETE FROM purchase_order");
    jdbc.update("DELETE FROM purchase_offer");
    jdbc.update("DELETE FROM purchase_stock_assignment");
    jdbc.update("DELETE FROM purchase_request");
    jdbc.update("DELETE FROM spend_ledger_line WHERE order_reference IS NOT NULL");
  }

  /** A 14-digit SIRET no other test uses. */
  static String newSiret() {
    return "9%013d".formatted(SIRETS.incrementAndGet() % 10_000_000_000_000L);
  }

  /**
   * A supplier of reconditioned equipment referenced until next year, with its P4 tender bonus and
   * one contact.
   */
  static String referencedSupplier(
      JdbcTemplate jdbc, String name, int tenderBonus, String email, LocalDate today) {
    String siret = newSiret();
    jdbc.update(
        "INSERT INTO supplier (name, siret, categories, status, maturity_level, tender_bonus,"
            + " justified_score, referenced_on, referenced_until, created_at, created_by) VALUES"
            + " (?, ?, 'RECONDITIONED_EQUIPMENT', 'REFERENCED', 3, ?, 60.0, ?, ?, ?, 'test')",
        name,
        siret,
        tenderBonus,
        today.minusMonths(2),
        today.plusYears(3).minusMonths(2),
        java.sql.Timestamp.from(Instant.parse("2026-01-05T09:00:00Z")));
    Long id = jdbc.queryForObject("SELECT id FROM supplier WHERE siret = ?", Long.class, siret);
    jdbc.update(
        "INSERT INTO supplier_contact (supplier_id, supplier_key, name, email, phone) VALUES (?,"
            + " 0, 'Service commercial', ?, NULL)",
        id,
        email);
    return siret;
  }

  /** An asset back in stock (its second life) in the category. */
  static Asset inStock(InventoryService inventory, AssetCategory category) {
    String number = "ST-" + UUID.randomUUID().toString().substring(0, 8);
    return inventory
        .register(
            number,
            new Asset.Description(
                "SN-" + number,
                "Reconditionné " + number,
                category,
                "Lenovo",
                "ThinkPad T14",
                "Hôpital Charles-Nicolle",
                "Magasin DSI",
                "DSI",
                LocalDate.of(2021, 3, 1),
                95000L),
            AssetStatus.IN_STOCK,
            "test",
            "test",
            "register-" + number)
        .asset();
  }

  static PurchaseRequests.RequestInput request(
      String category, int quantity, String useCase, String security, LocalDate neededBy) {
    return new PurchaseRequests.RequestInput(
        "Cardiologie",
        "Hôpital Charles-Nicolle",
        category,
        quantity,
        useCase,
        security,
        neededBy,
        "Renouvellement des postes de l'équipe mobile de cardiologie",
        null);
  }

  /** What form {@code record-offers} submits for one offer of a referenced supplier. */
  static Map<String, Object> supplierOffer(
      String siret, boolean reconditioned, double price, int warranty, int delivery) {
    Map<String, Object> offer = new HashMap<>();
    offer.put("source", "REFERENCED_SUPPLIER");
    offer.put("supplierSiret", siret);
    offer.put("supplierName", "");
    offer.put("reconditioned", reconditioned);
    offer.put("reservedForAdaptedCompanies", false);
    offer.put("unitPriceExclTax", price);
    offer.put("warrantyMonths", warranty);
    offer.put("deliveryDays", delivery);
    return offer;
  }

  /** What form {@code record-offers} submits for one offer under a central or SAD contract. */
  static Map<String, Object> contractOffer(
      String source, String holder, String contract, double price, int warranty, int delivery) {
    Map<String, Object> offer = new HashMap<>();
    offer.put("source", source);
    offer.put("supplierSiret", newSiret());
    offer.put("supplierName", holder);
    offer.put("contractReference", contract);
    offer.put("contractLot", "Lot 2");
    offer.put("reconditioned", true);
    offer.put("reservedForAdaptedCompanies", true);
    offer.put("unitPriceExclTax", price);
    offer.put("warrantyMonths", warranty);
    offer.put("deliveryDays", delivery);
    return offer;
  }

  static Map<String, Object> offers(List<Map<String, Object>> lines) {
    return Map.of("offerLines", lines);
  }

  static Map<String, Object> selection(int rank, String reason) {
    return Map.of("selectedRank", rank, "selectionReason", reason);
  }

  static Map<String, Object> reception(LocalDate on, String accepted, String refused) {
    Map<String, Object> values = new HashMap<>();
    values.put("receivedOn", on.toString());
    values.put("acceptedSerials", accepted);
    values.put("refusedUnits", refused);
    values.put("receptionNotes", null);
    return values;
  }

  /** The stock proposal as form {@code review-internal-stock} submits it. */
  static Map<String, Object> stockReview(List<Asset> proposed, List<Asset> accepted) {
    List<Map<String, Object>> items =
        proposed.stream()
            .map(
                a -> {
                  Map<String, Object> item = new HashMap<>();
                  item.put("assetId", a.id());
                  item.put("inventoryNumber", a.inventoryNumber());
                  item.put("description", a.category().label());
                  item.put("site", a.site());
                  item.put("accepted", accepted.stream().anyMatch(x -> x.id().equals(a.id())));
                  return item;
                })
            .toList();
    return Map.of("stockProposal", items, "stockReviewed", true);
  }
}
