package fr.secondevie.reconditioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.common.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A completion's cost is bounded: a typing error is a field error, not a stored absurdity. */
class CompletionLimitsTests {

  static Completion costing(long cents) {
    return new Completion("RECONDITIONED", "Disque remplacé", null, cents, "B", 18);
  }

  @Test
  void shouldRefuseACostAboveTenMillionEuros() {
    assertThatThrownBy(() -> costing(Completion.MAX_COST_CENTS + 1).validate())
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.errors())
                    .containsOnlyKeys("costCents")
                    .containsValue("Le coût dépasse 10 000 000 € : vérifiez la saisie."));
    assertThatThrownBy(() -> costing(Long.MAX_VALUE).validate())
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void shouldAcceptACostUpToTenMillionEuros() {
    assertThat(costing(Completion.MAX_COST_CENTS).validate().costCents()).isEqualTo(1_000_000_000L);
  }
}
