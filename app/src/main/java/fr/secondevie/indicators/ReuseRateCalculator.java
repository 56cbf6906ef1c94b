package fr.secondevie.indicators;

import static fr.secondevie.inventory.AssetStatus.AWAITING_ROUTE;
import static fr.secondevie.inventory.AssetStatus.DECOMMISSIONING;
import static fr.secondevie.inventory.AssetStatus.DONATION_PENDING;
import static fr.secondevie.inventory.AssetStatus.IN_SERVICE;
import static fr.secondevie.inventory.AssetStatus.MEDIA_DESTRUCTION;
import static fr.secondevie.inventory.AssetStatus.RECONDITIONING;
import static fr.secondevie.inventory.AssetStatus.RECYCLING_PENDING;
import static fr.secondevie.inventory.AssetStatus.SANITIZED;
import static fr.secondevie.inventory.AssetStatus.SANITIZING;

import fr.secondevie.indicators.AssetHistory.StatusChange;
import fr.secondevie.indicators.ReuseRate.Exclusion;
import fr.secondevie.indicators.ReuseRate.Item;
import fr.secondevie.inventory.AssetStatus;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes the décret 2023-266 reuse rate of a year from the assets' status history and the
 * recorded outcomes (docs/indicators.md, "Taux de réemploi"). Pure: same input, same result.
 *
 * <ul>
 *   <li>B: in-scope assets whose status at 0:00 on 1 January N (Europe/Paris) is a retirement
 *       status (from DECOMMISSIONING to RECYCLING_PENDING), unless that retirement was later
 *       withdrawn (back to IN_SERVICE from DECOMMISSIONING: regularization) or the asset was over
 *       10 years old when retired.
 *   <li>A: in-scope assets whose outcome dated in year N is internal reuse, reconditioning or a
 *       donation to a beneficiary that had signed its reuse commitment beforehand; an asset counts
 *       once per year whatever the routes tried before (fallbacks).
 * </ul>
 */
final class ReuseRateCalculator {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  /** An asset in one of these statuses is retired ("réformé") and not yet gone. */
  static final Set<AssetStatus> RETIRED =
      EnumSet.of(
          DECOMMISSIONING,
          SANITIZING,
          MEDIA_DESTRUCTION,
          SANITIZED,
          AWAITING_ROUTE,
          DONATION_PENDING,
          RECONDITIONING,
          RECYCLING_PENDING);

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private ReuseRateCalculator() {}

  /** Targets of décret 2023-266 art. 1: 25 % in 2023, 35 % in 2024, 50 % from 2025. */
  static Integer target(int year) {
    if (year < 2023) {
      return null;
    }
    return year == 2023 ? 25 : year == 2024 ? 35 : 50;
  }

  static ReuseRate compute(
      int year, Collection<AssetHistory> histories, Collection<ReuseOutcome> outcomes) {
    Map<Long, AssetHistory> byId = new LinkedHashMap<>();
    histories.forEach(h -> byId.put(h.assetId(), h));
    List<Item> numerator = new ArrayList<>();
    List<Item> denominator = new ArrayList<>();
    List<Exclusion> excluded = new ArrayList<>();
    Instant start = LocalDate.of(year, 1, 1).atStartOfDay(PARIS).toInstant();

    for (AssetHistory h : byId.values()) {
      AssetStatus status = statusAt(h, start);
      if (status == null || !RETIRED.contains(status)) {
        continue;
      }
      String reason = exclusion(h, retirementStart(h, start), null, withdrawnAfter(h, start));
      if (reason != null) {
        excluded.add(exclusion(h, "B", reason));
      } else {
        denominator.add(
            new Item(
                h.assetId(),
                h.inventoryNumber(),
                h.category().label(),
                "« " + status.label() + " » au 1er janvier " + year));
      }
    }

    Map<Long, ReuseOutcome> ofYear = new LinkedHashMap<>();
    outcomes.stream()
        .filter(o -> o.outcomeDate().getYear() == year)
        .filter(o -> OutcomeService.REUSE_ORIENTED.contains(o.outcome()))
        .sorted(Comparator.comparing(ReuseOutcome::outcomeDate))
        .forEach(o -> ofYear.putIfAbsent(o.assetId(), o));
    for (ReuseOutcome o : ofYear.values()) {
      AssetHistory h = byId.get(o.assetId());
      if (h == null) {
        throw new IllegalArgumentException("No history given for asset " + o.assetId());
      }
      Instant endOfDay = o.outcomeDate().plusDays(1).atStartOfDay(PARIS).toInstant();
      String reason = exclusion(h, retirementStart(h, endOfDay), o, false);
      if (reason == null
          && "DONATION".equals(o.outcome())
          && !Boolean.TRUE.equals(o.reuseCommitment())) {
        reason = "don sans engagement préalable de réemploi du bénéficiaire";
      }
      if (reason != null) {
        excluded.add(exclusion(h, "A", reason));
      } else {
        numerator.add(
            new Item(
                h.assetId(),
                h.inventoryNumber(),
                h.category().label(),
                label(o.outcome()) + " le " + DAY.format(o.outcomeDate())));
      }
    }
    Optional<BigDecimal> rate =
        denominator.isEmpty()
            ? Optional.empty()
            : Optional.of(
                BigDecimal.valueOf(numerator.size() * 100L)
                    .divide(BigDecimal.valueOf(denominator.size()), 1, RoundingMode.HALF_UP));
    return new ReuseRate(year, target(year), numerator, denominator, excluded, rate);
  }

