package fr.secondevie.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Optional;

/**
 * AGEC art. 58 / décret 2021-254 line 4: reused or reconditioned IT spend excl. VAT over all IT
 * spend excl. VAT of the year, target 20 %.
 *
 * @param share percent rounded to one decimal, empty when the year has no spend
 */
record PurchaseShare(int year, long totalCents, long reusedCents, Optional<BigDecimal> share) {

  static final int TARGET = 20;

  static PurchaseShare of(int year, Collection<SpendLedgerCsv.Line> lines) {
    long total = 0;
    long reused = 0;
    for (SpendLedgerCsv.Line l : lines) {
      if (l.date().getYear() != year) {
        continue;
      }
      total += l.amountCents();
      if (l.nature().reused()) {
        reused += l.amountCents();
      }
    }
    return of(year, total, reused);
  }

  static PurchaseShare of(int year, long totalCents, long reusedCents) {
    Optional<BigDecimal> share =
        totalCents <= 0
            ? Optional.empty()
            : Optional.of(
                BigDecimal.valueOf(reusedCents * 100L)
                    .divide(BigDecimal.valueOf(totalCents), 1, RoundingMode.HALF_UP));
    return new PurchaseShare(year, totalCents, reusedCents, share);
  }

  public String display() {
    return share.map(s -> s.toPlainString().replace('.', ',') + " %").orElse("non calculable");
  }

  public Optional<Boolean> targetReached() {
    return share.map(s -> s.compareTo(BigDecimal.valueOf(TARGET)) >= 0);
  }
}
