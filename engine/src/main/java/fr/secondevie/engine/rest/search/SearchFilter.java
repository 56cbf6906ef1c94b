package fr.secondevie.engine.rest.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.rest.http.ApiException;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.search.SearchSchema.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The {@code filter} of a search request for one {@link SearchSchema}: parsed into a predicate (400
 * naming the field on anything the schema does not accept), with the values it requires of
 * top-level fields and variables for the lookups of a {@link SearchSource}.
 *
 * @param <T> the item type
 */
final class SearchFilter<T> {

  private final SearchSchema<T> schema;
  private final Map<String, Object> equalities = new LinkedHashMap<>();
  private final List<SearchSource.VariableEquality> variableEqualities = new ArrayList<>();

  SearchFilter(SearchSchema<T> schema) {
    this.schema = schema;
  }

  /** The predicate of a whole filter object; its required values are then known. */
  Predicate<T> parse(JsonBody body) {
    Predicate<T> predicate = parseFilter(body);
    collectEqualities(body);
    return predicate;
  }

  /** Top-level fields required with {@code $eq} or a plain value: name to operand. */
  Map<String, Object> equalities() {
    return equalities;
  }

  /** Variables required with {@code $eq} or a plain value. */
  List<SearchSource.VariableEquality> variableEqualities() {
    return variableEqualities;
  }

