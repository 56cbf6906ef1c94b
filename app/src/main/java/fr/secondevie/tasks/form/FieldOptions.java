package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The choices of a radio, select, checklist or taglist, as form-js builds them. */
final class FieldOptions {

  private final FormExpressions expressions;

  FieldOptions(FormExpressions expressions) {
    this.expressions = expressions;
  }

  /**
   * The choices of a radio, select, checklist or taglist ({@code values}, {@code valuesKey} or
   * {@code valuesExpression}), resolved on the task's variables.
   */
  List<Option> options(FormComponent component, Map<String, ?> variables) {
    List<Option> options = new ArrayList<>();
    JsonNode values = component.node("values");
    String valuesKey = component.text("valuesKey");
    String valuesExpression = component.text("valuesExpression");
    if (valuesKey != null && !valuesKey.isBlank()) {
      addOptions(options, Data.get(variables, List.of((Object[]) valuesKey.split("\\."))));
    } else if (valuesExpression != null && valuesExpression.startsWith("=")) {
      addOptions(options, expressions.evaluate(valuesExpression.substring(1), variables));
    } else if (values.isArray()) {
      for (JsonNode value : values) {
        Object v = FieldValues.toJava(value.get("value"));
        String label = value.path("label").asText(FeelValues.toText(v));
        options.add(new Option(FeelValues.normalize(v), label));
      }
    }
    return options;
  }

  private static void addOptions(List<Option> options, Object source) {
    if (!(source instanceof List<?> list)) {
      return;
    }
    for (Object item : list) {
      if (item instanceof Map<?, ?> map) {
        if (map.containsKey("value")) {
          Object value = FeelValues.normalize(map.get("value"));
          Object label = map.get("label");
          options.add(
              new Option(value, label == null ? FeelValues.toText(value) : label.toString()));
        }
      } else if (item != null) {
        Object value = FeelValues.normalize(item);
        options.add(new Option(value, FeelValues.toText(value)));
      }
    }
  }
}
