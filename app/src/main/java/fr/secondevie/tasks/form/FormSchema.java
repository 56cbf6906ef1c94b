package fr.secondevie.tasks.form;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A Camunda form (the JSON of a {@code .form} file, schema version 18), as returned by {@code GET
 * /v2/user-tasks/{key}/form}.
 */
public final class FormSchema {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode json;
  private final List<FormComponent> components;

  private FormSchema(JsonNode json) {
    this.json = json;
    List<FormComponent> list = new ArrayList<>();
    for (JsonNode component : json.path("components")) {
      list.add(new FormComponent(component));
    }
    this.components = List.copyOf(list);
  }

  /**
   * Parses a form from its JSON text, or from the schema object the client returns (a string, or an
   * already parsed object).
   *
   * @throws IllegalArgumentException when it is not a form
   */
  public static FormSchema parse(Object schema) {
    JsonNode node;
    try {
      if (schema instanceof String text) {
        node = JSON.readTree(text);
      } else if (schema instanceof JsonNode tree) {
        node = tree;
      } else {
        node = JSON.valueToTree(schema);
      }
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Formulaire illisible : " + e.getMessage(), e);
    }
    if (node == null || !node.isObject() || !node.path("components").isArray()) {
      throw new IllegalArgumentException("Formulaire illisible : pas de liste « components »");
    }
    return new FormSchema(node);
  }

  public String id() {
    return json.path("id").asText(null);
  }

  public List<FormComponent> components() {
    return components;
  }

  /** Every component, depth first, in the order of the form. */
  public void forEach(Consumer<FormComponent> action) {
    forEach(components, action);
  }

  private static void forEach(List<FormComponent> list, Consumer<FormComponent> action) {
    for (FormComponent component : list) {
      action.accept(component);
      forEach(component.components(), action);
    }
  }

  /** Whether a component of the form takes files (the page then posts multipart). */
  public boolean hasFilePicker() {
    boolean[] found = {false};
    forEach(c -> found[0] |= c.isFilePicker());
    return found[0];
  }

  /**
   * Whether a request part of this name may carry a file picker's files: the HTML name of a file
   * picker of the form, whatever its row numbers.
   */
  public boolean takesFiles(String name) {
    if (name == null) {
      return false;
    }
    String pattern = name.replaceAll("\\[\\d{1,6}]", "[]");
    return filePickerNames(components, "").contains(pattern);
  }

  private static java.util.Set<String> filePickerNames(List<FormComponent> list, String base) {
    java.util.Set<String> names = new java.util.HashSet<>();
    for (FormComponent component : list) {
      if (component.isFilePicker() && component.key() != null && !component.key().isBlank()) {
        names.add(join(base, component.key()));
      } else if (component.isGroup()) {
        names.addAll(
            filePickerNames(
                component.components(),
                component.path() == null ? base : join(base, component.path())));
      } else if (component.isList()) {
        String path = component.path() == null ? base : join(base, component.path());
        names.addAll(filePickerNames(component.components(), path + "[]"));
      }
    }
    return names;
  }

  private static String join(String base, String name) {
    return base.isEmpty() ? name : base + "." + name;
  }

  public boolean hasConditions() {
    boolean[] found = {false};
    forEach(c -> found[0] |= c.hideCondition() != null);
    return found[0];
  }
}
