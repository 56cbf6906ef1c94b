package fr.secondevie.engine.rest.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.rest.http.ApiException;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.search.SearchSchema.Field;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A parsed search request ({@code {"filter": {...}, "sort": [...], "page": {...}}}) for one {@link
 * SearchSchema}, and its execution over a collection of items.
 *
 * <ul>
 *   <li>Filter fields take a plain value (implicit {@code $eq}) or an object of operators; every
 *       field must hold. Unknown fields, unknown operators and operands of the wrong type are 400s
 *       naming the field.
 *   <li>Sort is a list of {@code {field, order}}; the item key is always the last criterion, so
 *       that the order is total and stable. Missing values sort last in both directions.
 *   <li>Page is {@code from}/{@code limit} (offset) or {@code after}/{@code before} (cursors, with
 *       {@code limit}); the default limit is 100. Cursors encode the sort values of an item and its
 *       key, so a cursor stays valid while items are added.
 * </ul>
 *
 * @param <T> the item type
 */
public final class SearchQuery<T> {

  public static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 10_000;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> TOP_LEVEL = Set.of("filter", "sort", "page");
  private static final Set<String> PAGE_FIELDS = Set.of("from", "limit", "after", "before");

  private final SearchSchema<T> schema;
  private final Predicate<T> filter;
  private final List<Field<T>> sortFields = new ArrayList<>();
  private final List<Boolean> descending = new ArrayList<>();
  private int from;
  private int limit = DEFAULT_LIMIT;
  private Object[] after;
  private Object[] before;

  private SearchQuery(SearchSchema<T> schema, JsonBody body) {
    this.schema = schema;
    body.allowOnly(TOP_LEVEL);
    JsonBody filterBody = body.object("filter");
    this.filter = filterBody == null ? item -> true : parseFilter(filterBody);
    parseSort(body.raw("sort"));
    parsePage(body.object("page"));
  }

  /** Parses a search request body; 400 on anything the schema does not accept. */
  public static <T> SearchQuery<T> parse(SearchSchema<T> schema, JsonBody body) {
    return new SearchQuery<>(schema, body);
  }

  /**
   * Runs the query: filters, sorts and pages the items and returns the response document {@code
   * {"items": [...], "page": {...}}} with each item mapped to JSON.
   */
  public ObjectNode execute(Collection<T> items, Function<T, ? extends JsonNode> mapper) {
    List<Row<T>> matched = sorted(items);
    int total = matched.size();
    List<Row<T>> page;
    if (after != null) {
      List<Row<T>> following =
          matched.stream().filter(r -> compareTuples(r.tuple(), after) > 0).toList();
      page = following.subList(0, Math.min(limit, following.size()));
    } else if (before != null) {
      List<Row<T>> preceding =
          matched.stream().filter(r -> compareTuples(r.tuple(), before) < 0).toList();
      page = preceding.subList(Math.max(0, preceding.size() - limit), preceding.size());
    } else {
      int start = Math.min(from, total);
      page = matched.subList(start, Math.min(total, start + limit));
    }
    ObjectNode response = JsonNodeFactory.instance.objectNode();
    ArrayNode array = response.putArray("items");
    page.forEach(row -> array.add(mapper.apply(row.item())));
    ObjectNode pageNode = response.putObject("page");
    pageNode.put("totalItems", (long) total);
    pageNode.put("hasMoreTotalItems", false);
    if (page.isEmpty()) {
      pageNode.putNull("startCursor");
      pageNode.putNull("endCursor");
    } else {
      pageNode.put("startCursor", encode(page.get(0).tuple()));
      pageNode.put("endCursor", encode(page.get(page.size() - 1).tuple()));
    }
    return response;
  }

  /** The items matching the filter, in sort order, without paging. */
  public List<T> matching(Collection<T> items) {
    return sorted(items).stream().map(Row::item).toList();
  }

  /** An item with its sort values (read once). */
  private record Row<T>(T item, Object[] tuple) {}

  private List<Row<T>> sorted(Collection<T> items) {
    List<Row<T>> rows = new ArrayList<>();
    for (T item : items) {
      if (filter.test(item)) {
        rows.add(new Row<>(item, tuple(item)));
      }
    }
    rows.sort((a, b) -> compareTuples(a.tuple(), b.tuple()));
    return rows;
  }

