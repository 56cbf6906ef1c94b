package fr.secondevie.purchasing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks checked offers on 110 points: price excl. VAT 60 (the lowest price scores 60, another
 * {@code 60 × lowest / price}), warranty 20 ({@code 20 × months / longest}, all 20 when no offer
 * has a warranty), delivery 20 ({@code 20 × shortest / days}), plus the supplier's maturity bonus
 * from P4 (0 to 10 points, {@code supplier-maturity}). Equal scores: the lower price first, then
 * the order of entry.
 */
final class OfferRanking {

  static final int PRICE_POINTS = 60;
  static final int WARRANTY_POINTS = 20;
  static final int DELIVERY_POINTS = 20;

  private OfferRanking() {}

  /** An offer checked against the registry, not ranked yet. */
  record Candidate(
      OfferSource source,
      Long supplierId,
      String supplierSiret,
      String supplierName,
      String contractReference,
      String contractLot,
      boolean reservedForAdaptedCompanies,
      boolean reconditioned,
      long unitPriceCents,
      int warrantyMonths,
      int deliveryDays,
      int maturityBonus) {}

  static List<Offer> rank(List<Candidate> candidates) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    long lowest = candidates.stream().mapToLong(Candidate::unitPriceCents).min().orElseThrow();
    int longest = candidates.stream().mapToInt(Candidate::warrantyMonths).max().orElseThrow();
    int shortest = candidates.stream().mapToInt(Candidate::deliveryDays).min().orElseThrow();
    record Scored(int entry, Candidate candidate, BigDecimal score) {}
    List<Scored> scored = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      Candidate c = candidates.get(i);
      double price = PRICE_POINTS * (double) lowest / c.unitPriceCents();
      double warranty =
          longest == 0 ? WARRANTY_POINTS : WARRANTY_POINTS * (double) c.warrantyMonths() / longest;
      double delivery = DELIVERY_POINTS * (double) shortest / c.deliveryDays();
      BigDecimal score =
          BigDecimal.valueOf(price + warranty + delivery + c.maturityBonus())
              .setScale(1, RoundingMode.HALF_UP);
      scored.add(new Scored(i, c, score));
    }
    scored.sort(
        Comparator.comparing(Scored::score)
            .reversed()
            .thenComparingLong(s -> s.candidate().unitPriceCents())
            .thenComparingInt(Scored::entry));
    List<Offer> ranked = new ArrayList<>();
    for (int i = 0; i < scored.size(); i++) {
      Candidate c = scored.get(i).candidate();
      ranked.add(
          new Offer(
              0,
              i + 1,
              c.source(),
              c.supplierId(),
              c.supplierSiret(),
              c.supplierName(),
              c.contractReference(),
              c.contractLot(),
              c.reservedForAdaptedCompanies(),
              c.reconditioned(),
              c.unitPriceCents(),
              c.warrantyMonths(),
              c.deliveryDays(),
              c.maturityBonus(),
              scored.get(i).score()));
    }
    return ranked;
  }
}
