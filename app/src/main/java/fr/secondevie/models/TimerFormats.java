package fr.secondevie.models;

import java.time.Duration;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.scheduling.support.CronExpression;

/**
 * The literal timer values a Camunda 8 runtime accepts (an expression, starting with {@code =}, is
 * evaluated at run time and not checked here): an ISO 8601 duration ({@code P2D}, {@code
 * P1Y2M3DT4H}), an ISO 8601 date-time with its offset or zone, and as cycle an ISO 8601 repetition
 * ({@code R/P3D}, {@code R5/PT1H}, {@code R/2026-01-01T08:00:00Z/P1D}) or a cron expression of six
 * fields (seconds first).
 */
final class TimerFormats {

  private static final Pattern REPETITIONS = Pattern.compile("R\\d*");

  private TimerFormats() {}

  /** Why the duration cannot be read, or null when it can. */
  static String durationProblem(String value) {
    return isDuration(value) ? null : "durée ISO 8601 illisible « " + value + " » (ex. P2D, PT4H)";
  }

  /** Why the date cannot be read, or null when it can. */
  static String dateProblem(String value) {
    return isDate(value)
        ? null
        : "date ISO 8601 illisible « " + value + " » (ex. 2026-01-31T08:00:00+01:00)";
  }

  /** Why the cycle cannot be read, or null when it can. */
  static String cycleProblem(String value) {
    if (value.startsWith("R")) {
      String[] parts = value.split("/", -1);
      boolean valid =
          REPETITIONS.matcher(parts[0]).matches()
              && ((parts.length == 2 && isDuration(parts[1]))
                  || (parts.length == 3 && isDate(parts[1]) && isDuration(parts[2])));
      return valid
          ? null
          : "cycle ISO 8601 illisible « " + value + " » (ex. R/P3D, R5/PT1H, R/<date>/P1D)";
    }
    return CronExpression.isValidExpression(value)
        ? null
        : "cycle illisible « " + value + " » : ni répétition ISO 8601 (R/P3D) ni expression cron";
  }

  static boolean isDuration(String value) {
    if (!value.startsWith("P") && !value.startsWith("-P")) {
      return false;
    }
    int time = value.indexOf('T');
    try {
      if (time < 0) {
        Period.parse(value);
      } else if (time == 1) {
        Duration.parse(value);
      } else {
        Period.parse(value.substring(0, time));
        Duration.parse("P" + value.substring(time));
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static boolean isDate(String value) {
    try {
      ZonedDateTime.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }
}
