package fr.secondevie.routing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Exact age in decimal years (docs/processes.md, decision inputs): full years since acquisition,
 * plus the days since the last anniversary divided by the days from that anniversary to the next.
 * Exactly 10 on the tenth anniversary; one day later 10 + 1/365 (or 1/366).
 */
final class AssetAge {

  private AssetAge() {}

  /**
   * @return the age, or null when the acquisition date is unknown or after the date
   */
  public static Double yearsBetween(LocalDate acquired, LocalDate on) {
    if (acquired == null || on == null || acquired.isAfter(on)) {
      return null;
    }
    long full = ChronoUnit.YEARS.between(acquired, on);
    LocalDate last = acquired.plusYears(full);
    LocalDate next = acquired.plusYears(full + 1);
    double fraction =
        (double) ChronoUnit.DAYS.between(last, on) / ChronoUnit.DAYS.between(last, next);
    return round(full + fraction, 6);
  }

  static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
