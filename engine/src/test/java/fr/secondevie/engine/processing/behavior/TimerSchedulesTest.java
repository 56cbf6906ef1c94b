package fr.secondevie.engine.processing.behavior;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.engine.feel.ExpressionLanguage;
import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.TimerDefinition;
import fr.secondevie.engine.model.TimerDefinition.Kind;
import fr.secondevie.engine.processing.behavior.TimerSchedules.Schedule;
import fr.secondevie.engine.util.Either;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Due dates of timer definitions. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/timer-events/#time-duration and the sections
 * on dates and cycles of the same page.
 */
class TimerSchedulesTest {

  private static final ExpressionLanguage FEEL = new ExpressionLanguage(Clock.systemUTC());
  private static final long NOW = Instant.parse("2025-01-31T10:00:00Z").toEpochMilli();

  private static Either<Schedule> schedule(Kind kind, String raw, Map<String, Object> vars) {
    return TimerSchedules.schedule(
        new TimerDefinition(kind, FEEL.parse(raw).value()), FEEL, VariableLookup.of(vars), NOW);
  }

  private static long at(String instant) {
    return Instant.parse(instant).toEpochMilli();
  }

  @Test
  void shouldAddDurationsWithCalendarParts() {
    assertThat(schedule(Kind.DURATION, "PT10M", Map.of()).value().dueDate())
        .isEqualTo(at("2025-01-31T10:10:00Z"));
    assertThat(schedule(Kind.DURATION, "P1M", Map.of()).value().dueDate())
        .isEqualTo(at("2025-02-28T10:00:00Z"));
    assertThat(schedule(Kind.DURATION, "P1DT2H", Map.of()).value().dueDate())
        .isEqualTo(at("2025-02-01T12:00:00Z"));
    assertThat(schedule(Kind.DURATION, "-PT1H", Map.of()).value().dueDate())
        .isEqualTo(at("2025-01-31T09:00:00Z"));
  }

  @Test
  void shouldReadDatesWithOffsetOrZone() {
    assertThat(schedule(Kind.DATE, "2025-03-01T09:00:00+01:00", Map.of()).value().dueDate())
        .isEqualTo(at("2025-03-01T08:00:00Z"));
    assertThat(
            schedule(Kind.DATE, "2025-07-01T09:00:00+02:00[Europe/Paris]", Map.of())
                .value()
                .dueDate())
        .isEqualTo(at("2025-07-01T07:00:00Z"));
  }

  @Test
  void shouldReadCyclesWithAndWithoutStart() {
    Schedule bounded = schedule(Kind.CYCLE, "R3/PT10M", Map.of()).value();
    assertThat(bounded.repetitions()).isEqualTo(3);
    assertThat(bounded.dueDate()).isEqualTo(at("2025-01-31T10:10:00Z"));
    assertThat(TimerSchedules.next(bounded.dueDate(), bounded.interval()))
        .isEqualTo(at("2025-01-31T10:20:00Z"));

    Schedule unbounded = schedule(Kind.CYCLE, "R/P1D", Map.of()).value();
    assertThat(unbounded.repetitions()).isEqualTo(-1);

    Schedule started = schedule(Kind.CYCLE, "R2/2025-02-01T08:00:00Z/P1D", Map.of()).value();
    assertThat(started.dueDate()).isEqualTo(at("2025-02-01T08:00:00Z"));
  }

  @Test
  void shouldEvaluateExpressionsAndReportBadValues() {
    assertThat(schedule(Kind.DURATION, "=wait", Map.of("wait", "PT1H")).value().dueDate())
        .isEqualTo(at("2025-01-31T11:00:00Z"));
    assertThat(schedule(Kind.DURATION, "=duration(\"PT2H\")", Map.of()).value().dueDate())
        .isEqualTo(at("2025-01-31T12:00:00Z"));
    assertThat(schedule(Kind.DURATION, "=missing", Map.of()).isOk()).isFalse();
    assertThat(schedule(Kind.DATE, "tomorrow", Map.of()).failure())
        .startsWith("Expected a date time");
  }

  @Test
  void shouldScheduleCronCyclesInSpringFormatForever() {
    // 2025-01-31T10:00:00Z is a Friday
    Schedule workingHours = schedule(Kind.CYCLE, "0 0 9-17 * * MON-FRI", Map.of()).value();
    assertThat(workingHours.dueDate()).isEqualTo(at("2025-01-31T11:00:00Z"));
    assertThat(workingHours.repetitions()).isEqualTo(-1);
    assertThat(TimerSchedules.next(at("2025-01-31T17:00:00Z"), workingHours.interval()))
        .isEqualTo(at("2025-02-03T09:00:00Z"));
    assertThat(schedule(Kind.CYCLE, "0 */15 * * * *", Map.of()).value().dueDate())
        .isEqualTo(at("2025-01-31T10:15:00Z"));
    assertThat(schedule(Kind.CYCLE, "0 30 8 1 * ?", Map.of()).value().dueDate())
        .isEqualTo(at("2025-02-01T08:30:00Z"));
    assertThat(schedule(Kind.CYCLE, "@daily", Map.of()).value().dueDate())
        .isEqualTo(at("2025-02-01T00:00:00Z"));
    assertThat(schedule(Kind.CYCLE, "0 0 12 29 FEB *", Map.of()).value().dueDate())
        .isEqualTo(at("2028-02-29T12:00:00Z"));
  }

  @Test
  void shouldScheduleTheFullSpringCronSyntax() {
    // given 2025-01-31T10:00:00Z, a Friday, the last day of January
    // when / then: L = last day of the month
    assertThat(schedule(Kind.CYCLE, "0 0 12 L * *", Map.of()).value().dueDate())
        .isEqualTo(at("2025-01-31T12:00:00Z"));
    // # = the n-th day of the week in the month: the first Monday of February
    assertThat(schedule(Kind.CYCLE, "0 0 9 ? * MON#1", Map.of()).value().dueDate())
        .isEqualTo(at("2025-02-03T09:00:00Z"));
    // W = nearest weekday: 15 February 2025 is a Saturday, so Friday the 14th
    assertThat(
            TimerSchedules.next(
                at("2025-02-01T00:00:00Z"),
                schedule(Kind.CYCLE, "0 0 9 15W * ?", Map.of()).value().interval()))
        .isEqualTo(at("2025-02-14T09:00:00Z"));
    // last Friday of the month
    assertThat(
            TimerSchedules.next(
                at("2025-02-01T00:00:00Z"),
                schedule(Kind.CYCLE, "0 0 18 ? * 5L", Map.of()).value().interval()))
        .isEqualTo(at("2025-02-28T18:00:00Z"));
  }

  @Test
  void shouldRejectCronExpressionsItCannotRead() {
    assertThat(schedule(Kind.CYCLE, "0 0 25 * * *", Map.of()).failure())
        .contains("Expected a cron expression")
        .contains("'0 0 25 * * *'");
    assertThat(schedule(Kind.CYCLE, "0 0 * * *", Map.of()).failure()).contains("6 fields");
    assertThat(schedule(Kind.CYCLE, "0 0 12 ? * MON#6", Map.of()).isOk()).isFalse();
  }
}
