package fr.secondevie.engine.rest;

import static fr.secondevie.engine.rest.RestEngine.CLIENT;
import static fr.secondevie.engine.rest.RestEngine.rest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.secondevie.engine.rest.RestEngine.Answer;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search semantics shared by every {@code /v2/.../search}: plain and operator filters, variable
 * filters, {@code $or}, stable sorts, offset and cursor pages, and the response shape (keys as
 * numeric strings, ISO-8601 dates, a {@code page} object). Checks
 * https://docs.camunda.io/docs/apis-tools/orchestration-cluster-api-rest/orchestration-cluster-api-rest-data-fetching/.
 */
class SearchTest {

  private static final AtomicInteger IDS = new AtomicInteger();

  private String processId;
  private final List<Long> keys = new ArrayList<>();

  @BeforeEach
  void startFiveInstances() {
    processId = "search-" + IDS.incrementAndGet();
    for (int version = 1; version <= 2; version++) {
      CLIENT
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(processId)
                  .name("Search v" + version)
                  .startEvent()
                  .serviceTask("work", t -> t.zeebeJobType(processId + ".work"))
                  .endEvent()
                  .done(),
              processId + ".bpmn")
          .send()
          .join();
    }
    for (int i = 1; i <= 5; i++) {
      keys.add(
          CLIENT
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .version(i <= 2 ? 1 : 2)
              .variables(Map.of("n", i, "name", "item-" + i))
              .send()
              .join()
              .getProcessInstanceKey());
    }
  }

  @Test
  void shouldFilterWithPlainValuesAndOperators() {
    assertThat(keysOf(search("{\"processDefinitionId\":\"" + processId + "\"}"))).isEqualTo(keys);
    assertThat(keysOf(search("{\"processDefinitionId\":{\"$eq\":\"" + processId + "\"}}")))
        .isEqualTo(keys);
    assertThat(keysOf(search(mine("\"processDefinitionVersion\":{\"$gte\":2}"))))
        .isEqualTo(keys.subList(2, 5));
    assertThat(keysOf(search(mine("\"processDefinitionVersion\":{\"$lt\":2,\"$neq\":3}"))))
        .isEqualTo(keys.subList(0, 2));
    assertThat(
            keysOf(
                search(
                    mine(
                        "\"processInstanceKey\":{\"$in\":[\""
                            + keys.get(0)
                            + "\",\""
                            + keys.get(4)
                            + "\"]}"))))
        .containsExactly(keys.get(0), keys.get(4));
    assertThat(
            keysOf(search(mine("\"processInstanceKey\":{\"$notIn\":[\"" + keys.get(0) + "\"]}"))))
        .isEqualTo(keys.subList(1, 5));
    assertThat(keysOf(search(mine("\"endDate\":{\"$exists\":false}")))).isEqualTo(keys);
    assertThat(keysOf(search(mine("\"parentProcessInstanceKey\":{\"$exists\":true}")))).isEmpty();
    assertThat(keysOf(search(mine("\"processDefinitionName\":{\"$like\":\"Search v?\"}"))))
        .isEqualTo(keys);
    assertThat(keysOf(search(mine("\"processDefinitionName\":{\"$like\":\"*v1\"}"))))
        .isEqualTo(keys.subList(0, 2));
    assertThat(keysOf(search(mine("\"state\":{\"$in\":[\"COMPLETED\",\"TERMINATED\"]}"))))
        .isEmpty();
    String now = OffsetDateTime.now().plusDays(1).toString();
    assertThat(keysOf(search(mine("\"startDate\":{\"$lt\":\"" + now + "\"}")))).isEqualTo(keys);
  }

  @Test
  void shouldFilterOnVariableValuesAsJsonText() {
    assertThat(keysOf(search(mine("\"variables\":[{\"name\":\"n\",\"value\":\"3\"}]"))))
        .containsExactly(keys.get(2));
    assertThat(
            keysOf(
                search(
                    mine(
                        "\"variables\":[{\"name\":\"name\",\"value\":{\"$like\":\"\\\"item-*\"}}]"))))
        .isEqualTo(keys);
    assertThat(
            keysOf(
                search(
                    mine(
                        "\"variables\":[{\"name\":\"n\",\"value\":{\"$in\":[\"1\",\"5\"]}},"
                            + "{\"name\":\"name\",\"value\":\"\\\"item-5\\\"\"}]"))))
        .containsExactly(keys.get(4));
  }

  @Test
  void shouldMatchElementFiltersOnOneElementInstance() {
    // given the first instance's task completed (the others' are active)
    var job =
        CLIENT
            .newActivateJobsCommand()
            .jobType(processId + ".work")
            .maxJobsToActivate(5)
            .send()
            .join()
            .getJobs()
            .stream()
            .filter(j -> j.getProcessInstanceKey() == keys.get(0))
            .findFirst()
            .orElseThrow();
    CLIENT.newCompleteCommand(job).send().join();

    // then: an instance matches when one element has both the id and the state
    await()
        .untilAsserted(
            () ->
                assertThat(
                        keysOf(
                            search(
                                mine(
                                    "\"elementId\":\"work\",\"elementInstanceState\":\"COMPLETED\""))))
                    .containsExactly(keys.get(0)));
    assertThat(keysOf(search(mine("\"elementId\":\"work\",\"elementInstanceState\":\"ACTIVE\""))))
        .isEqualTo(keys.subList(1, 5));
    assertThat(
            keysOf(
                search(
                    mine(
                        "\"elementId\":{\"$like\":\"wor?\"},\"hasElementInstanceIncident\":true"))))
        .isEmpty();
    assertThat(
            rest(
                    "POST",
                    "/v2/process-instances/search",
                    "{\"filter\":{\"elementInstanceState\":\"DONE\"}}")
                .json()
                .get("detail")
                .asText())
        .contains("filter.elementInstanceState");
  }

  @Test
  void shouldFindAnInstanceByTheCurrentValueOfAVariableOnly() {
    // given: a value no other instance has, then changed
    String unique = String.valueOf(1_000_000 + IDS.incrementAndGet());
    String changed = String.valueOf(2_000_000 + IDS.incrementAndGet());
    CLIENT
        .newSetVariablesCommand(keys.get(2))
        .variables(Map.of("n", Long.valueOf(unique)))
        .send()
        .join();
    await()
        .untilAsserted(
            () ->
                assertThat(
                        keysOf(
                            search(
                                mine(
                                    "\"variables\":[{\"name\":\"n\",\"value\":\""
                                        + unique
                                        + "\"}]"))))
                    .containsExactly(keys.get(2)));

    // when
    CLIENT
        .newSetVariablesCommand(keys.get(2))
        .variables(Map.of("n", Long.valueOf(changed)))
        .send()
        .join();

    // then: found by its new value, no longer by the former one (with or without the process id)
    await()
        .untilAsserted(
            () ->
                assertThat(
                        keysOf(
                            search(
                                "{\"variables\":[{\"name\":\"n\",\"value\":{\"$eq\":\""
                                    + changed
                                    + "\"}}]}")))
                    .containsExactly(keys.get(2)));
    assertThat(keysOf(search("{\"variables\":[{\"name\":\"n\",\"value\":\"" + unique + "\"}]}")))
        .isEmpty();
    assertThat(
            keysOf(search(mine("\"variables\":[{\"name\":\"n\",\"value\":\"" + unique + "\"}]"))))
        .isEmpty();
  }

  @Test
  void shouldCombineAlternativesWithOr() {
    String filter =
        mine(
            "\"$or\":[{\"processInstanceKey\":\""
                + keys.get(1)
                + "\"},{\"processDefinitionVersion\":2,\"variables\":[{\"name\":\"n\",\"value\":\"5\"}]}]");
    assertThat(keysOf(search(filter))).containsExactly(keys.get(1), keys.get(4));
  }

  @Test
  void shouldSortStablyWithTheKeyLast() {
    Answer byKeyDesc =
        rest(
            "POST",
            "/v2/process-instances/search",
            query(mine(""), sort("processInstanceKey", "DESC"), ""));
    assertThat(keysOf(byKeyDesc)).isEqualTo(reversed(keys));
    // every instance is ACTIVE: ties are broken by key, ascending
    Answer byState =
        rest("POST", "/v2/process-instances/search", query(mine(""), sort("state", "ASC"), ""));
    assertThat(keysOf(byState)).isEqualTo(keys);
    Answer byVersionDesc =
        rest(
            "POST",
            "/v2/process-instances/search",
            query(mine(""), sort("processDefinitionVersion", "DESC"), ""));
    assertThat(keysOf(byVersionDesc))
        .containsExactly(keys.get(2), keys.get(3), keys.get(4), keys.get(0), keys.get(1));
  }

  @Test
  void shouldPageByOffsetAndByCursor() {
    // offset
    Answer offset =
        rest(
            "POST",
            "/v2/process-instances/search",
            query(mine(""), "", "{\"from\":1,\"limit\":2}"));
    assertThat(keysOf(offset)).containsExactly(keys.get(1), keys.get(2));
    assertThat(offset.json().at("/page/totalItems").asLong()).isEqualTo(5);
    assertThat(offset.json().at("/page/hasMoreTotalItems").asBoolean()).isFalse();

    // cursors: first page, the page after it, and back before the second page
    Answer first =
        rest("POST", "/v2/process-instances/search", query(mine(""), "", "{\"limit\":2}"));
    assertThat(keysOf(first)).containsExactly(keys.get(0), keys.get(1));
    String end = first.json().at("/page/endCursor").asText();
    Answer second =
        rest(
            "POST",
            "/v2/process-instances/search",
            query(mine(""), "", "{\"limit\":2,\"after\":\"" + end + "\"}"));
    assertThat(keysOf(second)).containsExactly(keys.get(2), keys.get(3));
    String start = second.json().at("/page/startCursor").asText();
    Answer back =
        rest(
            "POST",
            "/v2/process-instances/search",
            query(mine(""), "", "{\"limit\":2,\"before\":\"" + start + "\"}"));
    assertThat(keysOf(back)).containsExactly(keys.get(0), keys.get(1));
    Answer last =
        rest(
            "POST",
            "/v2/process-instances/search",
            query(
                mine(""),
                "",
                "{\"limit\":2,\"after\":\""
                    + second.json().at("/page/endCursor").asText()
                    + "\"}"));
    assertThat(keysOf(last)).containsExactly(keys.get(4));

    // an empty result still has a page
    Answer none =
        rest(
            "POST", "/v2/process-instances/search", query(mine("\"state\":\"COMPLETED\""), "", ""));
    assertThat(none.json().get("items")).isEmpty();
    assertThat(none.json().at("/page/totalItems").asLong()).isZero();
    assertThat(none.json().at("/page/endCursor").isNull()).isTrue();
  }

  @Test
  void shouldAnswerKeysAsNumericStringsAndDatesAsOffsetDateTimes() {
    JsonNode item =
        search(mine("\"processInstanceKey\":\"" + keys.get(0) + "\"")).json().at("/items/0");
    assertThat(item.get("processInstanceKey").isTextual()).isTrue();
    assertThat(Long.parseLong(item.get("processInstanceKey").asText())).isEqualTo(keys.get(0));
    assertThat(item.get("processDefinitionKey").isTextual()).isTrue();
    assertThat(OffsetDateTime.parse(item.get("startDate").asText())).isNotNull();
    assertThat(item.get("state").asText()).isEqualTo("ACTIVE");
    assertThat(item.get("tenantId").asText()).isEqualTo("<default>");
  }

  @Test
  void shouldSearchEveryEntityWithTheSameMachinery() {
    long key = keys.get(0);
    await()
        .untilAsserted(
            () ->
                assertThat(
                        rest(
                                "POST",
                                "/v2/jobs/search",
                                query(
                                    "{\"processInstanceKey\":\""
                                        + key
                                        + "\",\"state\":{\"$eq\":\"CREATED\"},\"type\":{\"$like\":\"search-*\"}}",
                                    "",
                                    ""))
                            .json()
                            .at("/items/0/jobKey")
                            .asText())
                    .isNotBlank());
    Answer elements =
        rest(
            "POST",
            "/v2/element-instances/search",
            query(
                "{\"processInstanceKey\":\"" + key + "\",\"type\":\"SERVICE_TASK\"}",
                sort("startDate", "ASC"),
                ""));
    assertThat(elements.json().at("/items/0/elementId").asText()).isEqualTo("work");
    Answer variables =
        rest(
            "POST",
            "/v2/variables/search",
            query(
                "{\"processInstanceKey\":\"" + key + "\",\"name\":{\"$in\":[\"n\",\"name\"]}}",
                sort("name", "DESC"),
                ""));
    assertThat(variables.json().get("items"))
        .extracting(v -> v.get("name").asText())
        .containsExactly("name", "n");
    assertThat(variables.json().at("/items/1/value").asText()).isEqualTo("1");
    assertThat(variables.json().at("/items/0/value").asText()).isEqualTo("\"item-1\"");
    Answer definitions =
        rest(
            "POST",
            "/v2/process-definitions/search",
            query(
                "{\"processDefinitionId\":\"" + processId + "\",\"isLatestVersion\":true}",
                "",
                ""));
    assertThat(definitions.json().get("items"))
        .singleElement()
        .satisfies(d -> assertThat(d.get("version").asInt()).isEqualTo(2));
  }

  // ---- helpers

  private String mine(String more) {
    return "{\"processDefinitionId\":\""
        + processId
        + "\""
        + (more.isEmpty() ? "" : "," + more)
        + "}";
  }

  private static String sort(String field, String order) {
    return "[{\"field\":\"" + field + "\",\"order\":\"" + order + "\"}]";
  }

  private static String query(String filter, String sort, String page) {
    StringBuilder body = new StringBuilder("{\"filter\":").append(filter);
    if (!sort.isEmpty()) {
      body.append(",\"sort\":").append(sort);
    }
    if (!page.isEmpty()) {
      body.append(",\"page\":").append(page);
    }
    return body.append('}').toString();
  }

  private static Answer search(String filter) {
    Answer answer =
        rest(
            "POST",
            "/v2/process-instances/search",
            query(filter, sort("processInstanceKey", "ASC"), ""));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer;
  }

  private static List<Long> keysOf(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    List<Long> result = new ArrayList<>();
    answer
        .json()
        .get("items")
        .forEach(i -> result.add(Long.parseLong(i.get("processInstanceKey").asText())));
    return result;
  }

  private static List<Long> reversed(List<Long> list) {
    List<Long> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
