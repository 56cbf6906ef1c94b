package fr.secondevie.purchasing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ranked offers of a request ({@code purchase_offer}, {@code V80__purchasing.sql}). */
@Repository
class PurchaseOfferRepository {

  private final JdbcClient jdbc;

  PurchaseOfferRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

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
        .query(PurchaseOfferRepository::offer)
        .list();
  }

  Optional<Offer> offer(long id) {
    return jdbc.sql("SELECT * FROM purchase_offer WHERE id = :id")
        .param("id", id)
        .query(PurchaseOfferRepository::offer)
        .optional();
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
}
