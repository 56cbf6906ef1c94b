package fr.secondevie.indicators;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The avoided emissions ledger: one entry per reuse-oriented outcome fact, with the factor version
 * in force on the outcome's date written with it. Entries are never updated: a factor change only
 * applies to outcomes dated from the new version on. Reported apart from any footprint.
 */
@Component
@Transactional
class AvoidedEmissionLedger {

  private final JdbcClient jdbc;
  private final OutcomeFactRepository facts;
  private final Clock clock;

  AvoidedEmissionLedger(JdbcClient jdbc, OutcomeFactRepository facts, Clock clock) {
    this.jdbc = jdbc;
    this.facts = facts;
    this.clock = clock;
  }

  /** One ledger entry. kgCo2e and factorVersion are null when no sourced factor exists. */
  record Entry(
      long outcomeFactId,
      long assetId,
      String inventoryNumber,
      String category,
      String outcome,
      java.time.LocalDate outcomeDate,
      String factorVersion,
      BigDecimal kgCo2e,
      BigDecimal lifeYearsGained) {}

  List<EmissionFactor> factors() {
    return jdbc.sql(
            "SELECT version, valid_from, category, kg_co2e, source FROM emission_factor"
                + " ORDER BY valid_from, category")
        .query(
            (rs, i) ->
                new EmissionFactor(
                    rs.getString("version"),
                    rs.getDate("valid_from").toLocalDate(),
                    rs.getString("category"),
                    rs.getBigDecimal("kg_co2e"),
                    rs.getString("source")))
        .list();
  }

  /** Writes the entry of a fact once (a second call changes nothing). */
  void post(OutcomeFact fact) {
    if (!fact.reuseOriented()) {
      return;
    }
    Optional<EmissionFactor> factor =
        EmissionFactor.applicable(factors(), fact.category(), fact.outcomeDate());
    jdbc.sql(
            "INSERT IGNORE INTO avoided_emission_entry (outcome_fact_id, asset_id,"
                + " inventory_number, category, outcome, outcome_date, outcome_year,"
                + " factor_version, kg_co2e, life_years_gained, recorded_at) VALUES (:fact,"
                + " :asset, :number, :category, :outcome, :date, :year, :version, :kg, :life,"
                + " :now)")
        .param("fact", fact.id())
        .param("asset", fact.assetId())
        .param("number", fact.inventoryNumber())
        .param("category", fact.category())
        .param("outcome", fact.outcome())
        .param("date", fact.outcomeDate())
        .param("year", fact.outcomeYear())
        .param("version", factor.map(EmissionFactor::version).orElse(null))
        .param("kg", factor.map(EmissionFactor::kgCo2e).orElse(null))
        .param("life", fact.lifetimeExtensionYears())
        .param("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
        .update();
  }

  /** Posts the entries of reuse-oriented facts of a year recorded before the ledger existed. */
  void backfill(int year) {
    facts.findReuseOrientedWithoutLedgerEntry(year).forEach(this::post);
  }

  @Transactional(readOnly = true)
  List<Entry> entries(int year) {
    return jdbc.sql(
            "SELECT * FROM avoided_emission_entry WHERE outcome_year = :year"
                + " ORDER BY outcome_date, inventory_number")
        .param("year", year)
        .query(
            (rs, i) ->
                new Entry(
                    rs.getLong("outcome_fact_id"),
                    rs.getLong("asset_id"),
                    rs.getString("inventory_number"),
                    rs.getString("category"),
                    rs.getString("outcome"),
                    rs.getDate("outcome_date").toLocalDate(),
                    rs.getString("factor_version"),
                    rs.getBigDecimal("kg_co2e"),
                    rs.getBigDecimal("life_years_gained")))
        .list();
  }
}
