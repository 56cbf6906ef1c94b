package fr.secondevie.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTests {

  @Test
  void shouldWriteAMomentAsParisTimeInWords() {
    // given: 13:05 UTC in March is 14:05 in Paris
    Instant instant = Instant.parse("2026-03-12T13:05:42Z");

    // when
    String text = new Formats().moment(instant);

    // then
    assertThat(text).isEqualTo("12/03/2026 à 14:05");
    assertThat(new Formats().moment(null)).isEqualTo("—");
  }
}
