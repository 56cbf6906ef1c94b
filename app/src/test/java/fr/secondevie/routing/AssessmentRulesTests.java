package fr.secondevie.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Age, residual value and OS support: the facts the decision reads. */
class AssessmentRulesTests {

  @ParameterizedTest(name = "{0} → {1}: {2} years")
  @CsvSource({
    "2016-03-12, 2026-03-12, 10.0",
    "2016-03-12, 2026-03-13, 10.00274",
    "2016-03-12, 2026-03-11, 9.99726",
    "2024-02-29, 2025-02-28, 1.0",
    "2025-01-01, 2025-07-02, 0.49863",
    "2026-03-12, 2026-03-12, 0.0",
  })
  void shouldComputeTheExactAgeInDecimalYears(LocalDate acquired, LocalDate on, double years) {
    assertThat(AssetAge.yearsBetween(acquired, on))
        .isCloseTo(years, org.assertj.core.data.Offset.offset(0.000005));
  }

  @Test
  void shouldHaveNoAgeWithoutAcquisitionDateOrBeforeIt() {
    assertThat(AssetAge.yearsBetween(null, LocalDate.of(2026, 1, 1))).isNull();
    assertThat(AssetAge.yearsBetween(LocalDate.of(2027, 1, 1), LocalDate.of(2026, 1, 1))).isNull();
  }

  @ParameterizedTest(name = "{0} cents, {1} years over {2} → {3} €")
  @CsvSource({
    "100000, 0.0, 5, 1000.00",
    "100000, 2.5, 5, 500.00",
    "100000, 4.0, 5, 200.00",
    "71240, 1.0, 4, 534.30",
    "100000, 5.0, 5, 0.00",
    "100000, 9.2, 5, 0.00",
    "150000, 4.0, 5, 300.00",
  })
  void shouldDepreciateLinearlyWithFloorZero(
      long cents, double age, int life, BigDecimal expected) {
    assertThat(Depreciation.residualValueEuros(cents, age, life)).isEqualByComparingTo(expected);
    assertThat(Depreciation.residualValueEuros(cents, age, life).scale()).isEqualTo(2);
  }

  @Test
  void shouldHaveNoResidualValueWithoutCostOrAge() {
    assertThat(Depreciation.residualValueEuros(null, 1.0, 5)).isNull();
    assertThat(Depreciation.residualValueEuros(1000L, null, 5)).isNull();
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(
      nullValues = "NULL",
      value = {
        "Windows 10 Entreprise, 2025-10-14, true",
        "Windows 10 Entreprise, 2025-10-15, false",
        "Microsoft Windows 10 Entreprise LTSC 2019, 2026-11-29, true",
        "Windows 11 Professionnel, 2026-11-29, true",
        "Windows 7 Professionnel, 2019-12-31, true",
        "Windows 7 Professionnel, 2020-01-15, false",
        "Windows 8.1 Pro, 2023-01-11, false",
        "Ubuntu 22.04 LTS, 2026-11-29, true",
        "Ubuntu 20.04 LTS, 2026-11-29, false",
        "macOS Sonoma, 2026-11-29, NULL",
        "'', 2026-11-29, NULL",
      })
  void shouldLookUpOperatingSystemSupport(String os, LocalDate on, Boolean supported) {
    assertThat(OsSupportTable.supported(os, on)).isEqualTo(supported);
  }
}