  /**
   * The values the filter requires with {@code $eq} (or a plain value) of top-level fields and
   * variables, for the lookups of a {@link SearchSource}; the filter itself is already parsed (and
   * the request validated) at this point.
   */
  private void collectEqualities(JsonBody body) {
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      Field<T> field = schema.field(entry.getKey());
      JsonNode value = entry.getValue();
      if (field == null || !field.filterable() || value == null || value.isNull()) {
        continue;
      }
      if (field.type() == FieldType.VARIABLES) {
        for (JsonNode variable : value) {
          JsonNode operand = equalityOperand(variable.get("value"));
          if (operand != null && operand.isTextual()) {
            variableEqualities.add(
                new SearchSource.VariableEquality(variable.get("name").asText(), operand.asText()));
          }
        }
      } else if (field.type().isScalar()) {
        JsonNode operand = equalityOperand(value);
        if (operand != null) {
          equalities.put(
              field.name(),
              SearchQuery.normalize(operand(field, operand, body.field(field.name()))));
        }
      }
    }
  }

  /** The operand of a plain value or of {@code $eq}; null when the value requires no equality. */
  private static JsonNode equalityOperand(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isObject()) {
      return value;
    }
    JsonNode eq = value.get("$eq");
    return eq == null || eq.isNull() || eq.isContainerNode() ? null : eq;
  }

  private Predicate<T> parseFilter(JsonBody body) {
    Predicate<T> result = item -> true;
    Map<SearchSchema.Joint<T, ?>, ObjectNode> joints = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = entry.getKey();
      JsonNode value = entry.getValue();
      String path = body.field(name);
      if (value == null || value.isNull()) {
        continue;
      }
      SearchSchema.Joint<T, ?> joint = schema.joint(name);
      if (joint != null) {
        joints.computeIfAbsent(joint, j -> JsonNodeFactory.instance.objectNode()).set(name, value);
        continue;
      }
      Predicate<T> condition;
      if (name.equals("$or") && schema.orSupported()) {
        condition = parseOr(body, name);
      } else {
        Field<T> field = schema.field(name);
        if (field == null || !field.filterable()) {
          throw ApiException.badRequest(
              "Unknown filter field '"
                  + path
                  + "' for "
                  + schema.entity()
                  + " searches; expected one of "
                  + schema.filterFields());
        }
        condition = fieldCondition(field, value, path);
      }
      result = result.and(condition);
    }
    for (Map.Entry<SearchSchema.Joint<T, ?>, ObjectNode> joint : joints.entrySet()) {
      result =
          result.and(jointCondition(joint.getKey(), JsonBody.of(joint.getValue(), body.path())));
    }
    return result;
  }

  /** One child of the item must match all the joint fields together. */
  private static <T, C> Predicate<T> jointCondition(SearchSchema.Joint<T, C> joint, JsonBody body) {
    Predicate<C> child = new SearchFilter<>(joint.childSchema()).parseFilter(body);
    return item -> joint.children().apply(item).stream().anyMatch(child);
  }

  private Predicate<T> parseOr(JsonBody body, String name) {
    List<Predicate<T>> alternatives = new ArrayList<>();
    for (JsonBody alternative : body.objects(name)) {
      alternatives.add(parseFilter(alternative));
    }
    return item -> alternatives.isEmpty() || alternatives.stream().anyMatch(p -> p.test(item));
  }

  @SuppressWarnings("unchecked")
  private Predicate<T> fieldCondition(Field<T> field, JsonNode value, String path) {
    return switch (field.type()) {
      case VARIABLES -> variablesCondition(field, value, path);
      case TAGS -> {
        List<String> tags = new ArrayList<>();
        if (!value.isArray()) {
          throw typeError(path, "an array of tags", value);
        }
        value.forEach(tag -> tags.add(tag.asText()));
        yield item -> {
          Collection<String> actual = (Collection<String>) field.reader().apply(item);
          return actual != null && actual.containsAll(tags);
        };
      }
      case STRING_LIST -> {
        Predicate<Object> condition = valueCondition(field, value, path);
        boolean negative = isNegative(value);
        yield item -> {
          List<String> actual = (List<String>) field.reader().apply(item);
          if (actual == null || actual.isEmpty()) {
            return condition.test(null);
          }
          return negative
              ? actual.stream().allMatch(condition)
              : actual.stream().anyMatch(condition);
        };
      }
      default -> {
        Predicate<Object> condition = valueCondition(field, value, path);
        yield item -> condition.test(SearchQuery.normalize(field.reader().apply(item)));
      }
    };
  }

  private static boolean isNegative(JsonNode value) {
    if (!value.isObject()) {
      return false;
    }
    for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
      String op = it.next();
      if (!op.equals("$neq") && !op.equals("$notIn")) {
        return false;
      }
    }
    return value.size() > 0;
  }

  private Predicate<T> variablesCondition(Field<T> field, JsonNode value, String path) {
    if (!value.isArray()) {
      throw typeError(path, "an array of {name, value} filters", value);
    }
    List<Predicate<Map<String, List<String>>>> conditions = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String itemPath = path + "[" + i + "]";
      JsonNode entry = value.get(i);
      if (!entry.isObject()) {
        throw typeError(itemPath, "an object {name, value}", entry);
      }
      JsonBody body = JsonBody.of((ObjectNode) entry, itemPath);
      body.allowOnly(Set.of("name", "value"));
      String name = body.requiredString("name");
      JsonNode valueFilter = body.raw("value");
      Predicate<Object> condition =
          valueFilter == null
              ? v -> true
              : valueCondition(
                  new Field<T>("value", FieldType.STRING, x -> null, Set.of(), true, false),
                  valueFilter,
                  itemPath + ".value");
      conditions.add(
          variables -> {
            List<String> texts = variables == null ? null : variables.get(name);
            return texts != null && texts.stream().anyMatch(condition);
          });
    }
    return item -> {
      @SuppressWarnings("unchecked")
      Map<String, List<String>> variables = (Map<String, List<String>>) field.reader().apply(item);
      return conditions.stream().allMatch(c -> c.test(variables));
    };
  }

  /** A condition on one (normalised) value: a plain value is $eq, an object combines operators. */
  private Predicate<Object> valueCondition(Field<T> field, JsonNode value, String path) {
    if (!value.isObject()) {
      Object operand = operand(field, value, path);
      return actual -> Objects.equals(actual, operand);
    }
    Predicate<Object> result = actual -> true;
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String op = entry.getKey();
      JsonNode operandNode = entry.getValue();
      String opPath = path + "." + op;
      if (!field.type().operators().contains(op)) {
        throw ApiException.badRequest(
            "Unknown operator '"
                + op
                + "' in filter '"
                + path
                + "'; expected one of "
                + field.type().operators().stream().sorted().toList());
      }
      if (operandNode == null || operandNode.isNull()) {
        continue;
      }
      result = result.and(operator(field, op, operandNode, opPath));
    }
    return result;
  }

  private Predicate<Object> operator(Field<T> field, String op, JsonNode node, String path) {
    switch (op) {
      case "$exists" -> {
        if (!node.isBoolean()) {
          throw typeError(path, "a boolean", node);
        }
        boolean exists = node.booleanValue();
        return actual -> (actual != null) == exists;
      }
      case "$in", "$notIn" -> {
        if (!node.isArray()) {
          throw typeError(path, "an array", node);
        }
        if (node.isEmpty()) {
          // the Java client sends "$in": [] alongside "$eq": an empty list constrains nothing
          return actual -> true;
        }
        List<Object> operands = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
          operands.add(operand(field, node.get(i), path + "[" + i + "]"));
        }
        boolean in = op.equals("$in");
        return actual -> in == (actual != null && operands.contains(actual));
      }
      case "$like" -> {
        if (!node.isTextual()) {
          throw typeError(path, "a string", node);
        }
        Pattern pattern = TextOperands.likePattern(node.asText());
        return actual -> actual instanceof String s && pattern.matcher(s).matches();
      }
      default -> {
        Object operand = operand(field, node, path);
        return switch (op) {
          case "$eq" -> actual -> Objects.equals(actual, operand);
          case "$neq" -> actual -> !Objects.equals(actual, operand);
          case "$gt" -> actual -> actual != null && SearchQuery.compare(actual, operand) > 0;
          case "$gte" -> actual -> actual != null && SearchQuery.compare(actual, operand) >= 0;
          case "$lt" -> actual -> actual != null && SearchQuery.compare(actual, operand) < 0;
          case "$lte" -> actual -> actual != null && SearchQuery.compare(actual, operand) <= 0;
          default -> throw new IllegalStateException("Unexpected operator " + op);
        };
      }
    }
  }

  /** Converts an operand to the field's value shape; 400 naming the field when it cannot. */
  private Object operand(Field<T> field, JsonNode node, String path) {
    switch (field.type()) {
      case KEY -> {
        return JsonBody.toKey(node, path);
      }
      case INTEGER -> {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
          throw typeError(path, "an integer", node);
        }
        return node.longValue();
      }
      case DATE -> {
        if (!node.isTextual()) {
          throw typeError(path, "an ISO-8601 date-time string", node);
        }
        return TextOperands.parseDate(node.asText(), path);
      }
      case BOOLEAN -> {
        if (!node.isBoolean()) {
          throw typeError(path, "a boolean", node);
        }
        return node.booleanValue();
      }
      case ENUM -> {
        if (!node.isTextual()) {
          throw typeError(path, "a string", node);
        }
        String text = node.asText();
        if (!field.values().contains(text)) {
          throw ApiException.badRequest(
              "Expected '"
                  + path
                  + "' to be one of "
                  + field.values().stream().sorted().toList()
                  + ", but was '"
                  + text
                  + "'");
        }
        return text;
      }
      default -> {
        if (!node.isTextual()) {
          throw typeError(path, "a string", node);
        }
        return node.asText();
      }
    }
  }

  static ApiException typeError(String path, String expected, JsonNode actual) {
    return ApiException.badRequest(
        "Expected '" + path + "' to be " + expected + ", but was " + JsonBody.describe(actual));
  }
}
