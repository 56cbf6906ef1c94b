package fr.secondevie.indicators;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The décret 2023-266 reuse rate of one calendar year: {@code A / B × 100}, with the assets behind
 * A and B and those excluded, each with its reason.
 *
 * @param target the decree's target for the year in percent (25, 35, 50), or null before 2023
 * @param rate A/B × 100 rounded to one decimal, empty when B = 0 ("non calculable")
 */
record ReuseRate(
    int year,
    Integer target,
    List<Item> numerator,
    List<Item> denominator,
    List<Exclusion> excluded,
    Optional<BigDecimal> rate) {

  ReuseRate {
    numerator = List.copyOf(numerator);
    denominator = List.copyOf(denominator);
    excluded = List.copyOf(excluded);
  }

  public int a() {
    return numerator.size();
  }

  public int b() {
    return denominator.size();
  }

  /** Whether the target is reached; empty when there is no target or no rate. */
  public Optional<Boolean> targetReached() {
    if (target == null || rate.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(rate.get().compareTo(BigDecimal.valueOf(target)) >= 0);
  }

  /** The rate as shown: "42,9 %" or "non calculable". */
  public String display() {
    return rate.map(r -> r.toPlainString().replace('.', ',') + " %").orElse("non calculable");
  }

  /** An asset counted in A or B, with what put it there (French). */
  record Item(long assetId, String inventoryNumber, String category, String detail) {}

  /**
   * An asset left out of A or B.
   *
   * @param part "A" or "B"
   */
  record Exclusion(
      long assetId, String inventoryNumber, String category, String part, String reason) {}
}
