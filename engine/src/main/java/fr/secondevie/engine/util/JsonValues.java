package fr.secondevie.engine.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Variable values as the engine keeps them: plain Java JSON values ({@code null}, {@link String},
 * {@link Boolean}, {@link Long}, {@link Double}, {@link List}, {@link Map}), immutable once stored.
 * Values coming from FEEL, DMN or JSON documents are normalised into this shape, so that every
 * layer (FEEL contexts, gRPC, REST) agrees on one representation.
 */
public final class JsonValues {

  // floats stay doubles (1.0 is written back as 1.0); FEEL's whole numbers become longs
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonValues() {}

  /** Parses a JSON document into a normalised value. */
  public static Either<Object> parse(String json) {
    try {
      return Either.ok(normalize(MAPPER.readValue(json, Object.class)));
    } catch (JsonProcessingException e) {
      return Either.fail(e.getOriginalMessage());
    }
  }

  /**
   * Parses the variables document of a command: empty means no variables, anything else must be a
   * JSON object.
   */
  @SuppressWarnings("unchecked")
  public static Either<Map<String, Object>> parseObject(String json) {
    if (json == null || json.isBlank()) {
      return Either.ok(Map.of());
    }
    Either<Object> parsed = parse(json);
    if (!parsed.isOk()) {
      return Either.fail(
          "Expected variables to be a JSON document but it could not be parsed: "
              + parsed.failure());
    }
    if (parsed.value() == null) {
      return Either.ok(Map.of());
    }
    if (!(parsed.value() instanceof Map)) {
      return Either.fail(
          "Expected document to be a root level object, but was '" + kind(parsed.value()) + "'");
    }
    return Either.ok((Map<String, Object>) parsed.value());
  }

  public static String toJson(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Expected a JSON value but could not write " + value, e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The JSON type name of a normalised value, for error messages. */
  public static String kind(Object value) {
    if (value == null) {
      return "NULL";
    } else if (value instanceof String) {
      return "STRING";
    } else if (value instanceof Boolean) {
      return "BOOLEAN";
    } else if (value instanceof Number) {
      return "NUMBER";
    } else if (value instanceof List) {
      return "ARRAY";
    } else if (value instanceof Map) {
      return "OBJECT";
    }
    return value.getClass().getSimpleName().toUpperCase();
  }

  /**
   * Converts any value produced by Jackson, feel-scala or dmn-scala (Java or Scala collections, big
   * numbers, temporal values) into the engine's JSON value shape.
   */
  public static Object normalize(Object value) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof scala.Option<?> option) {
      return option.isDefined() ? normalize(option.get()) : null;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigInteger b) {
      return b.bitLength() < 64 ? (Object) b.longValue() : b.doubleValue();
    }
    if (value instanceof scala.math.BigDecimal b) {
      return normalize(b.bigDecimal());
    }
    if (value instanceof BigDecimal b) {
      return normalizeDecimal(b);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), normalize(v)));
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof scala.collection.Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      scala.collection.Iterator<? extends scala.Tuple2<?, ?>> it = map.iterator();
      while (it.hasNext()) {
        scala.Tuple2<?, ?> entry = it.next();
        copy.put(String.valueOf(entry._1()), normalize(entry._2()));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof Iterable<?> iterable) {
      List<Object> copy = new ArrayList<>();
      for (Iterator<?> it = iterable.iterator(); it.hasNext(); ) {
        copy.add(normalize(it.next()));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof scala.collection.Iterable<?> iterable) {
      List<Object> copy = new ArrayList<>();
      scala.collection.Iterator<?> it = iterable.iterator();
      while (it.hasNext()) {
        copy.add(normalize(it.next()));
      }
      return Collections.unmodifiableList(copy);
    }
    if (value instanceof ZonedDateTime z) {
      return z.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
    if (value instanceof LocalDate
        || value instanceof LocalDateTime
        || value instanceof LocalTime
        || value instanceof OffsetTime
        || value instanceof Duration
        || value instanceof Period) {
      return value.toString();
    }
    if (value instanceof org.camunda.feel.syntaxtree.Val val) {
      return normalize(FeelValueUnpacker.unpack(val));
    }
    return value.toString();
  }

  private static Object normalizeDecimal(BigDecimal b) {
    BigDecimal stripped = b.stripTrailingZeros();
    if (stripped.scale() <= 0 && stripped.precision() - stripped.scale() < 19) {
      return stripped.longValueExact();
    }
    return b.doubleValue();
  }
}
