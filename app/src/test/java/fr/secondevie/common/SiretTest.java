package fr.secondevie.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

  @ParameterizedTest
  @ValueSource(strings = {"73282932000074", "40483304800022", "44306184100047"})
  void shouldAcceptASiretWhoseLuhnKeyMatches(String value) {
    // when / then
    assertThat(Siret.problem(value)).isNull();
    assertThat(new Siret(value).siren()).isEqualTo(value.substring(0, 9));
  }

  @Test
  void shouldRefuseASiretWithOneDigitChanged() {
    // given
    String typo = "73282932000075";

    // when / then
    assertThat(Siret.problem(typo)).contains("clé de contrôle");
    assertThatThrownBy(() -> new Siret(typo)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"7328293200007", "732829320000744", "7328293200007A", ""})
  void shouldRefuseAnythingButFourteenDigits(String value) {
    // when / then
    assertThat(Siret.problem(value)).isNotNull();
  }

  @Test
  void shouldApplyInseesRuleToTheEstablishmentsOfLaPoste() {
    // given: SIREN 356 000 000, the digits add up to a multiple of 5 (not a Luhn number)
    String establishment = "35600000012341";
    String wrong = "35600000012342";

    // when / then
    assertThat(Siret.luhn(establishment)).isFalse();
    assertThat(Siret.problem(establishment)).isNull();
    assertThat(Siret.problem(wrong)).isNotNull();
    assertThat(Siret.problem("35600000000048")).as("head office, Luhn").isNull();
  }

  @Test
  void shouldAcceptSpacesAsPeopleTypeThem() {
    // when
    String normalized = Siret.normalize(" 732 829 320 00074 ");

    // then
    assertThat(normalized).isEqualTo("73282932000074");
    assertThat(new Siret(normalized).formatted()).isEqualTo("732 829 320 00074");
  }
}
