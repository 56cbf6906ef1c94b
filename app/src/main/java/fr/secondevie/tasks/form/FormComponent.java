package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One component of a Camunda form (schema version 18): its type, id, key or path, and the rest of
 * its JSON, read on demand.
 */
public final class FormComponent {

  /** Types whose value is bound to a variable by {@code key} (form-js "keyed" fields). */
  static final Set<String> KEYED =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "taglist",
          "datetime",
          "expression",
          "filepicker");

  /**
   * Every type this renderer supports: the whole palette of form-js 1.15 to 1.17, the versions
   * Camunda 8.8's Modeler and Tasklist use ({@code default} is the form itself). A form with
   * another type is refused at deployment.
   */
  public static final Set<String> SUPPORTED =
      Set.of(
          "expression",
          "filepicker",
          "html",
          "image",
          "table",
          "button",
          "documentPreview",
          "iframe",
          "text",
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "checklist",
          "radio",
          "select",
          "taglist",
          "datetime",
          "group",
          "dynamiclist",
          "separator",
          "spacer");

  private final JsonNode json;
  private final List<FormComponent> components;

  FormComponent(JsonNode json) {
    this.json = json;
    List<FormComponent> children = new ArrayList<>();
    for (JsonNode child : json.path("components")) {
      children.add(new FormComponent(child));
    }
    this.components = List.copyOf(children);
  }

  public String id() {
    return text("id");
  }

  public String type() {
    return text("type");
  }

  /** The variable this field is bound to, possibly a dotted path ({@code a.b}). */
  public String key() {
    return text("key");
  }

  /** The path a group or dynamic list binds its children under, or null. */
  public String path() {
    String path = text("path");
    return path == null || path.isBlank() ? null : path;
  }

  public String label() {
    return text("label");
  }

  public String description() {
    return text("description");
  }

  public List<FormComponent> components() {
    return components;
  }

  public boolean isSupported() {
    return SUPPORTED.contains(type());
  }

  /** A field bound to a variable: a supported keyed type, with a key. */
  public boolean isKeyed() {
    return KEYED.contains(type()) && key() != null && !key().isBlank();
  }

  /** A component of an unsupported type that names a variable: its value must not be lost. */
  public boolean isUnsupportedKeyed() {
    return !isSupported() && key() != null && !key().isBlank();
  }

  /** A repeating dynamic list (form-js "repeatable" with {@code isRepeating}). */
  public boolean isList() {
    return "dynamiclist".equals(type());
  }

  /** A computed field: keyed, never an input. */
  public boolean isExpression() {
    return "expression".equals(type());
  }

  public boolean isFilePicker() {
    return "filepicker".equals(type());
  }

  /** The row of the form's grid it sits in ({@code layout.row}), or null. */
  String layoutRow() {
    JsonNode row = json.path("layout").get("row");
    return row == null || row.isNull() || row.asText().isBlank() ? null : row.asText();
  }

  /** Its width in the form's 16-column grid ({@code layout.columns}), or null for automatic. */
  Integer layoutColumns() {
    JsonNode columns = json.path("layout").get("columns");
    return columns != null
            && columns.canConvertToInt()
            && columns.asInt() >= 1
            && columns.asInt() <= 16
        ? columns.asInt()
        : null;
  }

  public boolean isGroup() {
    return "group".equals(type());
  }

  /** The data path segments of this field's key, or of the container's path. */
  List<String> keySegments() {
    return segments(key());
  }

  List<String> pathSegments() {
    return segments(path());
  }

  private static List<String> segments(String dotted) {
    if (dotted == null || dotted.isBlank()) {
      return List.of();
    }
    return Arrays.asList(dotted.split("\\."));
  }

  public String text(String field) {
    JsonNode node = json.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  public boolean bool(String field) {
    return json.path(field).asBoolean(false);
  }

  public JsonNode node(String field) {
    return json.path(field);
  }

  /** The raw value of a property: a JSON value or a FEEL expression string ({@code "=..."}). */
  public JsonNode property(String field) {
    return json.get(field);
  }

  public JsonNode validate() {
    return json.path("validate");
  }

  /** The {@code conditional.hide} expression, or null. */
  public String hideCondition() {
    JsonNode hide = json.path("conditional").get("hide");
    return hide == null || hide.isNull() || hide.asText().isBlank() ? null : hide.asText();
  }

  public JsonNode json() {
    return json;
  }

  @Override
  public String toString() {
    return type() + "#" + id();
  }
}
