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

  public boolean hasConditions() {
    boolean[] found = {false};
    forEach(c -> found[0] |= c.hideCondition() != null);
    return found[0];
  }
}