  // ---- filter

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
    SearchQuery<C> children =
        new SearchQuery<>(
            joint.childSchema(), JsonBody.of(JsonNodeFactory.instance.objectNode(), ""));
    Predicate<C> child = children.parseFilter(body);
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
        yield item -> condition.test(normalize(field.reader().apply(item)));
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
        Pattern pattern = likePattern(node.asText());
        return actual -> actual instanceof String s && pattern.matcher(s).matches();
      }
      default -> {
        Object operand = operand(field, node, path);
        return switch (op) {
          case "$eq" -> actual -> Objects.equals(actual, operand);
          case "$neq" -> actual -> !Objects.equals(actual, operand);
          case "$gt" -> actual -> actual != null && compare(actual, operand) > 0;
          case "$gte" -> actual -> actual != null && compare(actual, operand) >= 0;
          case "$lt" -> actual -> actual != null && compare(actual, operand) < 0;
          case "$lte" -> actual -> actual != null && compare(actual, operand) <= 0;
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
        return parseDate(node.asText(), path);
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

  static long parseDate(String text, String path) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      try {
        return ZonedDateTime.parse(text).toInstant().toEpochMilli();
      } catch (DateTimeParseException e2) {
        throw ApiException.badRequest(
            "Expected '"
                + path
                + "' to be an ISO-8601 date-time with offset (e.g."
                + " 2025-01-31T10:15:30.000Z), but was '"
                + text
                + "'");
      }
    }
  }

  /** {@code *} any characters, {@code ?} one character, {@code \} escapes; the rest is literal. */
  static Pattern likePattern(String like) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < like.length(); i++) {
      char c = like.charAt(i);
      if (c == '\\' && i + 1 < like.length()) {
        regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
      } else if (c == '*') {
        regex.append(".*");
      } else if (c == '?') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private static ApiException typeError(String path, String expected, JsonNode actual) {
    return ApiException.badRequest(
        "Expected '" + path + "' to be " + expected + ", but was " + JsonBody.describe(actual));
  }

  // ---- sort

  private void parseSort(JsonNode sort) {
    if (sort == null) {
      return;
    }
    if (!sort.isArray()) {
      throw typeError("sort", "an array of {field, order}", sort);
    }
    for (int i = 0; i < sort.size(); i++) {
      String path = "sort[" + i + "]";
      JsonNode entry = sort.get(i);
      if (!entry.isObject()) {
        throw typeError(path, "an object {field, order}", entry);
      }
      JsonBody body = JsonBody.of((ObjectNode) entry, path);
      body.allowOnly(Set.of("field", "order"));
      String name = body.requiredString("field");
      Field<T> field = schema.field(name);
      if (field == null || !field.sortable()) {
        throw ApiException.badRequest(
            "Unknown sort field '"
                + name
                + "' in '"
                + path
                + ".field' for "
                + schema.entity()
                + " searches; expected one of "
                + schema.sortFields());
      }
      String order = body.string("order");
      boolean desc = false;
      if (order != null) {
        switch (order.toUpperCase(Locale.ROOT)) {
          case "ASC" -> desc = false;
          case "DESC" -> desc = true;
          default ->
              throw ApiException.badRequest(
                  "Expected '" + path + ".order' to be ASC or DESC, but was '" + order + "'");
        }
      }
      sortFields.add(field);
      descending.add(desc);
    }
  }

  private Object[] tuple(T item) {
    Object[] values = new Object[sortFields.size() + 1];
    for (int i = 0; i < sortFields.size(); i++) {
      values[i] = normalize(sortFields.get(i).reader().apply(item));
    }
    values[sortFields.size()] = schema.keyOf(item);
    return values;
  }

  private int compareTuples(Object[] a, Object[] b) {
    for (int i = 0; i < a.length; i++) {
      Object x = a[i];
      Object y = b[i];
      int result;
      if (x == null || y == null) {
        // missing values last, whatever the direction
        result = x == null ? (y == null ? 0 : 1) : -1;
      } else {
        result = compare(x, y);
        if (i < descending.size() && descending.get(i)) {
          result = -result;
        }
      }
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Long.compare(x.longValue(), y.longValue());
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable c) {
      return c.compareTo(b);
    }
    return a.toString().compareTo(b.toString());
  }

  private static Object normalize(Object value) {
    if (value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    }
    return value;
  }

  // ---- page

  private void parsePage(JsonBody page) {
    if (page == null) {
      return;
    }
    page.allowOnly(PAGE_FIELDS);
    Integer fromValue = page.integer("from");
    Integer limitValue = page.integer("limit");
    String afterValue = page.string("after");
    String beforeValue = page.string("before");
    if (fromValue != null && (afterValue != null || beforeValue != null)) {
      throw ApiException.badRequest(
          "Expected either 'page.from' (offset) or 'page.after'/'page.before' (cursor), but got"
              + " both");
    }
    if (afterValue != null && beforeValue != null) {
      throw ApiException.badRequest(
          "Expected at most one of 'page.after' and 'page.before', but got both");
    }
    if (fromValue != null) {
      if (fromValue < 0) {
        throw ApiException.badRequest(
            "Expected 'page.from' to be zero or more, but was " + fromValue);
      }
      from = fromValue;
    }
    if (limitValue != null) {
      if (limitValue < 1 || limitValue > MAX_LIMIT) {
        throw ApiException.badRequest(
            "Expected 'page.limit' to be between 1 and " + MAX_LIMIT + ", but was " + limitValue);
      }
      limit = limitValue;
    }
    if (afterValue != null) {
      after = decode(afterValue, "page.after");
    }
    if (beforeValue != null) {
      before = decode(beforeValue, "page.before");
    }
  }

  private String encode(Object[] tuple) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    for (Object value : tuple) {
      array.add(MAPPER.valueToTree(value));
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(array.toString().getBytes(StandardCharsets.UTF_8));
  }

  private Object[] decode(String cursor, String path) {
    try {
      JsonNode array = MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
      if (array.isArray() && array.size() == sortFields.size() + 1) {
        Object[] tuple = new Object[array.size()];
        for (int i = 0; i < array.size(); i++) {
          JsonNode value = array.get(i);
          tuple[i] =
              value.isNull()
                  ? null
                  : value.isIntegralNumber()
                      ? (Object) value.longValue()
                      : value.isBoolean() ? (Object) value.booleanValue() : value.asText();
        }
        return tuple;
      }
    } catch (IllegalArgumentException | JsonProcessingException e) {
      // reported below
    } catch (java.io.IOException e) {
      // reported below
    }
    throw ApiException.badRequest(
        "Expected '"
            + path
            + "' to be a cursor returned by a search with the same sort, but was '"
            + cursor
            + "'");
  }
}
