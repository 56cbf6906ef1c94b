package fr.secondevie.recycling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Trackdéchets slip numbers: {@code <type>-<YYYYMMDD>-<9 characters>}. */
class WasteTrackingNumberTests {

  static final LocalDate PICKUP = LocalDate.of(2026, 3, 12);

  @ParameterizedTest
  @CsvSource({
    "BSD-20260310-A1B2C3D4E, BSD",
    "' bsd-20260312-k7p9x2m4q ', BSD",
    "BSDA-20251201-000000001, BSDA",
    "DASRI-20260101-ZZZZZZZZZ, DASRI",
    "FF-20240605-ABCDEFGHJ, FF",
    "VHU-20230911-123456789, VHU"
  })
  void shouldAcceptTrackdechetsNumbers(String text, String type) {
    // when
    StringBuilder error = new StringBuilder();
    Optional<WasteTrackingNumber> number = WasteTrackingNumber.parse(text, PICKUP, error);

    // then
    assertThat(number).hasValueSatisfying(n -> assertThat(n.type()).isEqualTo(type));
    assertThat(number.get().value()).isEqualTo(text.strip().toUpperCase());
    assertThat(error).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "'', Indiquez le numéro",
    "BSD-2026031-A1B2C3D4E, n'est pas un numéro de bordereau Trackdéchets",
    "BSD-20260310-A1B2C3D4, n'est pas un numéro",
    "BSD-20260310-A1B2C3D4E5, n'est pas un numéro",
    "BSD_20260310_A1B2C3D4E, n'est pas un numéro",
    "XYZ-20260310-A1B2C3D4E, n'est pas un numéro",
    "BSD-20260310-A1B2C3D4É, n'est pas un numéro",
    "12571*01, n'est pas un numéro",
    "BSD-20260230-A1B2C3D4E, n'existe pas",
    "BSD-20260313-A1B2C3D4E, doit précéder l'enlèvement du 2026-03-12",
    "BSD-20190101-A1B2C3D4E, doit précéder"
  })
  void shouldRefuseAnythingElseWithTheReason(String text, String reason) {
    // when
    StringBuilder error = new StringBuilder();
    Optional<WasteTrackingNumber> number = WasteTrackingNumber.parse(text, PICKUP, error);

    // then
    assertThat(number).isEmpty();
    assertThat(error.toString()).contains(reason);
  }

  @Test
  void shouldAcceptASlipCreatedOnThePickupDay() {
    assertThat(WasteTrackingNumber.parse("BSD-20260312-A1B2C3D4E", PICKUP, new StringBuilder()))
        .isPresent();
  }
}
