package fr.secondevie.routing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Residual unit value: the acquisition cost (excluding VAT) depreciated linearly over the
 * category's accounting life, with the exact age in decimal years, never below zero. An asset past
 * its accounting life is worth 0 €.
 */
final class Depreciation {

  private Depreciation() {}

  /**
   * @param costCents acquisition cost in euro cents, null when unknown
   * @param ageYears exact age in decimal years, null when unknown
   * @return the residual value in euros with two decimals, or null when cost or age is unknown
   */
  public static BigDecimal residualValueEuros(Long costCents, Double ageYears, int lifeYears) {
    if (costCents == null || ageYears == null || lifeYears <= 0) {
      return null;
    }
    double remaining = Math.max(0.0, 1.0 - ageYears / lifeYears);
    long cents = Math.round(costCents * remaining);
    return BigDecimal.valueOf(cents).movePointLeft(2).setScale(2, RoundingMode.UNNECESSARY);
  }
}
