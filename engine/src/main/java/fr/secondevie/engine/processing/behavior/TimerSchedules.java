package fr.secondevie.engine.processing.behavior;

import fr.secondevie.engine.feel.ExpressionLanguage;
import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.TimerDefinition;
import fr.secondevie.engine.util.CronCycle;
import fr.secondevie.engine.util.Either;
import io.camunda.zeebe.model.bpmn.util.time.Interval;
import io.camunda.zeebe.model.bpmn.util.time.RepeatingInterval;
import io.camunda.zeebe.model.bpmn.util.time.TimeDateTimer;

/**
 * Computes due dates from timer definitions: ISO-8601 dates, durations ({@code P1DT2H}, with years,
 * months and weeks too), repeating intervals ({@code R3/PT10M}, {@code R/P1D}, {@code
 * R2/2025-01-01T09:00:00Z/P1D}) and cron cycles ({@code 0 0 9-17 * * MON-FRI}, repeating forever).
 * The ISO 8601 forms are read by {@code zeebe-bpmn-model}'s own time types (the ones Camunda's
 * model validation uses), cron by cron-utils ({@link CronCycle}).
 */
public final class TimerSchedules {

  /** When a timer is due, how many firings are left (-1 = unbounded) and the cycle interval. */
  public record Schedule(long dueDate, int repetitions, String interval) {}

  private TimerSchedules() {}

  public static Either<Schedule> schedule(
      TimerDefinition timer, ExpressionLanguage expressions, VariableLookup variables, long now) {
    Either<Object> value = expressions.evaluate(timer.expression(), variables);
    if (!value.isOk()) {
      return Either.fail(value.failure());
    }
    if (!(value.value() instanceof String text)) {
      return Either.fail(
          "Expected result of the expression '"
              + timer.expression().text()
              + "' to be a date, a duration or a cycle as a STRING, but was '"
              + fr.secondevie.engine.util.JsonValues.kind(value.value())
              + "'.");
    }
    return switch (timer.kind()) {
      case DATE -> date(text, now).map(due -> new Schedule(due, 1, null));
      case DURATION -> addInterval(now, text).map(due -> new Schedule(due, 1, null));
      case CYCLE -> cycle(text.strip(), now);
    };
  }

  /**
   * The next due date of a cycle after a firing (-1 when a cron expression never matches again).
   */
  public static long next(long previousDue, String interval) {
    if (CronCycle.isCron(interval)) {
      return CronCycle.parse(interval).value().next(previousDue);
    }
    return addInterval(previousDue, interval).value();
  }

  private static Either<Schedule> cycle(String text, long now) {
    if (CronCycle.isCron(text)) {
      return CronCycle.parse(text)
          .flatMap(
              cron -> {
                long due = cron.next(now);
                return due < 0
                    ? Either.fail("Expected the cron expression '" + text + "' to match a time")
                    : Either.ok(new Schedule(due, -1, text));
              });
    }
    if (!text.startsWith("R")) {
      return invalidCycle(text);
    }
    try {
      RepeatingInterval cycle = RepeatingInterval.parse(text);
      String interval = text.substring(text.lastIndexOf('/') + 1);
      return Either.ok(new Schedule(cycle.getDueDate(now), cycle.getRepetitions(), interval));
    } catch (RuntimeException e) {
      return invalidCycle(text);
    }
  }

  private static Either<Schedule> invalidCycle(String text) {
    return Either.fail(
        "Expected a time cycle as an ISO 8601 repeating interval like 'R3/PT10M', but was '"
            + text
            + "'");
  }

  private static Either<Long> date(String text, long now) {
    try {
      return Either.ok(TimeDateTimer.parse(text.strip()).getDueDate(now));
    } catch (RuntimeException e) {
      return Either.fail(
          "Expected a date time with a zone or offset like '2025-01-01T09:00:00Z', but was '"
              + text
              + "'");
    }
  }

  private static Either<Long> addInterval(long from, String text) {
    try {
      return Either.ok(Interval.parse(text.strip()).toEpochMilli(from));
    } catch (RuntimeException e) {
      return Either.fail(
          "Expected a duration in ISO 8601 format like 'PT10M' or 'P1D', but was '" + text + "'");
    }
  }
}
