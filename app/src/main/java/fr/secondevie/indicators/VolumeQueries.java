package fr.secondevie.indicators;

import fr.secondevie.donation.LegalCategory;
import fr.secondevie.indicators.YearFigures.Count;
import fr.secondevie.indicators.YearFigures.Donations;
import fr.secondevie.indicators.YearFigures.Lot;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the volumes of a year and what the adapted sector did, with SQL: outcome facts (this
 * module), donations and beneficiaries (donation: {@code donation}, {@code donation_beneficiary}),
 * dismantling lots and adapted companies (recycling: {@code dismantling_lot}, {@code
 * dismantling_lot_asset}, {@code adapted_company}), suppliers (suppliers: {@code supplier}).
 */
@Component
@Transactional(readOnly = true)
class VolumeQueries {

  private final JdbcClient jdbc;

  VolumeQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
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
