package fr.secondevie.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * One problem of refused input, as the person or the tool that sent it needs it to correct it.
 *
 * @param field the form field, JSON path ({@code drives[1].methodType}) or file column at fault;
 *     null for a problem of a line as a whole
 * @param line the 1-based line of a submitted file or log, null when the input is not a file
 * @param value the offending value as submitted, shortened to {@value #MAX_VALUE_LENGTH}
 *     characters, or null
 * @param message French explanation
 */
@NamedInterface("api")
public record InputError(String field, Integer line, String value, String message) {

  /** Longest value kept: enough to recognise it, never a whole file. */
  public static final int MAX_VALUE_LENGTH = 120;

  public InputError {
    if (message == null || message.isBlank()) {
      throw new IllegalArgumentException("Expected a message for the input error but got none");
    }
    if (value != null && value.length() > MAX_VALUE_LENGTH) {
      value = value.substring(0, MAX_VALUE_LENGTH - 1) + "…";
    }
  }

  /**
   * The error as the API shows it, in a refusal's {@code errors} and in a receipt's warnings:
   * {@code field}, {@code line}, {@code value} when known, then {@code message}.
   */
  public Map<String, Object> members() {
    Map<String, Object> members = new LinkedHashMap<>();
    if (field != null) {
      members.put("field", field);
    }
    if (line != null) {
      members.put("line", line);
    }
    if (value != null) {
      members.put("value", value);
    }
    members.put("message", message);
    return members;
  }

  /** A field of a form or a request. */
  public static InputError of(String field, String message) {
    return new InputError(field, null, null, message);
  }

  /** A field with the value refused, outside any file. */
  public static InputError of(String field, Object value, String message) {
    return new InputError(field, null, value == null ? null : value.toString(), message);
  }

  /** A field (or column) of a line of a submitted file. */
  public static InputError atLine(int line, String field, Object value, String message) {
    return new InputError(field, line, value == null ? null : value.toString(), message);
  }

  /** A line of a submitted file as a whole. */
  public static InputError line(int line, Object value, String message) {
    return atLine(line, null, value, message);
  }
}
