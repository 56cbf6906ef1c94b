package fr.secondevie.engine.rest.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.rest.http.JsonBody;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A search read through lookups answers exactly as the same search over every item (filters, sorts,
 * offset and cursor pages, totals), and reads fewer items when its filter requires an indexed
 * value.
 */
class SearchSourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** An item: a key, its group (indexed), a rank, and variables (indexed by value). */
  private record Item(long key, String group, long rank, Map<String, List<String>> variables) {}

  private static final SearchSchema<Item> SCHEMA =
      SearchSchema.<Item>of("item", Item::key)
          .key("key", Item::key)
          .string("group", Item::group)
          .integer("rank", Item::rank)
          .variables("variables", Item::variables)
          .withOr();

  private static final List<Item> ITEMS = items();

  private static List<Item> items() {
    List<Item> items = new ArrayList<>();
    for (int i = 1; i <= 300; i++) {
      items.add(
          new Item(
              1_000 + i,
              "g" + (i % 7),
              i % 11,
              Map.of(
                  "assetId", List.of(String.valueOf(i % 13)),
                  "campaignId", List.of(String.valueOf(1 + i % 20)),
                  "label", List.of("\"item " + i + "\""))));
    }
    return items;
  }

  /**
   * Lookups answering a superset: the items that have the value plus every tenth item, as an index
   * that keeps a variable's former values does.
   */
  private static SearchSource<Item> source(AtomicInteger fullReads) {
    return SearchSource.<Item>of(
            () -> {
              fullReads.incrementAndGet();
              return ITEMS;
            })
        .byField("group", group -> superset(i -> i.group().equals(group)))
        .byField("key", key -> superset(i -> i.key() == (Long) key))
        .byVariable(
            (name, json) ->
                json.startsWith("{")
                    ? null
                    : superset(i -> i.variables().getOrDefault(name, List.of()).contains(json)));
  }

  private static Collection<Item> superset(java.util.function.Predicate<Item> has) {
    return ITEMS.stream().filter(i -> has.test(i) || i.key() % 10 == 0).toList();
  }

  static Stream<String> requests() {
    return Stream.of(
        "{}",
        "{\"filter\":{\"group\":\"g3\"}}",
        "{\"filter\":{\"group\":{\"$eq\":\"g3\",\"$in\":[]}},\"sort\":[{\"field\":\"rank\",\"order\":\"DESC\"}]}",
        "{\"filter\":{\"group\":\"g3\",\"rank\":{\"$gte\":4}},\"page\":{\"from\":5,\"limit\":3}}",
        "{\"filter\":{\"group\":\"g3\"},\"page\":{\"from\":42,\"limit\":1}}",
        "{\"filter\":{\"group\":\"g3\"},\"page\":{\"from\":43,\"limit\":5}}",
        "{\"filter\":{\"group\":\"g3\"},\"page\":{\"from\":500,\"limit\":5}}",
        "{\"filter\":{\"group\":\"none\"}}",
        "{\"filter\":{\"key\":\"1150\"}}",
        "{\"filter\":{\"key\":{\"$eq\":\"1150\"},\"group\":\"g3\"}}",
        "{\"filter\":{\"variables\":[{\"name\":\"campaignId\",\"value\":\"7\"}]},"
            + "\"sort\":[{\"field\":\"rank\",\"order\":\"ASC\"}],\"page\":{\"from\":3,\"limit\":4}}",
        "{\"filter\":{\"variables\":[{\"name\":\"campaignId\",\"value\":{\"$eq\":\"7\"}},"
            + "{\"name\":\"assetId\",\"value\":\"4\"}]}}",
        "{\"filter\":{\"variables\":[{\"name\":\"label\",\"value\":{\"$like\":\"*1*\"}}]},"
            + "\"page\":{\"limit\":10}}",
        "{\"filter\":{\"variables\":[{\"name\":\"campaignId\",\"value\":\"{}\"}]}}",
        "{\"filter\":{\"$or\":[{\"group\":\"g1\"},{\"group\":\"g2\"}]},\"page\":{\"limit\":7}}",
        "{\"sort\":[{\"field\":\"rank\",\"order\":\"DESC\"},{\"field\":\"group\"}],"
            + "\"page\":{\"from\":250,\"limit\":25}}",
        "{\"sort\":[{\"field\":\"rank\"}],\"page\":{\"from\":0,\"limit\":300}}",
        "{\"sort\":[{\"field\":\"rank\"}],\"page\":{\"from\":299,\"limit\":300}}");
  }

  @ParameterizedTest
  @MethodSource("requests")
  void shouldAnswerAsTheSearchOverEveryItem(String request) throws Exception {
    // given
    ObjectNode body = (ObjectNode) JSON.readTree(request);

    // when
    ObjectNode everyItem = query(body).execute(ITEMS, SearchSourceTest::json);
    ObjectNode throughLookups =
        query(body).execute(source(new AtomicInteger()), SearchSourceTest::json);

    // then
    assertThat(throughLookups).isEqualTo(everyItem);
  }

  @ParameterizedTest
  @MethodSource("requests")
  void shouldFollowCursorsAsTheSearchOverEveryItem(String request) throws Exception {
    // given: the request's first page, then the next and previous pages by cursor
    ObjectNode body = (ObjectNode) JSON.readTree(request);
    body.remove("page");
    body.putObject("page").put("limit", 4);
    ObjectNode first = query(body).execute(ITEMS, SearchSourceTest::json);
    String end = first.get("page").get("endCursor").asText(null);
    if (end == null) {
      assertThat(first.get("items")).isEmpty();
      return;
    }
    ObjectNode after = body.deepCopy();
    after.putObject("page").put("limit", 4).put("after", end);
    ObjectNode next = query(after).execute(ITEMS, SearchSourceTest::json);
    ObjectNode before = body.deepCopy();
    String nextEnd = next.get("page").get("endCursor").asText(null);
    before.putObject("page").put("limit", 3).put("before", nextEnd == null ? end : nextEnd);

    // when / then
    assertThat(query(after).execute(source(new AtomicInteger()), SearchSourceTest::json))
        .isEqualTo(next);
    assertThat(query(before).execute(source(new AtomicInteger()), SearchSourceTest::json))
        .isEqualTo(query(before).execute(ITEMS, SearchSourceTest::json));
  }

  @Test
  void shouldReadOnlyTheCandidatesWhenTheFilterRequiresAnIndexedValue() throws Exception {
    // given
    AtomicInteger fullReads = new AtomicInteger();
    SearchSource<Item> source = source(fullReads);

    // when
    query((ObjectNode) JSON.readTree("{\"filter\":{\"group\":\"g3\"}}"))
        .execute(source, SearchSourceTest::json);
    query(
            (ObjectNode)
                JSON.readTree(
                    "{\"filter\":{\"variables\":[{\"name\":\"campaignId\",\"value\":\"7\"}]}}"))
        .execute(source, SearchSourceTest::json);
    int afterIndexed = fullReads.get();
    query((ObjectNode) JSON.readTree("{\"filter\":{\"rank\":3}}"))
        .execute(source, SearchSourceTest::json);
    query((ObjectNode) JSON.readTree("{\"filter\":{\"$or\":[{\"group\":\"g1\"}]}}"))
        .execute(source, SearchSourceTest::json);

    // then: the indexed equalities read no full list; a rank or an $or read every item
    assertThat(afterIndexed).isZero();
    assertThat(fullReads.get()).isEqualTo(2);
  }

  @Test
  void shouldPageTheFirstItemsInSortOrderWithoutLosingTheTotal() throws Exception {
    // given
    ObjectNode body =
        (ObjectNode)
            JSON.readTree(
                "{\"sort\":[{\"field\":\"rank\",\"order\":\"DESC\"}],"
                    + "\"page\":{\"from\":24,\"limit\":2}}");

    // when
    ObjectNode page = query(body).execute(ITEMS, SearchSourceTest::json);

    // then: ranks 10 come first (27 items of rank 10), by key
    List<Item> expected =
        ITEMS.stream()
            .sorted(
                java.util.Comparator.comparingLong(Item::rank)
                    .reversed()
                    .thenComparingLong(Item::key))
            .skip(24)
            .limit(2)
            .toList();
    assertThat(page.get("items").findValuesAsText("key"))
        .containsExactly(
            String.valueOf(expected.get(0).key()), String.valueOf(expected.get(1).key()));
    assertThat(page.get("page").get("totalItems").asLong()).isEqualTo(300);
  }

  private static SearchQuery<Item> query(ObjectNode body) {
    return SearchQuery.parse(SCHEMA, JsonBody.of(body, ""));
  }

  private static JsonNode json(Item item) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("key", String.valueOf(item.key()));
    node.put("group", item.group());
    node.put("rank", item.rank());
    return node;
  }
}