  static String label(String outcome) {
    return switch (outcome) {
      case "INTERNAL_REUSE" -> "Réemploi interne";
      case "DONATION" -> "Don";
      case "RECONDITION" -> "Reconditionnement";
      case "RECYCLE" -> "Recyclage";
      default -> outcome;
    };
  }

  /** The status the asset had just before {@code instant}, or null if not yet registered. */
  static AssetStatus statusAt(AssetHistory h, Instant instant) {
    AssetStatus status = null;
    for (StatusChange c : h.changes()) {
      if (!c.at().isBefore(instant)) {
        break;
      }
      status = c.to();
    }
    return status;
  }

  /** When the run of retirement statuses the asset is in (or just left) before instant began. */
  private static Instant retirementStart(AssetHistory h, Instant before) {
    Instant start = null;
    AssetStatus previous = null;
    for (StatusChange c : h.changes()) {
      if (!c.at().isBefore(before)) {
        break;
      }
      if (RETIRED.contains(c.to()) && (previous == null || !RETIRED.contains(previous))) {
        start = c.at();
      }
      previous = c.to();
    }
    return start;
  }

  /** The retirement the asset is in at {@code instant} was later withdrawn (regularization). */
  private static boolean withdrawnAfter(AssetHistory h, Instant instant) {
    for (StatusChange c : h.changes()) {
      if (c.at().isBefore(instant)) {
        continue;
      }
      if (!RETIRED.contains(c.to())) {
        return c.from() == DECOMMISSIONING && c.to() == IN_SERVICE;
      }
    }
    return false;
  }

  private static String exclusion(
      AssetHistory h, Instant retiredAt, ReuseOutcome outcome, boolean withdrawn) {
    DecreeScope scope = DecreeScope.of(h.category());
    if (!scope.inScope()) {
      return scope.reason();
    }
    if (withdrawn) {
      return "retrait annulé lors de la régularisation de l'inventaire (non réformé)";
    }
    if (overTenYears(h, retiredAt, outcome)) {
      return "plus de 10 ans à la réforme (décret 2023-266 : orienté vers le recyclage)";
    }
    return null;
  }

  private static boolean overTenYears(AssetHistory h, Instant retiredAt, ReuseOutcome outcome) {
    if (h.acquisitionDate() != null && retiredAt != null) {
      LocalDate retired = retiredAt.atZone(PARIS).toLocalDate();
      return h.acquisitionDate().plusYears(10).isBefore(retired);
    }
    return outcome != null
        && outcome.ageYears() != null
        && outcome.ageYears().compareTo(BigDecimal.TEN) > 0;
  }

  private static Exclusion exclusion(AssetHistory h, String part, String reason) {
    return new Exclusion(h.assetId(), h.inventoryNumber(), h.category().label(), part, reason);
  }
}
