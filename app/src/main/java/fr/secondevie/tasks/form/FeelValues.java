package fr.secondevie.tasks.form;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Values as forms see them, in one place: numbers are decimals ({@link BigDecimal}) whether they
 * come from the task's variables (Integer, Long, Double from JSON) or from feel-engine; the text of
 * a value as a template or an input shows it; FEEL's equality for option values.
 */
final class FeelValues {

  private FeelValues() {}

  /** Numbers as BigDecimal, everything else as it is. */
  static Object normalize(Object value) {
    if (value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof BigInteger big) {
      return new BigDecimal(big);
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
    }
    return value;
  }

  /** The text of a value as a template shows it. */
  static String toText(Object value) {
    Object v = normalize(value);
    if (v == null) {
      return "";
    }
    if (v instanceof BigDecimal number) {
      return plain(number);
    }
    if (v instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(toText(item)));
      return String.join(", ", items);
    }
    if (v instanceof Map<?, ?> map) {
      List<String> entries = new ArrayList<>();
      map.forEach((k, item) -> entries.add(k + ": " + toText(item)));
      return "{" + String.join(", ", entries) + "}";
    }
    return v.toString();
  }

  /** A number without trailing zeros nor exponent ({@code 25}, {@code 12.5}). */
  static String plain(BigDecimal number) {
    BigDecimal stripped = number.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /**
   * Whether two values are equal as FEEL compares them (numbers by value, lists and contexts
   * deeply).
   */
  static boolean same(Object left, Object right) {
    Object l = normalize(left);
    Object r = normalize(right);
    if (l == null || r == null) {
      return l == null && r == null;
    }
    if (l instanceof BigDecimal a && r instanceof BigDecimal b) {
      return a.compareTo(b) == 0;
    }
    if (l instanceof List<?> a && r instanceof List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (l instanceof Map<?, ?> a && r instanceof Map<?, ?> b) {
      if (!a.keySet().equals(b.keySet())) {
        return false;
      }
      for (Object key : a.keySet()) {
        if (!same(a.get(key), b.get(key))) {
          return false;
        }
      }
      return true;
    }
    return l.getClass() == r.getClass() && l.equals(r);
  }
}
