package fr.secondevie.engine.rest.search;

import fr.secondevie.engine.rest.http.ApiException;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Operands given as text in filters: ISO-8601 date-times and {@code $like} patterns. */
final class TextOperands {

  private TextOperands() {}

  static long parseDate(String text, String path) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return ZonedDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw ApiException.badRequest(
            "Expected '"
                + path
                + "' to be an ISO-8601 date-time with offset (e.g."
                + " 2025-01-31T10:15:30.000Z), but was '"
                + text
                + "'");
      }
    }
  }

  /** {@code *} any characters, {@code ?} one character, {@code \} escapes; the rest is literal. */
  static Pattern likePattern(String like) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
