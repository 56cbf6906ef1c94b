package fr.secondevie.indicators;

import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.DispositionRoute;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The history {@link BenchHistory} writes, planned one asset at a time from a seeded random: a
 * hospital's mix of categories and sites, 3 to 12 years of service, the custody steps from
 * registration to the final status (one in a hundred withdrawn at regularization), the route of
 * each one and its outcome date.
 */
final class BenchHistoryPlans {

  private BenchHistoryPlans() {}

  /** Categories of a hospital's retired IT, with their share out of 100. */
  private static final Map<AssetCategory, Integer> CATEGORY_MIX = new LinkedHashMap<>();

  static {
    CATEGORY_MIX.put(AssetCategory.DESKTOP, 35);
    CATEGORY_MIX.put(AssetCategory.MONITOR, 25);
    CATEGORY_MIX.put(AssetCategory.LAPTOP, 20);
    CATEGORY_MIX.put(AssetCategory.PHONE, 8);
    CATEGORY_MIX.put(AssetCategory.PRINTER, 5);
    CATEGORY_MIX.put(AssetCategory.SERVER, 4);
    CATEGORY_MIX.put(AssetCategory.NETWORK_SWITCH, 3);
  }

  private static final String[] SITES = {
    "CHU - Site principal", "CHU - Hôpital Nord", "CHU - Centre de gériatrie"
  };

  /** One asset's history, planned before it is written. */
  static final class Planned {
    String number;
    AssetCategory category;
    String site;
    LocalDate acquired;
    long costCents;
    final List<Step> steps = new ArrayList<>();
    DispositionRoute outcome;
    LocalDate outcomeDate;
    boolean committedBeneficiary;
    long id;
  }

  record Step(Instant at, CustodyAction action, AssetStatus from, AssetStatus to, String details) {}

  static Planned plan(Random random, String number, int year) {
    Planned p = new Planned();
    p.number = number;
    p.category = category(random);
    p.site = SITES[random.nextInt(SITES.length)];
    LocalDate retiredOn = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
    // 3 to 12 years of service: about one in ten over 10 years at retirement
    p.acquired = retiredOn.minusDays(3 * 365 + random.nextInt(9 * 365));
    p.costCents = 20_000 + random.nextInt(150_000);
    Instant at = instant(p.acquired, 10);
    p.steps.add(new Step(at, CustodyAction.REGISTERED, null, AssetStatus.IN_SERVICE, null));
    at = instant(retiredOn, 8 + random.nextInt(8));
    step(p, at, AssetStatus.IN_SERVICE, AssetStatus.DECOMMISSIONING, "Retrait du parc");
    if (random.nextInt(100) == 0) {
      // withdrawn at regularization: the asset was not retired
      step(
          p,
          at.plus(2, ChronoUnit.DAYS),
          AssetStatus.DECOMMISSIONING,
          AssetStatus.IN_SERVICE,
          "Retrait annulé à la régularisation");
      return p;
    }
    at = at.plus(1, ChronoUnit.DAYS);
    step(p, at, AssetStatus.DECOMMISSIONING, AssetStatus.SANITIZING, "Effacement demandé");
    at = at.plus(2, ChronoUnit.DAYS);
    step(p, at, AssetStatus.SANITIZING, AssetStatus.SANITIZED, "Effacement certifié");
    p.outcome = route(random, p.category);
    at = at.plus(1, ChronoUnit.DAYS);
    p.steps.add(
        new Step(
            at,
            CustodyAction.ROUTE_ASSIGNED,
            AssetStatus.SANITIZED,
            AssetStatus.SANITIZED,
            "Orientation : " + p.outcome.label()));
    AssetStatus pending =
        switch (p.outcome) {
          case DONATION -> AssetStatus.DONATION_PENDING;
          case RECYCLE -> AssetStatus.RECYCLING_PENDING;
          case INTERNAL_REUSE, RECONDITION -> AssetStatus.RECONDITIONING;
        };
    AssetStatus last =
        switch (p.outcome) {
          case DONATION -> AssetStatus.DONATED;
          case RECYCLE -> AssetStatus.RECYCLED;
          case INTERNAL_REUSE, RECONDITION -> AssetStatus.IN_STOCK;
        };
    at = at.plus(1, ChronoUnit.DAYS);
    step(p, at, AssetStatus.SANITIZED, pending, "Orientation engagée");
    at = at.plus(7 + random.nextInt(40), ChronoUnit.DAYS);
    step(p, at, pending, last, "Sortie : " + p.outcome.label());
    p.outcomeDate = at.atZone(ReuseRateCalculator.PARIS).toLocalDate();
    // one donation in twenty goes to a beneficiary that never signed the reuse commitment
    p.committedBeneficiary = random.nextInt(20) != 0;
    return p;
  }

  private static void step(Planned p, Instant at, AssetStatus from, AssetStatus to, String what) {
    p.steps.add(new Step(at, CustodyAction.STATUS_CHANGED, from, to, what));
  }

  private static AssetCategory category(Random random) {
    int n = random.nextInt(100);
    for (Map.Entry<AssetCategory, Integer> e : CATEGORY_MIX.entrySet()) {
      n -= e.getValue();
      if (n < 0) {
        return e.getKey();
      }
    }
    return AssetCategory.DESKTOP;
  }

  private static DispositionRoute route(Random random, AssetCategory category) {
    int n = random.nextInt(100);
    if (category == AssetCategory.SERVER || category == AssetCategory.NETWORK_SWITCH) {
      return n < 30 ? DispositionRoute.INTERNAL_REUSE : DispositionRoute.RECYCLE;
    }
    if (n < 20) {
      return DispositionRoute.INTERNAL_REUSE;
    }
    if (n < 45) {
      return DispositionRoute.DONATION;
    }
    if (n < 60) {
      return DispositionRoute.RECONDITION;
    }
    return DispositionRoute.RECYCLE;
  }

  static Instant instant(LocalDate date, int hour) {
    return date.atTime(LocalTime.of(hour, 0)).atZone(ReuseRateCalculator.PARIS).toInstant();
  }
}
