package fr.secondevie.engine.util;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.syntaxtree.Val;
import org.camunda.feel.syntaxtree.ValBoolean;
import org.camunda.feel.syntaxtree.ValContext;
import org.camunda.feel.syntaxtree.ValDate;
import org.camunda.feel.syntaxtree.ValDateTime;
import org.camunda.feel.syntaxtree.ValDayTimeDuration;
import org.camunda.feel.syntaxtree.ValError;
import org.camunda.feel.syntaxtree.ValList;
import org.camunda.feel.syntaxtree.ValLocalDateTime;
import org.camunda.feel.syntaxtree.ValLocalTime;
import org.camunda.feel.syntaxtree.ValNumber;
import org.camunda.feel.syntaxtree.ValString;
import org.camunda.feel.syntaxtree.ValTime;
import org.camunda.feel.syntaxtree.ValYearMonthDuration;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Turns a FEEL value (as found in dmn-scala audit logs) into a Java value, case by case: a generic
 * value mapper may hand back FEEL values it does not know, which would loop.
 */
final class FeelValueUnpacker {

  private FeelValueUnpacker() {}

  static Object unpack(Val val) {
    if (val instanceof ValNumber number) {
      return number.value().bigDecimal();
    } else if (val instanceof ValString string) {
      return string.value();
    } else if (val instanceof ValBoolean bool) {
      return bool.value();
    } else if (val instanceof ValList list) {
      List<Object> items = new ArrayList<>();
      for (Val item : CollectionConverters.asJava(list.itemsAsSeq())) {
        items.add(unpack(item));
      }
      return items;
    } else if (val instanceof ValContext context) {
      Map<String, Object> entries = new LinkedHashMap<>();
      CollectionConverters.asJava(context.context().variableProvider().getVariables())
          .forEach((k, v) -> entries.put(k, v instanceof Val inner ? unpack(inner) : v));
      return entries;
    } else if (val instanceof ValDate date) {
      return date.value();
    } else if (val instanceof ValDateTime dateTime) {
      return dateTime.value();
    } else if (val instanceof ValLocalDateTime dateTime) {
      return dateTime.value();
    } else if (val instanceof ValLocalTime time) {
      return time.value();
    } else if (val instanceof ValTime time) {
      return time.value().toString();
    } else if (val instanceof ValDayTimeDuration duration) {
      return duration.value();
    } else if (val instanceof ValYearMonthDuration duration) {
      return duration.value();
    } else if (val instanceof ValError error) {
      return error.error();
    }
    // ValNull and anything without a JSON form (functions, ranges)
    return val == null || val.getClass().getSimpleName().startsWith("ValNull")
        ? null
        : val.toString();
  }
}
