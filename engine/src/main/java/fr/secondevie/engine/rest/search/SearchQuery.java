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
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

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
  private final SearchFilter<T> filters;

  private SearchQuery(SearchSchema<T> schema, JsonBody body) {
    this.schema = schema;
    body.allowOnly(TOP_LEVEL);
    JsonBody filterBody = body.object("filter");
    this.filters = new SearchFilter<>(schema);
    this.filter = filterBody == null ? item -> true : filters.parse(filterBody);
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
    List<Row<T>> matched = matched(items);
    int total = matched.size();
    List<Row<T>> page;
    if (after != null) {
      List<Row<T>> following = new ArrayList<>();
      for (Row<T> row : matched) {
        if (compareTuples(row.tuple(), after) > 0) {
          following.add(row);
        }
      }
      page = first(following, limit, this::compareRows);
    } else if (before != null) {
      List<Row<T>> preceding = new ArrayList<>();
      for (Row<T> row : matched) {
        if (compareTuples(row.tuple(), before) < 0) {
          preceding.add(row);
        }
      }
      page = new ArrayList<>(first(preceding, limit, (a, b) -> compareRows(b, a)));
      Collections.reverse(page);
    } else {
      List<Row<T>> head =
          first(matched, (int) Math.min(Integer.MAX_VALUE, (long) from + limit), this::compareRows);
      page = head.subList(Math.min(from, head.size()), head.size());
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

  /**
   * Runs the query over the items of {@code source}: the same answer as {@link #execute} over all
   * of them, read through the source's lookups when the filter requires a value of an indexed
   * field.
   */
  public ObjectNode execute(SearchSource<T> source, Function<T, ? extends JsonNode> mapper) {
    return execute(source.candidates(filters.equalities(), filters.variableEqualities()), mapper);
  }

  /**
   * The {@code count} first rows in {@code order}, sorted: only those are kept while reading, so
   * that a page costs one pass over the rows rather than a sort of them all.
   */
  private static <R> List<R> first(List<R> rows, int count, Comparator<R> order) {
    if (count >= rows.size()) {
      List<R> all = new ArrayList<>(rows);
      all.sort(order);
      return all;
    }
    PriorityQueue<R> kept = new PriorityQueue<>(count + 1, order.reversed());
    for (R row : rows) {
      if (kept.size() < count) {
        kept.add(row);
      } else if (order.compare(row, kept.peek()) < 0) {
        kept.poll();
        kept.add(row);
      }
    }
    List<R> head = new ArrayList<>(kept);
    head.sort(order);
    return head;
  }

  private int compareRows(Row<T> a, Row<T> b) {
    return compareTuples(a.tuple(), b.tuple());
  }

  /** The items matching the filter, in sort order, without paging. */
  public List<T> matching(Collection<T> items) {
    return sorted(items).stream().map(Row::item).toList();
  }

  /** An item with its sort values (read once). */
  private record Row<T>(T item, Object[] tuple) {}

  private List<Row<T>> sorted(Collection<T> items) {
    List<Row<T>> rows = matched(items);
    rows.sort(this::compareRows);
    return rows;
  }

  /** The items matching the filter with their sort values, in no particular order. */
  private List<Row<T>> matched(Collection<T> items) {
    List<Row<T>> rows = new ArrayList<>();
    for (T item : items) {
      if (filter.test(item)) {
        rows.add(new Row<>(item, tuple(item)));
      }
    }
    return rows;
  }

  // ---- sort

  private void parseSort(JsonNode sort) {
    if (sort == null) {
      return;
    }
    if (!sort.isArray()) {
      throw SearchFilter.typeError("sort", "an array of {field, order}", sort);
    }
    for (int i = 0; i < sort.size(); i++) {
      String path = "sort[" + i + "]";
      JsonNode entry = sort.get(i);
      if (!entry.isObject()) {
        throw SearchFilter.typeError(path, "an object {field, order}", entry);
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
  static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Long.compare(x.longValue(), y.longValue());
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable c) {
      return c.compareTo(b);
    }
    return a.toString().compareTo(b.toString());
  }

  static Object normalize(Object value) {
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
