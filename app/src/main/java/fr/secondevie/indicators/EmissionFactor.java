package fr.secondevie.indicators;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * kg CO2e avoided per reused unit of a category, as of a version of the factor table, with its
 * source (table {@code emission_factor}).
 */
record EmissionFactor(
    String version, LocalDate validFrom, String category, BigDecimal kgCo2e, String source) {

  /**
   * The factor that applies to an outcome of {@code category} on {@code date}: the one of the most
   * recent version in force on that date. A version dated later never applies to earlier outcomes.
   */
  static Optional<EmissionFactor> applicable(
      Collection<EmissionFactor> factors, String category, LocalDate date) {
    return factors.stream()
        .filter(f -> f.category().equals(category))
        .filter(f -> !f.validFrom().isAfter(date))
        .max(Comparator.comparing(EmissionFactor::validFrom));
  }
}
