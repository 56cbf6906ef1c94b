package fr.secondevie.indicators;

import static fr.secondevie.indicators.Histories.asset;
import static fr.secondevie.inventory.AssetCategory.DESKTOP;
import static fr.secondevie.inventory.AssetCategory.LAPTOP;
import static fr.secondevie.inventory.AssetCategory.MONITOR;
import static fr.secondevie.inventory.AssetCategory.SERVER;
import static fr.secondevie.inventory.AssetStatus.DECOMMISSIONING;
import static fr.secondevie.inventory.AssetStatus.DONATED;
import static fr.secondevie.inventory.AssetStatus.DONATION_PENDING;
import static fr.secondevie.inventory.AssetStatus.IN_SERVICE;
import static fr.secondevie.inventory.AssetStatus.IN_STOCK;
import static fr.secondevie.inventory.AssetStatus.RECONDITIONING;
import static fr.secondevie.inventory.AssetStatus.RECYCLED;
import static fr.secondevie.inventory.AssetStatus.RECYCLING_PENDING;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.indicators.ReuseRate.Exclusion;
import fr.secondevie.indicators.ReuseRate.Item;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReuseRateCalculatorTest {

  @Test
  void shouldCountAnItemRetiredInDecemberInBAndItsJanuaryDonationInAOfTheNextYear() {
    // given
    Histories donated =
        asset("D-1", DESKTOP)
            .retiredOn("2024-12-10")
            .then("2024-12-20T09:00:00Z", DONATION_PENDING)
            .then("2025-01-15T14:00:00Z", DONATED);
    Histories recycled =
        asset("R-1", LAPTOP)
            .retiredOn("2024-11-05")
            .then("2024-11-06T09:00:00Z", RECYCLING_PENDING)
            .then("2025-02-01T09:00:00Z", RECYCLED);
    List<AssetHistory> histories = List.of(donated.build(), recycled.build());
    List<ReuseOutcome> outcomes =
        List.of(donated.donation("2025-01-15", true), recycled.outcome("RECYCLE", "2025-02-01"));

    // when
    ReuseRate y2025 = ReuseRateCalculator.compute(2025, histories, outcomes);
    ReuseRate y2024 = ReuseRateCalculator.compute(2024, histories, outcomes);

    // then: 2025: B = both (in stock on 1 January), A = the donation: 1/2 = 50 %, target 50 %
    assertThat(numbers(y2025.denominator())).containsExactlyInAnyOrder("D-1", "R-1");
    assertThat(numbers(y2025.numerator())).containsExactly("D-1");
    assertThat(y2025.rate()).contains(new BigDecimal("50.0"));
    assertThat(y2025.target()).isEqualTo(50);
    assertThat(y2025.targetReached()).contains(true);
    assertThat(y2025.display()).isEqualTo("50,0 %");
    // 2024: both were in service on 1 January 2024 and nothing was oriented in 2024
    assertThat(y2024.b()).isZero();
    assertThat(y2024.a()).isZero();
    assertThat(y2024.target()).isEqualTo(35);
  }

  @Test
  void shouldExcludeAnItemOverTenYearsOldAtRetirementFromAAndB() {
    // given: bought June 2013, retired November 2024 (11 years), then donated in 2025
    Histories old =
        asset("OLD-1", MONITOR)
            .acquired("2013-06-01")
            .retiredOn("2024-11-04")
            .then("2024-11-10T09:00:00Z", DONATION_PENDING)
            .then("2025-03-03T09:00:00Z", DONATED);
    // bought 10 years to the day before its retirement: not "over 10 years"
    Histories tenYears = asset("TEN-1", MONITOR).acquired("2014-11-04").retiredOn("2024-11-04");

    // when
    ReuseRate rate =
        ReuseRateCalculator.compute(
            2025,
            List.of(old.build(), tenYears.build()),
            List.of(old.donation("2025-03-03", true)));

    // then
    assertThat(numbers(rate.denominator())).containsExactly("TEN-1");
    assertThat(rate.numerator()).isEmpty();
    assertThat(rate.excluded())
        .extracting(Exclusion::inventoryNumber, Exclusion::part)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("OLD-1", "B"),
            org.assertj.core.groups.Tuple.tuple("OLD-1", "A"));
    assertThat(rate.excluded()).allMatch(e -> e.reason().contains("plus de 10 ans"));
    assertThat(rate.rate()).contains(new BigDecimal("0.0"));
  }

  @Test
  void shouldNotCountADonationWithoutAPriorReuseCommitment() {
    // given
    Histories committed = asset("C-1", LAPTOP).retiredOn("2024-06-01");
    Histories notCommitted = asset("N-1", LAPTOP).retiredOn("2024-06-01");

    // when
    ReuseRate rate =
        ReuseRateCalculator.compute(
            2024,
            List.of(committed.build(), notCommitted.build()),
            List.of(
                committed.donation("2024-09-01", true),
                notCommitted.donation("2024-09-02", false)));

    // then
    assertThat(numbers(rate.numerator())).containsExactly("C-1");
    assertThat(rate.excluded())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.inventoryNumber()).isEqualTo("N-1");
              assertThat(e.part()).isEqualTo("A");
              assertThat(e.reason()).contains("sans engagement préalable de réemploi");
            });
  }

  @Test
  void shouldCountAFallbackRouteOnce() {
    // given: donation refused, then reconditioned and back in stock; one fact, recorded twice
    Histories fallback =
        asset("F-1", DESKTOP)
            .retiredOn("2025-02-01")
            .then("2025-02-02T09:00:00Z", DONATION_PENDING)
            .then("2025-03-01T09:00:00Z", RECONDITIONING)
            .then("2025-04-01T09:00:00Z", IN_STOCK);

    // when
    ReuseRate rate =
        ReuseRateCalculator.compute(
            2025,
            List.of(fallback.build()),
            List.of(
                fallback.outcome("RECONDITION", "2025-04-01"),
                fallback.outcome("RECONDITION", "2025-04-01")));

    // then
    assertThat(numbers(rate.numerator())).containsExactly("F-1");
    assertThat(rate.numerator().get(0).detail()).isEqualTo("Reconditionnement le 01/04/2025");
  }

  @Test
  void shouldLeaveOutAnAssetWithdrawnAtRegularization() {
    // given: retirement started in December, withdrawn in January (inventory regularization)
    Histories withdrawn =
        asset("W-1", DESKTOP)
            .then("2024-12-20T09:00:00Z", DECOMMISSIONING)
            .then("2025-01-10T09:00:00Z", IN_SERVICE);
    Histories retired = asset("K-1", DESKTOP).retiredOn("2024-12-20");

    // when
    ReuseRate rate =
        ReuseRateCalculator.compute(2025, List.of(withdrawn.build(), retired.build()), List.of());

    // then
    assertThat(numbers(rate.denominator())).containsExactly("K-1");
    assertThat(rate.excluded())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.inventoryNumber()).isEqualTo("W-1");
              assertThat(e.reason()).contains("régularisation");
            });
    assertThat(rate.rate()).contains(new BigDecimal("0.0"));
  }

  @Test
  void shouldPlaceTheYearBoundaryAtMidnightInParis() {
    // given: 22:30 UTC on 31 December is 23:30 in Paris (winter, UTC+1): still 2024
    Histories before = asset("BEFORE", LAPTOP).then("2024-12-31T22:30:00Z", DECOMMISSIONING);
    // 23:30 UTC on 31 December is 00:30 on 1 January 2025 in Paris
    Histories after = asset("AFTER", LAPTOP).then("2024-12-31T23:30:00Z", DECOMMISSIONING);
    // an outcome dated 1 January (Paris) belongs to 2025
    Histories reused =
        asset("REUSED", LAPTOP).retiredOn("2024-10-01").then("2024-12-31T23:10:00Z", IN_STOCK);

    // when
    ReuseRate rate =
        ReuseRateCalculator.compute(
            2025,
            List.of(before.build(), after.build(), reused.build()),
            List.of(reused.outcome("INTERNAL_REUSE", "2025-01-01")));

    // then
    assertThat(numbers(rate.denominator())).containsExactlyInAnyOrder("BEFORE", "REUSED");
    assertThat(numbers(rate.numerator())).containsExactly("REUSED");
    assertThat(rate.rate()).contains(new BigDecimal("50.0"));
  }

  @Test
  void shouldShowNonCalculableWhenNothingWasInStockOnFirstJanuary() {
    // given: retired and reused within the year, nothing in stock on 1 January
    Histories reused = asset("Z-1", LAPTOP).retiredOn("2025-03-01");

    // when
    ReuseRate rate =
        ReuseRateCalculator.compute(
            2025, List.of(reused.build()), List.of(reused.outcome("INTERNAL_REUSE", "2025-05-01")));

    // then
    assertThat(rate.b()).isZero();
    assertThat(rate.a()).isEqualTo(1);
    assertThat(rate.rate()).isEmpty();
    assertThat(rate.display()).isEqualTo("non calculable");
    assertThat(rate.targetReached()).isEmpty();
  }

  @Test
  void shouldExcludeCategoriesOutsideTheDecreeWithTheirReason() {
    // given
    Histories server = asset("S-1", SERVER).retiredOn("2024-05-01");

    // when
    ReuseRate rate = ReuseRateCalculator.compute(2025, List.of(server.build()), List.of());

    // then
    assertThat(rate.b()).isZero();
    assertThat(rate.excluded())
        .singleElement()
        .satisfies(e -> assertThat(e.reason()).contains("hors champ"));
  }

  @Test
  void shouldHaveNoTargetBefore2023() {
    assertThat(ReuseRateCalculator.target(2022)).isNull();
    assertThat(ReuseRateCalculator.target(2023)).isEqualTo(25);
    assertThat(ReuseRateCalculator.target(2024)).isEqualTo(35);
    assertThat(ReuseRateCalculator.target(2031)).isEqualTo(50);
  }

  private static List<String> numbers(List<Item> items) {
    return items.stream().map(Item::inventoryNumber).toList();
  }
}
