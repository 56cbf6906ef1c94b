package fr.secondevie.engine.util;

import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A timer cycle written as a cron expression, read by cron-utils with the Spring 5.3 definition —
 * the syntax Camunda accepts: six fields (second to day of week), names, ranges, steps, lists,
 * {@code ?}, {@code L}, {@code W}, {@code #} and the macros ({@code @daily}, {@code @hourly}…).
 * Times are UTC, as every date of the engine.
 */
public final class CronCycle {

  private static final CronDefinition SPRING =
      CronDefinitionBuilder.instanceDefinitionFor(com.cronutils.model.CronType.SPRING53);
  private static final CronParser PARSER = new CronParser(SPRING);

  private final ExecutionTime executionTime;

  private CronCycle(ExecutionTime executionTime) {
    this.executionTime = executionTime;
  }

  /** Whether the text looks like a cron expression rather than an ISO 8601 interval. */
  public static boolean isCron(String text) {
    String value = text.strip();
    return value.startsWith("@") || value.contains(" ");
  }

  public static Either<CronCycle> parse(String text) {
    String value = text.strip();
    if (!value.startsWith("@")) {
      int fields = value.split("\\s+").length;
      if (fields != 6) {
        return Either.fail(
            "Expected a cron expression of 6 fields (second minute hour day-of-month month"
                + " day-of-week) but '"
                + text
                + "' has "
                + fields
                + " fields");
      }
    }
    try {
      return Either.ok(new CronCycle(ExecutionTime.forCron(PARSER.parse(value))));
    } catch (IllegalArgumentException e) {
      return Either.fail("Expected a cron expression but '" + text + "' is not: " + e.getMessage());
    }
  }

  /** The first matching time strictly after the given one, in epoch milliseconds; -1 if none. */
  public long next(long afterMillis) {
    ZonedDateTime after =
        ZonedDateTime.ofInstant(Instant.ofEpochMilli(afterMillis), ZoneOffset.UTC);
    Optional<ZonedDateTime> next = executionTime.nextExecution(after);
    return next.map(time -> time.toInstant().toEpochMilli()).orElse(-1L);
  }
}
