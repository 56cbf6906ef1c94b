package fr.secondevie.productionlike;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.secondevie.productionlike.ReuseFleet.Planned;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Plays everyone a reuse campaign needs until its process completes, as {@code
 * bench/CampaignBenchmark} does but through the replicas: technicians complete their collection
 * tasks (the engine's user task API, with the variables their form submits), the wipe station posts
 * its reports and the workshop completes its orders with their own bearer tokens, each request to
 * the next replica in turn while both are up. {@code killWhen} says when to kill replica A (number
 * of collections done); from then on every request goes to replica B.
 */
final class CampaignDriver {

  static final String CAMPAIGN_PROCESS = "equipment-renewal-campaign";
  private static final Duration TOKEN_AGE = Duration.ofMinutes(2);

  private final ProductionLikeRun run;
  private final ReuseFleet fleet;
  private final Rest engine;
  private final LocalDate today;
  private final Set<String> done = new HashSet<>();
  private final List<String> log = new ArrayList<>();
  private final Map<String, Rest> tokens = new LinkedHashMap<>();
  private final Map<String, Long> tokenTimes = new LinkedHashMap<>();
  private boolean replicaAKilled;
  private int turn;
  private int collected;
  private int requestsToA;
  private int requestsToB;

  CampaignDriver(ProductionLikeRun run, ReuseFleet fleet, LocalDate today) {
    this.run = run;
    this.fleet = fleet;
    this.today = today;
    this.engine = Rest.basic(run.get("engine.username"), run.get("engine.password"));
  }

  /**
   * Works until the campaign's process instance completes; returns its key.
   *
   * @param killWhen true for the number of collections done at which replica A is killed
   */
  long runUntilCompleted(IntPredicate killWhen, Duration patience) {
    long[] campaign = {0};
    try {
      await()
          .atMost(patience)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(500))
          .pollInSameThread()
          .until(() -> step(killWhen, campaign));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "The campaign did not complete in " + patience + "; done: " + log + "\n" + diagnostics(),
          e);
    }
    return campaign[0];
  }

  /** One round: the work the campaign offers now; true once its process completed. */
  private boolean step(IntPredicate killWhen, long[] campaign) {
    if (campaign[0] == 0) {
      Long found = campaignInstance();
      campaign[0] = found == null ? 0 : found;
    } else if ("COMPLETED".equals(state(campaign[0]))) {
      return true;
    }
    collect();
    if (!replicaAKilled && killWhen.test(collected)) {
      killReplicaA();
    }
    wipe();
    recondition();
    return false;
  }

  boolean replicaAKilled() {
    return replicaAKilled;
  }

  int requestsToA() {
    return requestsToA;
  }

  int requestsToB() {
    return requestsToB;
  }

  /** The replica of the next request: A and B in turn, B alone once A is dead. */
  String replica() {
    boolean a = !replicaAKilled && turn++ % 2 == 0;
    if (a) {
      requestsToA++;
    } else {
      requestsToB++;
    }
    return a ? run.replicaA() : run.replicaB();
  }

  JsonNode engine(String path, Object body) {
    return Rest.ok(engine.postJson(run.get("engine.rest") + path, body));
  }

  // ------------------------------------------------------------------------------ the people

  /**
   * Collections completed per round: the technicians bring assets back a few at a time, so that
   * wipe reports and workshop orders reach both replicas between collections, before replica A is
   * killed (all 20 tasks are usually open at the first round).
   */
  private static final int COLLECTIONS_PER_ROUND = 2;

  private boolean collect() {
    boolean progressed = false;
    JsonNode tasks =
        engine(
            "/v2/user-tasks/search",
            Map.of(
                "filter",
                Map.of("elementId", "collect-asset", "state", "CREATED"),
                "page",
                Map.of("limit", 100)));
    int thisRound = 0;
    for (JsonNode task : tasks.path("items")) {
      long key = task.get("userTaskKey").asLong();
      if (done.contains("collect:" + key)) {
        continue;
      }
      if (thisRound == COLLECTIONS_PER_ROUND) {
        break;
      }
      thisRound++;
      Planned asset = fleet.get(taskVariable(key, "asset").get("inventoryNumber").asText());
      Rest.ok(
          engine.postJson(
              run.get("engine.rest") + "/v2/user-tasks/" + key + "/completion",
              Map.of("variables", collectionForm(asset))));
      done.add("collect:" + key);
      log.add("collected " + asset.inventoryNumber());
      collected++;
      progressed = true;
    }
    return progressed;
  }

  private Map<String, Object> collectionForm(Planned asset) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("conditionGrade", "B");
    v.put("functionalTest", "WORKS");
    v.put(
        "storageDevices",
        asset.driveSerial() == null
            ? List.of()
            : List.of(
                Map.of("serialNumber", asset.driveSerial(), "type", "SSD", "capacityGb", 256)));
    v.put("tpmCleared", true);
    v.put("uefiReset", true);
    v.put("labelsRemoved", true);
    v.put("removableMediaRemoved", true);
    v.put("collectedOn", today.toString());
    v.put("collectionLocation", "Magasin DSI, " + fleet.site());
    v.put("inspectionNotes", "Collecté pendant l'essai de production.");
    return v;
  }

  private boolean wipe() {
    boolean progressed = false;
    HttpResponse<String> answer =
        token("seconde-vie-wipe-station").get(replica() + "/api/assets?status=SANITIZING&size=100");
    JsonNode waiting = Rest.ok(answer);
    OffsetDateTime performedOn = appTime(answer).minusMinutes(5);
    for (JsonNode summary : waiting.path("content")) {
      Planned asset = fleet.get(summary.get("inventoryNumber").asText());
      if (asset.driveSerial() == null || done.contains("wipe:" + asset.inventoryNumber())) {
        continue;
      }
      Map<String, Object> drive = new LinkedHashMap<>();
      drive.put("serialNumber", asset.driveSerial());
      drive.put("manufacturer", "Samsung");
      drive.put("model", "Samsung PM871b");
      drive.put("methodType", "PURGE");
      drive.put("method", "CRYPTO_ERASE");
      drive.put("verification", "FULL");
      drive.put("result", "PASSED");
      drive.put("notes", "Essai de production");
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("schemaVersion", 1);
      report.put("inventoryNumber", asset.inventoryNumber());
      report.put("tool", "Blancco Drive Eraser");
      report.put("toolVersion", "7.12.1");
      report.put("operator", "Camille Martin (DSI)");
      report.put("reportRef", "BDE-PROD-" + asset.inventoryNumber());
      report.put("performedOn", performedOn.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      report.put("drives", List.of(drive));
      if (post("seconde-vie-wipe-station", "/api/sanitization/reports", report)) {
        done.add("wipe:" + asset.inventoryNumber());
        log.add("wiped " + asset.inventoryNumber());
        progressed = true;
      }
    }
    return progressed;
  }

  private boolean recondition() {
    boolean progressed = false;
    JsonNode orders =
        Rest.ok(token("seconde-vie-workshop").get(replica() + "/api/reconditioning-orders"));
    for (JsonNode order : orders) {
      long id = order.get("id").asLong();
      if (!"OPEN".equals(order.get("status").asText()) || done.contains("order:" + id)) {
        continue;
      }
      Map<String, Object> completion =
          Map.of(
              "result",
              "RECONDITIONED",
              "workDone",
              "Nettoyage, contrôle, mise à jour du système",
              "partsReplaced",
              "",
              "costCents",
              2500,
              "newGrade",
              "A",
              "lifetimeExtensionMonths",
              24);
      if (post(
          "seconde-vie-workshop", "/api/reconditioning-orders/" + id + "/completion", completion)) {
        done.add("order:" + id);
        log.add("reconditioned order " + id);
        progressed = true;
      }
    }
    return progressed;
  }

  /** Posts to the next replica; false when that one is unreachable (tried again later). */
  private boolean post(String client, String path, Object body) {
    String replica = replica();
    HttpResponse<String> response;
    try {
      response = token(client).postJson(replica + path, body);
    } catch (UncheckedIOException e) {
      log.add("unreachable " + replica + path);
      return false;
    }
    Rest.ok(response);
    return true;
  }

  private void killReplicaA() {
    ProcessHandle a =
        ProcessHandle.of(run.replicaAPid())
            .orElseThrow(() -> new AssertionError("Replica A is not running"));
    // SIGKILL on Linux: no shutdown hook, no graceful end of the job workers
    a.destroyForcibly();
    a.onExit().join();
    replicaAKilled = true;
    log.add("replica A killed after " + collected + " collections");
  }

  /** A token of the service account, asked again every two minutes (it lives five). */
  private Rest token(String clientId) {
    Long at = tokenTimes.get(clientId);
    if (at == null || System.nanoTime() - at > TOKEN_AGE.toNanos()) {
      tokens.put(clientId, Rest.serviceAccount(run, clientId));
      tokenTimes.put(clientId, System.nanoTime());
    }
    return tokens.get(clientId);
  }

  // --------------------------------------------------------------------------- the engine

  private Long campaignInstance() {
    JsonNode items =
        engine(
                "/v2/process-instances/search",
                Map.of("filter", Map.of("processDefinitionId", CAMPAIGN_PROCESS)))
            .path("items");
    return items.isEmpty() ? null : items.get(0).get("processInstanceKey").asLong();
  }

  String state(long processInstanceKey) {
    return Rest.ok(
            engine.get(run.get("engine.rest") + "/v2/process-instances/" + processInstanceKey))
        .path("state")
        .asText();
  }

  private JsonNode taskVariable(long userTaskKey, String name) {
    JsonNode items =
        engine(
                "/v2/user-tasks/" + userTaskKey + "/variables/search?truncateValues=false",
                Map.of("filter", Map.of("name", name)))
            .path("items");
    if (items.isEmpty()) {
      throw new AssertionError("No variable " + name + " on user task " + userTaskKey);
    }
    return Rest.parse(items.get(0).get("value").asText());
  }

  private String diagnostics() {
    StringBuilder text = new StringBuilder("Incidents:");
    JsonNode incidents =
        engine("/v2/incidents/search", Map.of("filter", Map.of("state", "ACTIVE")));
    for (JsonNode incident : incidents.path("items")) {
      text.append("\n  ")
          .append(incident.path("elementId").asText())
          .append(": ")
          .append(incident.path("errorMessage").asText());
    }
    Map<String, Integer> waiting = new LinkedHashMap<>();
    JsonNode active =
        engine(
            "/v2/element-instances/search",
            Map.of("filter", Map.of("state", "ACTIVE"), "page", Map.of("limit", 1000)));
    for (JsonNode element : active.path("items")) {
      waiting.merge(element.path("elementId").asText(), 1, Integer::sum);
    }
    return text.append("\nActive elements: ").append(waiting).toString();
  }

  /** The date and time the application's answer was sent (its Date header): the app's clock. */
  static OffsetDateTime appTime(HttpResponse<?> response) {
    String date =
        response
            .headers()
            .firstValue("Date")
            .orElseThrow(() -> new AssertionError("No Date header from " + response.uri()));
    return OffsetDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME);
  }
}
