package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.util.JsonValues;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/**
 * Writing the REST API's JSON: keys as numeric strings, dates as ISO-8601 offset date-times (UTC),
 * variable values as JSON text, the default tenant.
 */
final class Json {

  static final String TENANT = "<default>";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** A key as a numeric string; {@code null} when negative (none). */
  static void key(ObjectNode node, String name, long key) {
    if (key < 0) {
      node.putNull(name);
    } else {
      node.put(name, Long.toString(key));
    }
  }

  /** A key as a numeric string, even the "none" value -1 (fields clients parse unconditionally). */
  static void rawKey(ObjectNode node, String name, long key) {
    node.put(name, Long.toString(key));
  }

  /** An engine-clock time (epoch milliseconds) as an ISO-8601 date-time; null when negative. */
  static void date(ObjectNode node, String name, long epochMillis) {
    if (epochMillis < 0) {
      node.putNull(name);
    } else {
      node.put(name, formatDate(epochMillis));
    }
  }

  static String formatDate(long epochMillis) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC));
  }

  /** A date kept as ISO text (user task due dates) normalised to an offset date-time. */
  static String normalizeDate(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return ZonedDateTime.parse(text)
          .toOffsetDateTime()
          .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    } catch (DateTimeParseException e) {
      return text;
    }
  }

  /** Epoch milliseconds of an ISO date-time kept as text; -1 when none or unreadable. */
  static long epochMillis(String text) {
    if (text == null || text.isBlank()) {
      return -1;
    }
    try {
      return ZonedDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  static void strings(ObjectNode node, String name, Collection<String> values) {
    ArrayNode array = node.putArray(name);
    if (values != null) {
      values.forEach(array::add);
    }
  }

  static void stringMap(ObjectNode node, String name, Map<String, String> values) {
    ObjectNode map = node.putObject(name);
    if (values != null) {
      values.forEach(map::put);
    }
  }

  /** A variable value (or any engine value) as a JSON tree. */
  static JsonNode tree(Object value) {
    return MAPPER.valueToTree(value);
  }

  /** A value as JSON text, as the API returns variable values and decision outputs. */
  static String text(Object value) {
    return JsonValues.toJson(value);
  }
}
