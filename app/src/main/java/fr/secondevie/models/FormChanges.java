package fr.secondevie.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.models.ModelChanges.Change;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an uploaded form changes compared with the running one: components added or removed (by key,
 * or by id for a component without key: texts, groups…), and for a component kept its type, label,
 * required flag and other validation rules ({@code validate}: min, max, lengths, pattern…). Nested
 * components (groups, dynamic lists) count like the others.
 */
final class FormChanges {

  private static final ObjectMapper JSON = new ObjectMapper();

  private FormChanges() {}

  /**
   * The changes from {@code before} (the running form) to {@code after} (the uploaded one), both
   * already checked readable.
   */
  static List<Change> diff(String file, String formId, byte[] before, byte[] after) {
    Map<String, JsonNode> old = components(read(before));
    Map<String, JsonNode> now = components(read(after));
    List<Change> changes = new ArrayList<>();
    now.forEach(
        (key, component) -> {
          JsonNode previous = old.get(key);
          if (previous == null) {
            changes.add(new Change(file, formId, "ajouté", key, describe(component)));
          } else {
            String detail = differences(previous, component);
            if (!detail.isEmpty()) {
              changes.add(new Change(file, formId, "modifié", key, detail));
            }
          }
        });
    old.forEach(
        (key, component) -> {
          if (!now.containsKey(key)) {
            changes.add(new Change(file, formId, "retiré", key, describe(component)));
          }
        });
    return changes;
  }

  /** Every component with a key or an id, nested ones too, in the form's order. */
  private static Map<String, JsonNode> components(JsonNode form) {
    Map<String, JsonNode> components = new LinkedHashMap<>();
    collect(form.path("components"), components);
    return components;
  }

  private static void collect(JsonNode list, Map<String, JsonNode> into) {
    for (JsonNode component : list) {
      String name = component.path("key").asText("");
      if (name.isEmpty()) {
        name = component.path("id").asText("");
      }
      if (!name.isEmpty()) {
        into.putIfAbsent(name, component);
      }
      collect(component.path("components"), into);
    }
  }

  private static String describe(JsonNode component) {
    String label = label(component);
    String type = component.path("type").asText("");
    return label.isEmpty() ? type : type + " « " + label + " »";
  }

  private static String differences(JsonNode before, JsonNode after) {
    List<String> details = new ArrayList<>();
    compare("type", text(before, "type"), text(after, "type"), details);
    compare("libellé", label(before), label(after), details);
    boolean wasRequired = before.path("validate").path("required").asBoolean(false);
    boolean isRequired = after.path("validate").path("required").asBoolean(false);
    if (wasRequired != isRequired) {
      details.add(isRequired ? "devient obligatoire" : "n'est plus obligatoire");
    }
    Map<String, String> oldRules = rules(before);
    Map<String, String> newRules = rules(after);
    newRules.forEach(
        (rule, value) -> compare("validation " + rule, oldRules.get(rule), value, details));
    oldRules.forEach(
        (rule, value) -> {
          if (!newRules.containsKey(rule)) {
            compare("validation " + rule, value, null, details);
          }
        });
    return String.join(" ; ", details);
  }

  /** The validation rules other than « required », rule → its value as text. */
  private static Map<String, String> rules(JsonNode component) {
    Map<String, String> rules = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> fields = component.path("validate").fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (!field.getKey().equals("required")) {
        rules.put(
            field.getKey(),
            field.getValue().isValueNode()
                ? field.getValue().asText()
                : field.getValue().toString());
      }
    }
    return rules;
  }

  private static void compare(String what, String before, String after, List<String> details) {
    if (!Objects.equals(before, after)) {
      details.add(what + " : " + shown(before) + " → " + shown(after));
    }
  }

  private static String shown(String value) {
    return value == null || value.isEmpty() ? "(aucun)" : "« " + value + " »";
  }

  /** The label, or the date label of a date field. */
  private static String label(JsonNode component) {
    String label = text(component, "label");
    return label.isEmpty() ? text(component, "dateLabel") : label;
  }

  private static String text(JsonNode component, String field) {
    return component.path(field).asText("");
  }

  private static JsonNode read(byte[] content) {
    try {
      return JSON.readTree(content);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read a form already checked readable", e);
    }
  }
}
