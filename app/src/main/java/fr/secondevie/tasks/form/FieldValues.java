package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The values of keyed fields as form-js holds and submits them: the empty value of each type,
 * defaults, the cleaning of the task's variables (a select keeps only one of its options, a
 * checkbox only {@code true}...), the parsing of what the browser sent and its display.
 *
 * <p>Dates and times are shown and typed in Europe/Paris; a time or date-time is submitted in the
 * form's {@code timeSerializingFormat} as form-js does: {@code utc_offset} (default, {@code
 * 13:30+01:00}), {@code utc_normalized} ({@code 12:30Z}) or {@code no_timezone} ({@code 13:30}).
 */
final class FieldValues {

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
  private static final DateTimeFormatter FRENCH_DATE =
      DateTimeFormatter.ofPattern("dd/MM/uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");

  private final Clock clock;

  FieldValues(Clock clock) {
    this.clock = clock;
  }

  /** A parsed value, or the French message saying why the input is not one. */
  record Parsed(Object value, String error) {
    static Parsed of(Object value) {
      return new Parsed(value, null);
    }

    static Parsed error(String message) {
      return new Parsed(null, message);
    }
  }

  static Object toJava(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    return FeelValues.normalize(JSON.convertValue(node, Object.class));
  }

  // ---------------------------------------------------------------------------------------------
  // empty, default and imported values

  /** The value of a field nobody filled in (form-js {@code emptyValue}). */
  Object empty(FormComponent component) {
    return switch (component.type()) {
      case "textfield", "textarea" -> "";
      case "checkbox" -> false;
      case "checklist", "taglist" -> List.of();
      default -> null;
    };
  }

  /** The value a field starts with: the variable's (cleaned), else its default, else empty. */
  Object initial(FormComponent component, Object variable, boolean present, List<Option> options) {
    if (present && variable != null) {
      return sanitize(component, variable, options);
    }
    if (present && !"checkbox".equals(component.type())) {
      return sanitize(component, null, options);
    }
    JsonNode defaultValue = component.property("defaultValue");
    if (defaultValue != null && !defaultValue.isNull()) {
      return sanitize(component, toJava(defaultValue), options);
    }
    return empty(component);
  }

  /** Cleans a value read from the task's variables, as form-js's {@code sanitizeValue} does. */
  Object sanitize(FormComponent component, Object raw, List<Option> options) {
    Object value = FeelValues.normalize(raw);
    return switch (component.type()) {
      case "textfield", "textarea" ->
          value == null || value instanceof Map || value instanceof List
              ? ""
              : FeelValues.toText(value);
      case "number" -> {
        BigDecimal number = null;
        if (value instanceof BigDecimal n) {
          number = n;
        } else if (value instanceof String s && NUMBER.matcher(s.trim()).matches()) {
          number = new BigDecimal(s.trim());
        }
        yield number == null ? null : numberValue(component, number);
      }
      case "checkbox" -> Boolean.TRUE.equals(value);
      case "checklist", "taglist" -> {
        List<Object> kept = new ArrayList<>();
        if (value instanceof List<?> list) {
          for (Option option : options) {
            for (Object item : list) {
              if (FeelValues.same(option.value(), item)) {
                kept.add(option.value());
                break;
              }
            }
          }
        }
        yield kept;
      }
      case "radio", "select" -> {
        for (Option option : options) {
          if (FeelValues.same(option.value(), value)) {
            yield option.value();
          }
        }
        yield null;
      }
      case "datetime" -> value instanceof String s && validSerialized(component, s) ? s : null;
      default -> value;
    };
  }

