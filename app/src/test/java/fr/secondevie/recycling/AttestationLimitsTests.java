package fr.secondevie.recycling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.common.InvalidInputException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The attestation's amounts are bounded: a huge amount is a field error, never a 500. */
class AttestationLimitsTests {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

  @ParameterizedTest
  @ValueSource(strings = {"10000000.01", "123456789012345678901234567890", "1E+400"})
  void shouldRefuseAnInvoiceTooLargeForItsColumn(String amount) {
    assertThatThrownBy(
            () ->
                AttestationRecord.validate(
                    "CR-1",
                    TODAY,
                    "EA-1",
                    new BigDecimal(amount),
                    new BigDecimal("10"),
                    null,
                    TODAY,
                    TODAY))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.errors()).containsOnlyKeys("invoiceAmountExclTax");
              assertThat(e.errors().get("invoiceAmountExclTax")).contains("dépasse 10 000 000 €");
            });
  }
}
