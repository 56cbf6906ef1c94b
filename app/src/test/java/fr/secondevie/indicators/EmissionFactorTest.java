package fr.secondevie.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmissionFactorTest {

  static final List<EmissionFactor> FACTORS =
      List.of(
          new EmissionFactor(
              "v1", LocalDate.of(2000, 1, 1), "DESKTOP", new BigDecimal("204.4"), "ADEME-Arcep"),
          new EmissionFactor(
              "v2", LocalDate.of(2026, 7, 1), "DESKTOP", new BigDecimal("161.0"), "eReuse2026"),
          new EmissionFactor(
              "v1", LocalDate.of(2000, 1, 1), "LAPTOP", new BigDecimal("182.6"), "ADEME-Arcep"));

  @Test
  void shouldApplyANewVersionOnlyFromItsDate() {
    // when
    var before = EmissionFactor.applicable(FACTORS, "DESKTOP", LocalDate.of(2026, 6, 30));
    var from = EmissionFactor.applicable(FACTORS, "DESKTOP", LocalDate.of(2026, 7, 1));

    // then
    assertThat(before).get().extracting(EmissionFactor::version).isEqualTo("v1");
    assertThat(from).get().extracting(EmissionFactor::version).isEqualTo("v2");
  }

  @Test
  void shouldHaveNoFactorForACategoryWithoutASourcedValue() {
    assertThat(EmissionFactor.applicable(FACTORS, "NETWORK_SWITCH", LocalDate.of(2025, 1, 1)))
        .isEmpty();
  }

  @Test
  void shouldDeductTheConfiguredShareOfTheLabourCost() {
    // given: two lots, labour cost 1 000,00 € + 333,33 €, rate 30 %
    YearFigures.AdaptedSector sector =
        new YearFigures.AdaptedSector(
            List.of(lot("L-1", 100_000L, 150_000L), lot("L-2", 33_333L, 50_000L)),
            new BigDecimal("0.30"),
            "D.5212-21");

    // then: 1 333,33 × 0,30 = 399,999 → 400,00 €
    assertThat(sector.labourCostCents()).isEqualTo(133_333);
    assertThat(sector.invoicedCents()).isEqualTo(200_000);
    assertThat(sector.deductionCents()).isEqualTo(40_000);
    assertThat(sector.units()).isEqualTo(20);
    assertThat(sector.weightKg()).isEqualByComparingTo("120.0");
  }

  private static YearFigures.Lot lot(String number, long labour, long invoice) {
    return new YearFigures.Lot(
        number,
        "ESAT La Roseraie",
        "ESAT",
        "12345678901234",
        10,
        new BigDecimal("60.0"),
        invoice,
        labour,
        "ATT-" + number,
        "CR-" + number,
        "BSD-" + number,
        LocalDate.of(2025, 3, 1));
  }
}