  private boolean validSerialized(FormComponent component, String value) {
    try {
      switch (subtype(component)) {
        case "date" -> LocalDate.parse(value);
        case "time" -> localTime(value);
        default -> localDateTime(value);
      }
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // input from the browser

  /** Parses what the browser sent for a field (one string per input; several for a checklist). */
  Parsed parse(FormComponent component, List<String> raw, List<Option> options) {
    String first = raw.isEmpty() || raw.get(0) == null ? "" : raw.get(0);
    switch (component.type()) {
      case "textfield":
        return Parsed.of(first);
      case "textarea":
        return Parsed.of(first.replace("\r\n", "\n"));
      case "number":
        return parseNumber(component, first);
      case "checkbox":
        return Parsed.of(raw.contains("true"));
      case "checklist":
      case "taglist":
        {
          List<Object> values = new ArrayList<>();
          for (Option option : options) {
            if (raw.contains(option.text())) {
              values.add(option.value());
            }
          }
          if (raw.stream().filter(Objects::nonNull).filter(r -> !r.isBlank()).count()
              > values.size()) {
            return Parsed.error("Choisissez parmi les options proposées.");
          }
          return Parsed.of(values);
        }
      case "radio":
      case "select":
        {
          if (first.isBlank()) {
            return Parsed.of(null);
          }
          for (Option option : options) {
            if (option.text().equals(first)) {
              return Parsed.of(option.value());
            }
          }
          return Parsed.error("Choisissez une des options proposées.");
        }
      case "datetime":
        return parseDateTime(component, raw);
      default:
        return Parsed.of(null);
    }
  }

  private Parsed parseNumber(FormComponent component, String text) {
    String cleaned =
        text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace(',', '.');
    if (cleaned.isEmpty()) {
      return Parsed.of(null);
    }
    if (!NUMBER.matcher(cleaned).matches()) {
      return Parsed.error("Saisissez un nombre, par exemple 12 ou 12,5.");
    }
    return Parsed.of(numberValue(component, new BigDecimal(cleaned)));
  }

  /** As form-js submits it: a JSON number (integral when it is), or a string when asked. */
  static Object numberValue(FormComponent component, BigDecimal number) {
    if (component.bool("serializeToString")) {
      return FeelValues.plain(number);
    }
    BigDecimal stripped = number.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
      return stripped.longValueExact();
    }
    return stripped;
  }

  private Parsed parseDateTime(FormComponent component, List<String> raw) {
    String date = raw.isEmpty() || raw.get(0) == null ? "" : raw.get(0).strip();
    String time = raw.size() < 2 || raw.get(1) == null ? "" : raw.get(1).strip();
    String subtype = subtype(component);
    switch (subtype) {
      case "date":
        {
          if (date.isEmpty()) {
            return Parsed.of(null);
          }
          LocalDate day = parseDate(date);
          return day == null
              ? Parsed.error("Saisissez une date valide, au format jj/mm/aaaa.")
              : Parsed.of(day.toString());
        }
      case "time":
        {
          if (date.isEmpty()) {
            return Parsed.of(null);
          }
          LocalTime at = parseTime(date);
          return at == null
              ? Parsed.error("Saisissez une heure valide, au format hh:mm.")
              : Parsed.of(serializeTime(component, at));
        }
      default:
        {
          if (date.isEmpty() && time.isEmpty()) {
            return Parsed.of(null);
          }
          if (date.isEmpty() || time.isEmpty()) {
            return Parsed.error("Saisissez la date et l'heure.");
          }
          LocalDate day = parseDate(date);
          LocalTime at = parseTime(time);
          if (day == null) {
            return Parsed.error("Saisissez une date valide, au format jj/mm/aaaa.");
          }
          if (at == null) {
            return Parsed.error("Saisissez une heure valide, au format hh:mm.");
          }
          return Parsed.of(serializeDateTime(component, LocalDateTime.of(day, at)));
        }
    }
  }

  private static LocalDate parseDate(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(text, FRENCH_DATE);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }

  private static LocalTime parseTime(String text) {
    try {
      return LocalTime.parse(text.replace('h', ':')).withSecond(0).withNano(0);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String subtype(FormComponent component) {
    String subtype = component.text("subtype");
    return subtype == null ? "date" : subtype;
  }

  private static String timeFormat(FormComponent component) {
    String format = component.text("timeSerializingFormat");
    return format == null ? "utc_offset" : format;
  }

  private String serializeTime(FormComponent component, LocalTime time) {
    ZoneOffset offset = PARIS.getRules().getOffset(clock.instant());
    return switch (timeFormat(component)) {
      case "no_timezone" -> HOURS_MINUTES.format(time);
      case "utc_normalized" ->
          HOURS_MINUTES.format(OffsetTime.of(time, offset).withOffsetSameInstant(ZoneOffset.UTC))
              + "Z";
      default -> HOURS_MINUTES.format(time) + offsetText(offset);
    };
  }

  private static String serializeDateTime(FormComponent component, LocalDateTime local) {
    OffsetDateTime at = local.atZone(PARIS).toOffsetDateTime();
    DateTimeFormatter minutes = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
    return switch (timeFormat(component)) {
      case "no_timezone" -> minutes.format(local);
      case "utc_normalized" -> minutes.format(at.withOffsetSameInstant(ZoneOffset.UTC)) + "Z";
      default -> minutes.format(at) + offsetText(at.getOffset());
    };
  }

  private static String offsetText(ZoneOffset offset) {
    return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
  }

  private LocalTime localTime(String value) {
    if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
      return OffsetTime.parse(value)
          .withOffsetSameInstant(PARIS.getRules().getOffset(clock.instant()))
          .toLocalTime();
    }
    return LocalTime.parse(value);
  }

  private static LocalDateTime localDateTime(String value) {
    if (value.endsWith("Z") || value.matches(".*[+-]\\d\\d:\\d\\d$")) {
      return OffsetDateTime.parse(value).atZoneSameInstant(PARIS).toLocalDateTime();
    }
    return LocalDateTime.parse(value);
  }

  // ---------------------------------------------------------------------------------------------
  // display

  /** What the inputs show for a value (one string per input). */
  List<String> format(FormComponent component, Object raw) {
    Object value = FeelValues.normalize(raw);
    if (value == null) {
      return List.of();
    }
    switch (component.type()) {
      case "number":
        if (value instanceof BigDecimal n) {
          return List.of(FeelValues.plain(n).replace('.', ','));
        }
        return List.of(FeelValues.toText(value).replace('.', ','));
      case "checkbox":
        return Boolean.TRUE.equals(value) ? List.of("true") : List.of();
      case "checklist":
      case "taglist":
        {
          List<String> texts = new ArrayList<>();
          if (value instanceof List<?> list) {
            list.forEach(item -> texts.add(FeelValues.toText(item)));
          }
          return texts;
        }
      case "datetime":
        {
          String text = value.toString();
          try {
            return switch (subtype(component)) {
              case "date" -> List.of(LocalDate.parse(text).toString());
              case "time" -> List.of(HOURS_MINUTES.format(localTime(text)));
              default -> {
                LocalDateTime local = localDateTime(text);
                yield List.of(local.toLocalDate().toString(), HOURS_MINUTES.format(local));
              }
            };
          } catch (DateTimeParseException e) {
            return List.of(text);
          }
        }
      default:
        return List.of(FeelValues.toText(value));
    }
  }
}
