package fr.secondevie.engine.util;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * A cron expression in the Spring 5.3 format that Camunda accepts for timer cycles: six fields
 * (second, minute, hour, day of month, month, day of week) with {@code *}, {@code ?}, values,
 * ranges, steps and lists, month and day names ({@code JAN}, {@code MON-FRI}), and the macros
 * {@code @yearly}, {@code @monthly}, {@code @weekly}, {@code @daily}, {@code @midnight}, {@code
 * @hourly}. Like Spring, a time matches when every field matches (day of month and day of week
 * both). {@code L}, {@code W} and {@code #} are not supported. Times are UTC, as every date of the
 * engine.
 */
public final class CronExpression {

  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 0 1 1 *",
          "@annually", "0 0 0 1 1 *",
          "@monthly", "0 0 0 1 * *",
          "@weekly", "0 0 0 * * 0",
          "@daily", "0 0 0 * * *",
          "@midnight", "0 0 0 * * *",
          "@hourly", "0 0 * * * *");
  private static final String[] MONTHS = {
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"
  };
  private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

  /** Far enough to find Feb 29 on a given weekday, and to stop on expressions that never match. */
  private static final int MAX_DAYS = 366 * 28;

  private final BitSet seconds;
  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;

  private CronExpression(String[] fields) {
    this.seconds = field(fields[0], 0, 59, null);
    this.minutes = field(fields[1], 0, 59, null);
    this.hours = field(fields[2], 0, 23, null);
    this.daysOfMonth = field(fields[3], 1, 31, null);
    this.months = field(fields[4], 1, 12, MONTHS);
    BitSet days = field(fields[5], 0, 7, DAYS);
    if (days.get(7)) {
      days.set(0); // 7 is Sunday too
    }
    this.daysOfWeek = days;
  }

  /** Whether the text looks like a cron expression rather than an ISO 8601 interval. */
  public static boolean isCron(String text) {
    String value = text.strip();
    return value.startsWith("@") || value.contains(" ");
  }

  public static Either<CronExpression> parse(String text) {
    String value = text.strip();
    value = MACROS.getOrDefault(value.toLowerCase(Locale.ROOT), value);
    String[] fields = value.split("\\s+");
    if (fields.length != 6) {
      return invalid(text, "it has " + fields.length + " fields instead of 6");
    }
    try {
      return Either.ok(new CronExpression(fields));
    } catch (IllegalArgumentException e) {
      return invalid(text, e.getMessage());
    }
  }

  private static Either<CronExpression> invalid(String text, String reason) {
    return Either.fail(
        "Expected a cron expression like '0 0 9-17 * * MON-FRI' (second, minute, hour, day of"
            + " month, month, day of week), but was '"
            + text
            + "': "
            + reason);
  }

  /** The first matching time strictly after the given one (epoch milliseconds), or -1. */
  public long next(long afterMillis) {
    LocalDateTime after =
        LocalDateTime.ofEpochSecond(Math.floorDiv(afterMillis, 1000), 0, ZoneOffset.UTC)
            .plusSeconds(1);
    LocalDate day = after.toLocalDate();
    LocalTime from = after.toLocalTime();
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1), from = LocalTime.MIDNIGHT) {
      if (!months.get(day.getMonthValue())
          || !daysOfMonth.get(day.getDayOfMonth())
          || !daysOfWeek.get(day.getDayOfWeek().getValue() % 7)) {
        continue;
      }
      LocalTime time = firstTime(from);
      if (time != null) {
        return day.atTime(time).toEpochSecond(ZoneOffset.UTC) * 1000;
      }
    }
    return -1;
  }

  private LocalTime firstTime(LocalTime from) {
    for (int h = hours.nextSetBit(from.getHour()); h >= 0; h = hours.nextSetBit(h + 1)) {
      int minuteFrom = h == from.getHour() ? from.getMinute() : 0;
      for (int m = minutes.nextSetBit(minuteFrom); m >= 0; m = minutes.nextSetBit(m + 1)) {
        int secondFrom = h == from.getHour() && m == from.getMinute() ? from.getSecond() : 0;
        int s = seconds.nextSetBit(secondFrom);
        if (s >= 0) {
          return LocalTime.of(h, m, s);
        }
      }
    }
    return null;
  }

  private static BitSet field(String text, int min, int max, String[] names) {
    BitSet bits = new BitSet(max + 1);
    for (String part : text.split(",")) {
      String range = part;
      int step = 1;
      int slash = part.indexOf('/');
      if (slash >= 0) {
        range = part.substring(0, slash);
        step = number(part.substring(slash + 1), 1, max, null);
      }
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] bounds = range.split("-", 2);
        from = number(bounds[0], min, max, names);
        to = number(bounds[1], min, max, names);
      } else {
        from = number(range, min, max, names);
        to = slash >= 0 ? max : from;
      }
      if (from > to) {
        throw new IllegalArgumentException("the range '" + range + "' is reversed");
      }
      for (int value = from; value <= to; value += step) {
        bits.set(value);
      }
    }
    return bits;
  }

  private static int number(String text, int min, int max, String[] names) {
    String value = text.strip().toUpperCase(Locale.ROOT);
    if (names != null) {
      for (int i = 0; i < names.length; i++) {
        if (names[i].equals(value)) {
          return names == MONTHS ? i + 1 : i;
        }
      }
    }
    try {
      int number = Integer.parseInt(value);
      if (number < min || number > max) {
        throw new IllegalArgumentException("'" + text + "' is not between " + min + " and " + max);
      }
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not supported");
    }
  }
}
