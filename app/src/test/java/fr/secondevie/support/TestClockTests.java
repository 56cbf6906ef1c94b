package fr.secondevie.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The tests' clock: pinned, in Paris, moved only by the tests. */
class TestClockTests {

  @Test
  void shouldGiveTheParisDateAtHalfPastElevenUtcInWinter() {
    // given: 23:30 UTC is 00:30 the next day in Paris (UTC+1)
    TestClock clock = TestClock.startingAt(Instant.parse("2026-01-15T23:30:00Z"));

    // when
    LocalDate today = clock.today();

    // then
    assertThat(today).isEqualTo("2026-01-16");
    assertThat(LocalDate.now(clock)).isEqualTo("2026-01-16");
    assertThat(LocalDate.now(clock.withZone(ZoneId.of("UTC")))).isEqualTo("2026-01-15");
  }

  @Test
  void shouldGiveTheParisDateAtHalfPastElevenUtcInSummer() {
    // given: 23:30 UTC is 01:30 the next day in Paris (UTC+2)
    TestClock clock = TestClock.startingAt(Instant.parse("2026-07-15T23:30:00Z"));

    // when / then
    assertThat(clock.today()).isEqualTo("2026-07-16");
    assertThat(clock.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void shouldNotReadTheWallClockAndKeepReadingsInOrder() {
    // given
    Instant start = Instant.parse("2026-03-12T10:00:00Z");
    TestClock clock = TestClock.startingAt(start);

    // when
    Instant first = clock.instant();
    Instant second = clock.withZone(ZoneId.of("UTC")).instant();

    // then: one microsecond per reading, shared by the zoned views
    assertThat(first).isEqualTo(start.plusNanos(1_000));
    assertThat(second).isEqualTo(start.plusNanos(2_000));
  }

  @Test
  void shouldMoveOnlyWhenATestMovesItThenComeBack() {
    // given
    TestClock clock = TestClock.startingAt(Instant.parse("2026-03-12T10:00:00Z"));

    // when
    clock.advance(Duration.ofDays(31));
    LocalDate moved = clock.today();
    clock.reset();

    // then
    assertThat(moved).isEqualTo("2026-04-12");
    assertThat(clock.today()).isEqualTo("2026-03-12");
  }

  @Test
  void shouldStartAtThePropertyOrTheDefaultAndRefuseAnythingElse() {
    // when / then
    assertThat(TestClock.startInstant("2026-07-15T23:30:00Z"))
        .isEqualTo(Instant.parse("2026-07-15T23:30:00Z"));
    assertThat(TestClock.startInstant(" ")).isEqualTo(TestClock.DEFAULT_START);
    assertThat(TestClock.startInstant(null)).isEqualTo(TestClock.DEFAULT_START);
    assertThatThrownBy(() -> TestClock.startInstant("15/01/2026 23:30"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("secondevie.test.clock")
        .hasMessageContaining("15/01/2026 23:30");
  }
}
