package fr.secondevie.engine.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.util.JsonValues;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A JSON object of a request body with typed accessors. Every type error is a 400 whose detail
 * names the field by its path in the body (for example {@code filter.state} or {@code
 * changeset.priority}). Absent and {@code null} fields read as absent.
 */
public final class JsonBody {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode node;
  private final String path;

  private JsonBody(ObjectNode node, String path) {
    this.node = node;
    this.path = path;
  }

  static JsonBody parse(byte[] body) {
    if (body == null || body.length == 0) {
      return new JsonBody(JsonNodeFactory.instance.objectNode(), "");
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest(
          "Expected the request body to be a JSON document, but it could not be parsed: "
              + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.badRequest("Expected a readable request body, but " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return new JsonBody(JsonNodeFactory.instance.objectNode(), "");
    }
    if (!root.isObject()) {
      throw ApiException.badRequest(
          "Expected the request body to be a JSON object, but was " + root.getNodeType());
    }
    return new JsonBody((ObjectNode) root, "");
  }

  /** Wraps a nested object found at {@code path}. */
  public static JsonBody of(ObjectNode node, String path) {
    return new JsonBody(node, path);
  }

  public ObjectNode node() {
    return node;
  }

  /** The path of this object in the request body ("" for the body itself). */
  public String path() {
    return path;
  }

  /** The full path of a field, for messages. */
  public String field(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  public boolean has(String name) {
    JsonNode value = node.get(name);
    return value != null && !value.isNull();
  }

  public JsonNode raw(String name) {
    JsonNode value = node.get(name);
    return value == null || value.isNull() ? null : value;
  }

  public Iterator<Map.Entry<String, JsonNode>> fields() {
    return node.fields();
  }

  public String string(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      throw wrongType(name, "a string", value);
    }
    return value.asText();
  }

  public String requiredString(String name) {
    String value = string(name);
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  /** A non-blank required string. */
  public String requiredText(String name) {
    String value = requiredString(name);
    if (value.isBlank()) {
      throw ApiException.badRequest(
          "Expected '" + field(name) + "' to be non-empty, but was blank");
    }
    return value;
  }

  public Integer integer(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw wrongType(name, "an integer", value);
    }
    return value.intValue();
  }

  public Long longValue(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw wrongType(name, "an integer", value);
    }
    return value.longValue();
  }

  public Boolean bool(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    if (!value.isBoolean()) {
      throw wrongType(name, "a boolean", value);
    }
    return value.booleanValue();
  }

  /** A key: a numeric string (as the API sends keys) or an integer. */
  public Long key(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    return toKey(value, field(name));
  }

  public long requiredKey(String name) {
    Long value = key(name);
    if (value == null) {
      throw missing(name);
    }
    return value;
  }

  /** A nested object, or null when absent. */
  public JsonBody object(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    if (!value.isObject()) {
      throw wrongType(name, "an object", value);
    }
    return new JsonBody((ObjectNode) value, field(name));
  }

  /** A variables document: a JSON object, converted to the engine's value shape. */
  @SuppressWarnings("unchecked")
  public Map<String, Object> variables(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return Map.of();
    }
    if (!value.isObject()) {
      throw wrongType(name, "a JSON object", value);
    }
    return (Map<String, Object>) JsonValues.normalize(MAPPER.convertValue(value, Map.class));
  }

  public List<String> strings(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return null;
    }
    if (!value.isArray()) {
      throw wrongType(name, "an array of strings", value);
    }
    List<String> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      if (!item.isTextual()) {
        throw ApiException.badRequest(
            "Expected '" + field(name) + "[" + i + "]' to be a string, but was " + describe(item));
      }
      result.add(item.asText());
    }
    return result;
  }

  /** A list of nested objects. */
  public List<JsonBody> objects(String name) {
    JsonNode value = raw(name);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw wrongType(name, "an array", value);
    }
    List<JsonBody> result = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      JsonNode item = value.get(i);
      String itemPath = field(name) + "[" + i + "]";
      if (!item.isObject()) {
        throw ApiException.badRequest(
            "Expected '" + itemPath + "' to be an object, but was " + describe(item));
      }
      result.add(new JsonBody((ObjectNode) item, itemPath));
    }
    return result;
  }

  /** Rejects fields this request does not know (400 naming the first unknown one). */
  public void allowOnly(java.util.Set<String> names) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw ApiException.badRequest(
            "Unknown property '"
                + field(name)
                + "'; expected one of "
                + names.stream().sorted().toList());
      }
    }
  }

  public ApiException missing(String name) {
    return ApiException.badRequest(
        "Expected a value for '" + field(name) + "', but the request has none");
  }

  private ApiException wrongType(String name, String expected, JsonNode actual) {
    return ApiException.badRequest(
        "Expected '" + field(name) + "' to be " + expected + ", but was " + describe(actual));
  }

  /** Converts a key given as numeric string or integer; 400 naming {@code fieldPath} otherwise. */
  public static long toKey(JsonNode value, String fieldPath) {
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.asText().trim());
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw ApiException.badRequest(
        "Expected '" + fieldPath + "' to be a key (a numeric string), but was " + describe(value));
  }

  public static String describe(JsonNode value) {
    String text = value.toString();
    if (text.length() > 100) {
      text = text.substring(0, 100) + "...";
    }
    return value.getNodeType().name().toLowerCase() + " " + text;
  }
}
