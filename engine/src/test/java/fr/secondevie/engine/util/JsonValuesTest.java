package fr.secondevie.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine's JSON value shape. Checks
 * https://docs.camunda.io/docs/components/concepts/variables/#variable-values.
 */
class JsonValuesTest {

  @Test
  void shouldParseOnlyObjectsAsVariableDocuments() {
    assertThat(JsonValues.parseObject("").value()).isEmpty();
    assertThat(JsonValues.parseObject("{\"a\": 1.5, \"b\": [1]}").value())
        .containsEntry("a", 1.5)
        .containsEntry("b", List.of(1L));
    assertThat(JsonValues.parseObject("[1]").failure()).contains("root level object");
    assertThat(JsonValues.parseObject("{oops").isOk()).isFalse();
  }

  @Test
  void shouldKeepFloatsAndTurnWholeFeelNumbersIntoLongs() {
    assertThat(JsonValues.toJson(JsonValues.parse("1.0").value())).isEqualTo("1.0");
    assertThat(JsonValues.normalize(new BigDecimal("3.000"))).isEqualTo(3L);
    assertThat(JsonValues.normalize(new BigDecimal("2.5"))).isEqualTo(2.5);
  }

  @Test
  void shouldWriteTemporalValuesAsIsoText() {
    assertThat(JsonValues.normalize(ZonedDateTime.parse("2025-01-01T10:00:00Z")))
        .isEqualTo("2025-01-01T10:00:00Z");
    assertThat(JsonValues.normalize(Map.of("d", java.time.Duration.ofHours(1))))
        .isEqualTo(Map.of("d", "PT1H"));
  }
}
