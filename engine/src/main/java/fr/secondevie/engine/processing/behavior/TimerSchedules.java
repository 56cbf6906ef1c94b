package fr.secondevie.engine.processing.behavior;

import fr.secondevie.engine.feel.ExpressionLanguage;
import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.TimerDefinition;
import fr.secondevie.engine.util.CronExpression;
import fr.secondevie.engine.util.Either;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Computes due dates from timer definitions: ISO-8601 dates, durations ({@code P1DT2H}, with years,
 * months and weeks too), repeating intervals ({@code R3/PT10M}, {@code R/P1D}, {@code
 * R2/2025-01-01T09:00:00Z/P1D}) and cron cycles ({@code 0 0 9-17 * * MON-FRI}, repeating forever).
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
      case DATE -> date(text).map(due -> new Schedule(due, 1, null));
      case DURATION -> addInterval(now, text).map(due -> new Schedule(due, 1, null));
      case CYCLE -> cycle(text.strip(), now);
    };
  }

  /**
   * The next due date of a cycle after a firing (-1 when a cron expression never matches again).
   */
  public static long next(long previousDue, String interval) {
    if (CronExpression.isCron(interval)) {
      return CronExpression.parse(interval).value().next(previousDue);
    }
    return addInterval(previousDue, interval).value();
  }

  private static Either<Schedule> cycle(String text, long now) {
    if (CronExpression.isCron(text)) {
      return CronExpression.parse(text)
          .flatMap(
              cron -> {
                long due = cron.next(now);
                return due < 0
                    ? Either.fail("Expected the cron expression '" + text + "' to match a time")
                    : Either.ok(new Schedule(due, -1, text));
              });
    }
    String[] parts = text.split("/");
    if (parts.length < 2 || !parts[0].startsWith("R")) {
      return Either.fail(
          "Expected a time cycle as an ISO 8601 repeating interval like 'R3/PT10M', but was '"
              + text
              + "'");
    }
    int repetitions;
    try {
      repetitions = parts[0].length() == 1 ? -1 : Integer.parseInt(parts[0].substring(1));
    } catch (NumberFormatException e) {
      return Either.fail("Expected a number of repetitions in '" + text + "', but was not");
    }
    String interval = parts[parts.length - 1];
    if (parts.length == 3) {
      return date(parts[1]).map(start -> new Schedule(start, repetitions, interval));
    }
    return addInterval(now, interval).map(due -> new Schedule(due, repetitions, interval));
  }

  private static Either<Long> date(String text) {
    try {
      return Either.ok(ZonedDateTime.parse(text.strip()).toInstant().toEpochMilli());
    } catch (DateTimeParseException e) {
      return Either.fail(
          "Expected a date time with a zone or offset like '2025-01-01T09:00:00Z', but was '"
              + text
              + "'");
    }
  }

  private static Either<Long> addInterval(long from, String text) {
    String value = text.strip();
    boolean negative = value.startsWith("-");
    if (negative) {
      value = value.substring(1);
    }
    if (!value.startsWith("P")) {
      return invalidDuration(text);
    }
    int timeIndex = value.indexOf('T');
    String datePart = timeIndex < 0 ? value.substring(1) : value.substring(1, timeIndex);
    String timePart = timeIndex < 0 ? "" : value.substring(timeIndex + 1);
    try {
      ZonedDateTime start = ZonedDateTime.ofInstant(Instant.ofEpochMilli(from), ZoneOffset.UTC);
      Period period = datePart.isEmpty() ? Period.ZERO : Period.parse("P" + datePart);
      Duration duration = timePart.isEmpty() ? Duration.ZERO : Duration.parse("PT" + timePart);
      ZonedDateTime due =
          negative ? start.minus(period).minus(duration) : start.plus(period).plus(duration);
      return Either.ok(due.toInstant().toEpochMilli());
    } catch (DateTimeParseException e) {
      return invalidDuration(text);
    }
  }

  private static Either<Long> invalidDuration(String text) {
    return Either.fail(
        "Expected a duration in ISO 8601 format like 'PT10M' or 'P1D', but was '" + text + "'");
  }
}
