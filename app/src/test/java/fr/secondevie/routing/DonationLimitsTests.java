package fr.secondevie.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.models.DmnFile;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The age limit and the donation cap read from the rules of {@code asset-route}. */
class DonationLimitsTests {

  static String bundledTable() throws IOException {
    return Files.readString(Path.of("..", "bpmn", "asset-route.dmn"), StandardCharsets.UTF_8);
  }

  static DonationLimits.Limits read(String xml) {
    return DonationLimits.read(
        DmnFile.read("asset-route.dmn", xml.getBytes(StandardCharsets.UTF_8)), 1L);
  }

  @Test
  void shouldReadTenYearsAnd300EurosFromTheBundledTable() throws IOException {
    // given
    String xml = bundledTable();

    // when
    DonationLimits.Limits limits = read(xml);

    // then
    assertThat(limits.maxAgeYears()).isEqualByComparingTo("10");
    assertThat(limits.unitValueCap()).isEqualByComparingTo("300");
  }

  @Test
  void shouldReadTheFiguresAnOwnerChanged() throws IOException {
    // given
    String xml =
        bundledTable()
            .replace(
                "<inputEntry id=\"rule-over-ten-years-age-years\">\n          <text>&gt; 10</text>",
                "<inputEntry id=\"rule-over-ten-years-age-years\">\n          <text>&gt; 8</text>")
            .replace("<text>&lt;= 300</text>", "<text>&lt;= 250.50</text>");

    // when
    DonationLimits.Limits limits = read(xml);

    // then
    assertThat(limits.maxAgeYears()).isEqualByComparingTo(new BigDecimal("8"));
    assertThat(limits.unitValueCap()).isEqualByComparingTo(new BigDecimal("250.50"));
  }

  @Test
  void shouldRefuseATableWhoseFiguresCannotBeReadRatherThanGuess() throws IOException {
    // given a donation rule without a cap
    String xml = bundledTable().replace("<text>&lt;= 300</text>", "<text>-</text>");

    // when / then
    assertThatThrownBy(() -> read(xml))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("rule-donation");
  }
}
