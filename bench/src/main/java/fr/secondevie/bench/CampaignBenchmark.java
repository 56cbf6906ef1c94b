package fr.secondevie.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.secondevie.bench.CampaignFleet.Drive;
import fr.secondevie.bench.CampaignFleet.Kind;
import fr.secondevie.bench.CampaignFleet.Planned;
import fr.secondevie.bench.ProcCpu.ThreadCpu;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Runs a renewal campaign end to end on the real application in embedded mode, as its users would:
 * imports a generated GLPI export ({@code POST /api/assets/import?wait=true}), creates and launches
 * the campaign on its pages (form login, CSRF), then plays every person until P1 completes:
 * technicians, asset manager and director complete their user tasks through the engine's Camunda
 * REST API ({@code /v2/user-tasks/search}, {@code /v2/user-tasks/{key}/completion}) with the
 * variables their forms submit, the wiping station posts its reports ({@code POST
 * /api/sanitization/reports}), the workshop and suppliers complete their orders ({@code POST
 * /api/reconditioning-orders/{id}/completion}).
 *
 * <p>It reports the wall time from the launch to the completion of P1 and where the CPU went: the
 * engine's threads, the job workers', the rest of the application's JVM (web, JDBC, GC, JIT), the
 * MariaDB server, and this driver; then the heap after a full GC and the routes taken.
 *
 * <p>Arguments: {@code <application jar> [assets, default 1200] [client threads, default 4]}.
 * System properties: {@code bench.output} (report file, default {@code target/campaign-bench.txt}),
 * {@code bench.appJvm} (JVM options of the application, default {@code -Xmx1g}), {@code
 * bench.appArgs} (extra Spring arguments, space-separated), {@code bench.timeoutMinutes} (default
 * 20), {@code bench.sampleMs} (period of the thread dumps, default 3000, 0 for none: each dump runs
 * {@code jcmd}), {@code bench.appPollMs} (period of the polls of the app's API, default 500).
 */
public final class CampaignBenchmark {

  static final String PROCESS_P1 = "equipment-renewal-campaign";
  static final List<String> USER_TASKS =
      List.of(
          "collect-asset",
          "destroy-media",
          "arbitrate-route",
          "approve-donation",
          "hand-over-equipment",
          "confirm-pickup",
          "enter-attestation");

  private final List<CampaignFleet> fleets = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final Set<Long> earlierCampaigns = ConcurrentHashMap.newKeySet();
  private final Http app;
  private final Http engine;
  private final ExecutorService clients;
  private final Set<String> handled = ConcurrentHashMap.newKeySet();
  private final Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
  private final AtomicInteger failures = new AtomicInteger();
  private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
  private final String today = LocalDate.now(ZoneOffset.UTC).toString();
  private final AtomicInteger sequence = new AtomicInteger();

  private CampaignBenchmark(Http app, Http engine, int threads) {
    this.app = app;
    this.engine = engine;
    AtomicInteger n = new AtomicInteger();
    this.clients =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "bench-client-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: CampaignBenchmark <application jar> [assets] [client threads]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    int assets = args.length > 1 ? Integer.parseInt(args[1]) : 1200;
    int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    Path output = Path.of(System.getProperty("bench.output", "target/campaign-bench.txt"));
    List<String> jvm = split(System.getProperty("bench.appJvm", "-Xmx1g"));
    List<String> appArgs = split(System.getProperty("bench.appArgs", ""));
    long timeoutMinutes = Long.getLong("bench.timeoutMinutes", 20);

    long startAsked = System.nanoTime();
    try (ApplicationProcess application = ApplicationProcess.start(jar, jvm, appArgs)) {
      long startMs = (System.nanoTime() - startAsked) / 1_000_000;
      String base = "http://localhost:" + application.httpPort;
      Http admin = Http.basic(base, "admin", "demo");
      int lotSize = admin.getJson("/api/adapted-companies").get(0).get("lotSize").asInt();
      LocalDate today = LocalDate.now(ZoneOffset.UTC);
      CampaignBenchmark bench =
          new CampaignBenchmark(
              Http.basic(base, "admin", "demo"),
              Http.basic(
                  "http://localhost:" + application.engineRestPort,
                  application.engineCredentials().username(),
                  application.engineCredentials().password()),
              threads);
      int warmUp = Integer.getInteger("bench.warmUp", 0);
      Report warm = null;
      if (warmUp > 0) {
        System.out.println("Warm-up campaign of " + warmUp + " assets");
        warm =
            bench.run(
                CampaignFleet.generate(warmUp, lotSize, today, CampaignFleet.WARM_UP_SITE, 50_001),
                application,
                base,
                lotSize,
                Duration.ofMinutes(timeoutMinutes),
                startMs);
        if (!warm.completed) {
          warm.print(System.out);
          System.exit(1);
        }
      }
      System.out.println("Measured campaign of " + assets + " assets");
      Report report =
          bench.run(
              CampaignFleet.generate(assets, lotSize, today, CampaignFleet.SITE, 1),
              application,
              base,
              lotSize,
              Duration.ofMinutes(timeoutMinutes),
              startMs);
      if (warm != null) {
        report.warmUp =
            String.format(
                Locale.ROOT,
                "%d assets at %s, launch → P1 completed %.1f s, %.1f s CPU",
                warm.assets,
                CampaignFleet.WARM_UP_SITE,
                warm.wallMs / 1e3,
                warm.totalCpuMs() / 1e3);
      }
      report.print(System.out);
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, report.text(), StandardCharsets.UTF_8);
      System.out.println("Written to " + output.toAbsolutePath());
      application.close();
      application.deleteWorkDir(output.resolveSibling("campaign-bench-application.log"));
      if (!report.completed) {
        System.exit(1);
      }
    }
  }

  private record Duration(long millis) {
    static Duration ofMinutes(long minutes) {
      return new Duration(minutes * 60_000);
    }
  }

  private Report run(
      CampaignFleet fleet,
      ApplicationProcess application,
      String base,
      int lotSize,
      Duration timeout,
      long startMs)
      throws Exception {
    fleets.add(fleet);
    handled.clear();
    done.clear();
    failures.set(0);
    app.requests.set(0);
    engine.requests.set(0);
    lastProgress.set(System.nanoTime());
    Report report = new Report();
    report.assets = fleet.assets().size();
    report.lotSize = lotSize;
    report.appStartMs = startMs;
    report.plan = fleet.countsByKind();

    // 1. The GLPI export.
    long t = System.nanoTime();
    Http manager = Http.basic(base, "gestionnaire", "demo");
    JsonNode imported =
        manager.postFile("/api/assets/import?wait=true", "glpi-export-bench.csv", fleet.glpiCsv());
    report.importMs = (System.nanoTime() - t) / 1_000_000;
    report.importResult = imported.toString();

    // 2. Room for every donation: the demo beneficiary's request takes 400 units.
    long donations = report.plan.getOrDefault(Kind.DONATION_DESKTOP, 0L);
    JsonNode beneficiary = app.getJson("/api/beneficiaries").get(0);
    app.postJson(
        "/api/beneficiaries/" + beneficiary.get("id").asLong() + "/requests",
        Map.of(
            "categories",
            List.of("DESKTOP"),
            "quantity",
            donations,
            "notes",
            "Demande du banc d'essai : postes fixes pour un tiers-lieu numérique"));

    // 3. The campaign, created and launched on its pages as the asset manager does.
    Http pages = Http.session(base, "gestionnaire", "demo");
    HttpResponse<String> created =
        pages.form(
            "/campaigns",
            Map.of(
                "name",
                "Renouvellement " + fleet.site() + " (banc d'essai)",
                "mode",
                "site",
                "campaignSite",
                fleet.site()),
            pages.csrf("/campaigns/new"));
    String location = created.headers().firstValue("Location").orElse("");
    if (created.statusCode() != 302 || !location.matches(".*/campaigns/\\d+$")) {
      throw new IllegalStateException(
          "Campaign not created: " + created.statusCode() + " " + Http.abbreviate(created.body()));
    }
    long campaignId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    String startCsrf = pages.csrf("/campaigns/" + campaignId);

    long sampleMs = Long.getLong("bench.sampleMs", 3000);
    StackSampler sampler = sampleMs > 0 ? new StackSampler(application.pid(), sampleMs) : null;
    Snapshot before = Snapshot.take(application);
    long launched = System.nanoTime();
    HttpResponse<String> start =
        pages.form("/campaigns/" + campaignId + "/start", Map.of(), startCsrf);
    if (start.statusCode() != 302) {
      throw new IllegalStateException("Campaign not launched: " + start.statusCode());
    }

    // 4. Everyone works until P1 completes.
    Long p1 = null;
    long deadline = launched + timeout.millis() * 1_000_000;
    long lastReport = launched;
    long lastAppPoll = 0;
    long appPollNanos = Long.getLong("bench.appPollMs", 500) * 1_000_000;
    while (true) {
      if (p1 == null) {
        p1 = campaignInstance();
      } else if (completed(p1)) {
        break;
      }
      boolean found = pollUserTasks();
      long now = System.nanoTime();
      if (now - lastAppPoll > appPollNanos) {
        // The app's API authenticates every request (HTTP Basic): polled less often.
        lastAppPoll = now;
        found |= pollWipeReports() | pollReconditioningOrders();
      }
      if (now - lastReport > 10_000_000_000L) {
        lastReport = now;
        System.out.printf(
            Locale.ROOT,
            "  %5.1f s  %s  failures=%d%n",
            (now - launched) / 1e9,
            done,
            failures.get());
      }
      if (now > deadline || now - lastProgress.get() > 120_000_000_000L) {
        report.diagnostics = diagnostics();
        break;
      }
      if (!found) {
        Thread.sleep(100);
      }
    }
    report.completed = p1 != null && completed(p1);
    if (p1 != null) {
      earlierCampaigns.add(p1);
    }
    report.wallMs = (System.nanoTime() - launched) / 1_000_000;
    Snapshot after = Snapshot.take(application);
    if (sampler != null) {
      sampler.close();
      report.profile = sampler.text();
    }

    report.cpu(before, after);
    report.heapAfterGcMb = application.heapAfterGcMb();
    report.tasksDone = new TreeMap<>();
    done.forEach((k, v) -> report.tasksDone.put(k, v.get()));
    report.clientFailures = failures.get();
    report.clientThreads = ((java.util.concurrent.ThreadPoolExecutor) clients).getMaximumPoolSize();
    report.appRequests = app.requests.get() + manager.requests.get();
    report.engineRequests = engine.requests.get();
    report.appErrorLines = application.errorLines.get();
    if (p1 != null) {
      report.summary = variable(p1, "campaignSummary");
    }
    report.outcomes = outcomesByStatus(fleet.site());
    return report;
  }

  // ---------------------------------------------------------------- engine REST (Camunda 8.8 API)

  private Long campaignInstance() {
    JsonNode items =
        engine
            .postJson(
                "/v2/process-instances/search",
                Map.of("filter", Map.of("processDefinitionId", PROCESS_P1)))
            .get("items");
    for (JsonNode item : items) {
      long key = item.get("processInstanceKey").asLong();
      if (!earlierCampaigns.contains(key)) {
        return key;
      }
    }
    return null;
  }

  private boolean completed(long processInstanceKey) {
    JsonNode instance = engine.getJson("/v2/process-instances/" + processInstanceKey);
    return "COMPLETED".equals(instance.path("state").asText());
  }

  private JsonNode variable(long processInstanceKey, String name) {
    JsonNode items =
        engine
            .postJson(
                "/v2/variables/search?truncateValues=false",
                Map.of(
                    "filter", Map.of("processInstanceKey", "" + processInstanceKey, "name", name)))
            .get("items");
    return items.isEmpty() ? null : parse(items.get(0).get("value").asText());
  }

  private JsonNode taskVariable(long userTaskKey, String name) {
    JsonNode items =
        engine
            .postJson(
                "/v2/user-tasks/" + userTaskKey + "/variables/search?truncateValues=false",
                Map.of("filter", Map.of("name", name)))
            .get("items");
    return items.isEmpty() ? null : parse(items.get(0).get("value").asText());
  }

  private boolean pollUserTasks() {
    boolean found = false;
    for (String elementId : USER_TASKS) {
      JsonNode items =
          engine
              .postJson(
                  "/v2/user-tasks/search",
                  Map.of(
                      "filter",
                      Map.of("elementId", elementId, "state", "CREATED"),
                      "page",
                      Map.of("limit", 500)))
              .get("items");
      for (JsonNode task : items) {
        long key = task.get("userTaskKey").asLong();
        found |= submit("task:" + key, elementId, () -> completeTask(elementId, key));
      }
    }
    return found;
  }

  private void completeTask(String elementId, long key) {
    Map<String, Object> variables = formFor(elementId, key);
    Http.check(
        engine.postJsonRaw("/v2/user-tasks/" + key + "/completion", Map.of("variables", variables)),
        elementId + " " + key);
  }

  /** What the task's form submits (its field keys; the task's output mappings do the rest). */
  private Map<String, Object> formFor(String elementId, long key) {
    Map<String, Object> v = new LinkedHashMap<>();
    switch (elementId) {
      case "collect-asset" -> {
        Planned asset = planned(taskVariable(key, "asset").get("inventoryNumber").asText());
        boolean laptop = asset.glpiType().equals("Portable");
        v.put("conditionGrade", asset.kind() == Kind.RECYCLE_OLD_DESKTOP ? "C" : "B");
        v.put("functionalTest", "WORKS");
        if (laptop) {
          v.put("batteryHealthPercent", asset.kind() == Kind.RECONDITION_LAPTOP ? 38 : 71);
        }
        List<Map<String, Object>> drives = new ArrayList<>();
        for (Drive d : asset.drives()) {
          drives.add(
              Map.of(
                  "serialNumber",
                  d.serialNumber(),
                  "type",
                  d.type(),
                  "capacityGb",
                  d.capacityGb()));
        }
        v.put("storageDevices", drives);
        v.put("tpmCleared", true);
        v.put("uefiReset", true);
        v.put("labelsRemoved", true);
        v.put("removableMediaRemoved", true);
        v.put("collectedOn", today);
        v.put("collectionLocation", "Magasin DSI, " + CampaignFleet.SITE);
        v.put("inspectionNotes", "Collecté par le banc d'essai.");
      }
      case "destroy-media" -> {
        Planned asset = planned(taskVariable(key, "asset").get("inventoryNumber").asText());
        List<Map<String, Object>> media = new ArrayList<>();
        for (Drive d : asset.drives()) {
          media.add(
              Map.of(
                  "serialNumber",
                  d.serialNumber(),
                  "destructionMethod",
                  "SHRED",
                  "dinLevel",
                  d.type().equals("HDD") ? "H-5" : "E-5"));
        }
        v.put("destroyedMedia", media);
        v.put("destroyedOn", today);
        v.put("destructionProvider", "Broyage Normand SAS");
        v.put("destructionCertificateRef", "BN-DEST-" + sequence.incrementAndGet());
        v.put("destructionWitness", "Camille Martin (DSI)");
      }
      case "arbitrate-route" -> {
        v.put("arbitratedRoute", "RECYCLE");
        v.put(
            "routeJustification",
            "Serveur hors contrat de maintenance : démantèlement par l'entreprise adaptée.");
      }
      case "approve-donation" -> {
        v.put("donationDecision", "APPROVED");
        v.put("approvalComment", "Cession approuvée (banc d'essai).");
      }
      case "hand-over-equipment" -> {
        v.put("handoverDate", today);
        v.put("recipientName", "Claude Bernard");
        v.put("recipientRole", "Président de l'association");
        v.put("signedReceiptRef", "RECU-" + sequence.incrementAndGet());
        v.put("handedOverItems", List.of("COMPUTER", "KEYBOARD", "MOUSE", "POWER_SUPPLY"));
        v.put("handoverNotes", "");
      }
      case "confirm-pickup" -> {
        JsonNode count = taskVariable(key, "lotAssetCount");
        v.put("pickupDate", today);
        v.put("pickedUpUnitCount", count == null ? 1 : count.asInt());
        v.put("weightKg", 92.5);
        v.put(
            "wasteTrackingNumber",
            String.format(
                Locale.ROOT, "BSD-%s-%09d", today.replace("-", ""), sequence.incrementAndGet()));
        v.put("carrierName", "Transports Seine-Maritime");
        v.put("pickupNotes", "");
      }
      case "enter-attestation" -> {
        int n = sequence.incrementAndGet();
        v.put("recyclingCertificateRef", "CR-" + n);
        v.put("recyclingCertificateDate", today);
        v.put("eaAttestationRef", "EA-ATT-" + n);
        v.put("invoiceAmountExclTax", 420.00);
        v.put("labourCost", 310.50);
        v.put("attestationNotes", "");
      }
      default -> throw new IllegalArgumentException(elementId);
    }
    return v;
  }

  // ---------------------------------------------------------------------- the app's own REST API

  /** The wiping station reports on every asset waiting in SANITIZING with drives. */
  private boolean pollWipeReports() {
    boolean found = false;
    for (int page = 0; ; page++) {
      JsonNode result = app.getJson("/api/assets?status=SANITIZING&size=200&page=" + page);
      JsonNode content = result.get("content");
      for (JsonNode summary : content) {
        Planned asset = planned(summary.get("inventoryNumber").asText());
        if (!asset.drives().isEmpty()) {
          found |=
              submit("wipe:" + asset.inventoryNumber(), "wipe-report", () -> postWipeReport(asset));
        }
      }
      if (content.size() < 200) {
        return found;
      }
    }
  }

  private void postWipeReport(Planned asset) {
    List<Map<String, Object>> drives = new ArrayList<>();
    for (Drive d : asset.drives()) {
      boolean overwrittenOnly = asset.kind() == Kind.WIPE_FAILED_LAPTOP;
      Map<String, Object> drive = new LinkedHashMap<>();
      drive.put("serialNumber", d.serialNumber());
      drive.put("manufacturer", d.model().split(" ")[0]);
      drive.put("model", d.model());
      drive.put("methodType", "PURGE");
      drive.put(
          "method",
          overwrittenOnly
              ? "OVERWRITE"
              : d.type().equals("HDD") ? "SANITIZE_COMMAND" : "CRYPTO_ERASE");
      drive.put("verification", "FULL");
      drive.put("result", "PASSED");
      drive.put("notes", "Banc d'essai");
      drives.add(drive);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("schemaVersion", 1);
    report.put("inventoryNumber", asset.inventoryNumber());
    report.put("tool", "Blancco Drive Eraser");
    report.put("toolVersion", "7.12.1");
    report.put("operator", "Camille Martin (DSI, atelier de Charles-Nicolle)");
    report.put("reportRef", "BDE-BENCH-" + asset.inventoryNumber());
    report.put(
        "performedOn",
        OffsetDateTime.now(ZoneOffset.UTC)
            .minusMinutes(5)
            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    report.put("drives", drives);
    app.postJson("/api/sanitization/reports", report);
  }

  /** The workshop and the suppliers complete every open order. */
  private boolean pollReconditioningOrders() {
    boolean found = false;
    for (JsonNode order : app.getJson("/api/reconditioning-orders")) {
      if ("OPEN".equals(order.get("status").asText())) {
        long id = order.get("id").asLong();
        found |=
            submit(
                "order:" + id,
                "reconditioning-" + order.get("channel").asText().toLowerCase(Locale.ROOT),
                () ->
                    app.postJson(
                        "/api/reconditioning-orders/" + id + "/completion",
                        Map.of(
                            "result",
                            "RECONDITIONED",
                            "workDone",
                            "Nettoyage, contrôle, remplacement de la batterie si usée",
                            "partsReplaced",
                            "Batterie",
                            "costCents",
                            8900,
                            "newGrade",
                            "A",
                            "lifetimeExtensionMonths",
                            24)));
      }
    }
    return found;
  }

  /** Runs the work once per key on a client thread; a failed attempt is retried later. */
  private boolean submit(String key, String counter, Runnable work) {
    if (!handled.add(key)) {
      return false;
    }
    clients.execute(
        () -> {
          try {
            work.run();
            done.computeIfAbsent(counter, k -> new AtomicInteger()).incrementAndGet();
            lastProgress.set(System.nanoTime());
          } catch (RuntimeException e) {
            if (failures.incrementAndGet() <= 20) {
              System.out.println("  ! " + counter + " " + key + ": " + e.getMessage());
            }
            try {
              Thread.sleep(200);
            } catch (InterruptedException interrupted) {
              Thread.currentThread().interrupt();
            }
            handled.remove(key);
          }
        });
    return true;
  }

  private Planned planned(String inventoryNumber) {
    for (CampaignFleet fleet : fleets) {
      if (fleet.contains(inventoryNumber)) {
        return fleet.get(inventoryNumber);
      }
    }
    throw new IllegalStateException("Not an asset of the benchmark: " + inventoryNumber);
  }

  private Map<String, Long> outcomesByStatus(String site) {
    Map<String, Long> statuses = new TreeMap<>();
    for (String status :
        List.of("IN_STOCK", "DONATED", "RECYCLED", "RECONDITIONING", "DONATION_PENDING")) {
      long n =
          app.getJson("/api/assets?size=1&site=" + enc(site) + "&status=" + status)
              .get("totalElements")
              .asLong();
      if (n > 0) {
        statuses.put(status, n);
      }
    }
    return statuses;
  }

  private String diagnostics() {
    StringBuilder text = new StringBuilder("No progress, or out of time. Incidents:\n");
    JsonNode incidents =
        engine.postJson(
            "/v2/incidents/search",
            Map.of("filter", Map.of("state", "ACTIVE"), "page", Map.of("limit", 20)));
    for (JsonNode incident : incidents.path("items")) {
      text.append("  ")
          .append(incident.path("elementId").asText())
          .append(" ")
          .append(incident.path("errorType").asText())
          .append(": ")
          .append(incident.path("errorMessage").asText())
          .append('\n');
    }
    Map<String, Integer> waiting = new TreeMap<>();
    JsonNode active =
        engine.postJson(
            "/v2/element-instances/search",
            Map.of("filter", Map.of("state", "ACTIVE"), "page", Map.of("limit", 10_000)));
    for (JsonNode element : active.path("items")) {
      waiting.merge(element.path("elementId").asText(), 1, Integer::sum);
    }
    text.append("Active elements: ").append(waiting).append('\n');
    return text.toString();
  }

  private static JsonNode parse(String json) {
    try {
      return Http.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String enc(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static List<String> split(String value) {
    return value.isBlank() ? List.of() : Arrays.asList(value.strip().split("\\s+"));
  }

  // -------------------------------------------------------------------------- CPU accounting

  /** CPU times at one instant: the app's threads, the app, MariaDB, this driver. */
  record Snapshot(
      Map<Long, ThreadCpu> appThreads, long appMs, long mariaDbMs, long driverMs, long nanos) {
    static Snapshot take(ApplicationProcess application) {
      long mariaDb = application.mariaDb().map(p -> ProcCpu.processMillis(p.pid())).orElse(-1L);
      return new Snapshot(
          ProcCpu.threads(application.pid()),
          ProcCpu.processMillis(application.pid()),
          mariaDb,
          ProcCpu.processMillis(ProcessHandle.current().pid()),
          System.nanoTime());
    }
  }

  /** Groups of the application's threads, by their kernel names (first match wins). */
  static final Map<String, Predicate<String>> GROUPS = new LinkedHashMap<>();

  static {
    GROUPS.put("engine (processor, timers, REST, management)", matches("^engine-.*"));
    GROUPS.put("gRPC transport (engine server + client)", matches("^grpc-.*"));
    GROUPS.put("job workers (Camunda client executor)", matches("^pool-\\d+-thread.*|^camunda.*"));
    GROUPS.put("web requests (Tomcat)", matches("^http-nio-.*"));
    GROUPS.put("JVM: GC", matches("^(GC Thread|G1 |VM Periodic|VM Thread).*"));
    GROUPS.put("JVM: JIT compilers", matches("^C[12] Compiler.*"));
  }

  private static Predicate<String> matches(String regex) {
    Pattern p = Pattern.compile(regex);
    return name -> p.matcher(name).matches();
  }

  /** The figures and their table. */
  static final class Report {
    int assets;
    int lotSize;
    long appStartMs;
    Map<Kind, Long> plan;
    long importMs;
    String importResult;
    boolean completed;
    long wallMs;
    long heapAfterGcMb;
    Map<String, Integer> tasksDone;
    int clientFailures;
    int clientThreads;
    long appRequests;
    long engineRequests;
    int appErrorLines;
    JsonNode summary;
    Map<String, Long> outcomes;
    String diagnostics;
    String profile;
    String warmUp;
    final Map<String, Long> cpuGroups = new LinkedHashMap<>();
    final Map<String, Long> topThreads = new LinkedHashMap<>();
    long appCpuMs;
    long mariaDbCpuMs;
    long driverCpuMs;

    void cpu(Snapshot before, Snapshot after) {
      GROUPS.keySet().forEach(g -> cpuGroups.put(g, 0L));
      cpuGroups.put("other application threads", 0L);
      Map<String, Long> byName = new TreeMap<>();
      long attributed = 0;
      for (Map.Entry<Long, ThreadCpu> e : after.appThreads().entrySet()) {
        ThreadCpu earlier = before.appThreads().get(e.getKey());
        long ms = e.getValue().millis() - (earlier == null ? 0 : earlier.millis());
        String name = e.getValue().name();
        String group =
            GROUPS.entrySet().stream()
                .filter(g -> g.getValue().test(name))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse("other application threads");
        cpuGroups.merge(group, ms, Long::sum);
        byName.merge(name.replaceAll("\\d+$", "#"), ms, Long::sum);
        attributed += ms;
      }
      appCpuMs = after.appMs() - before.appMs();
      cpuGroups.put("threads that ended during the run", Math.max(0, appCpuMs - attributed));
      mariaDbCpuMs =
          after.mariaDbMs() < 0 || before.mariaDbMs() < 0
              ? -1
              : after.mariaDbMs() - before.mariaDbMs();
      driverCpuMs = after.driverMs() - before.driverMs();
      byName.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(15)
          .forEach(e -> topThreads.put(e.getKey(), e.getValue()));
    }

    String text() {
      StringBuilder s = new StringBuilder();
      s.append("Seconde Vie — renewal campaign benchmark (embedded mode, real application)\n");
      s.append(
          String.format(
              Locale.ROOT,
              "assets %d, plan %s, lot size %d, %d client threads, %d CPUs%n",
              assets,
              plan,
              lotSize,
              clientThreads,
              Runtime.getRuntime().availableProcessors()));
      s.append(String.format(Locale.ROOT, "application start        %8.1f s%n", appStartMs / 1e3));
      s.append(
          String.format(
              Locale.ROOT, "GLPI import (wait=true)  %8.1f s  %s%n", importMs / 1e3, importResult));
      s.append(
          String.format(
              Locale.ROOT,
              "campaign launch → P1 completed  %8.1f s  %s%n",
              wallMs / 1e3,
              completed ? "COMPLETED" : "NOT COMPLETED"));
      if (warmUp != null) {
        s.append("warm-up campaign (same application, before)  ").append(warmUp).append('\n');
      }
      long total = totalCpuMs();
      s.append(
          String.format(
              Locale.ROOT,
              "%nCPU during the campaign: %.1f s (%.2f cores busy on average of %d)%n",
              total / 1e3,
              wallMs == 0 ? 0 : (double) total / wallMs,
              Runtime.getRuntime().availableProcessors()));
      s.append(String.format(Locale.ROOT, "  %-48s %9s %7s%n", "where", "CPU s", "share"));
      for (Map.Entry<String, Long> e : cpuGroups.entrySet()) {
        s.append(line("application JVM: " + e.getKey(), e.getValue(), total));
      }
      s.append(line("MariaDB server (mariadbd)", mariaDbCpuMs, total));
      s.append(line("benchmark driver JVM (clients)", driverCpuMs, total));
      s.append(String.format(Locale.ROOT, "%nbusiest application threads (CPU s):%n"));
      topThreads.forEach(
          (name, ms) -> s.append(String.format(Locale.ROOT, "  %-24s %8.1f%n", name, ms / 1e3)));
      s.append(String.format(Locale.ROOT, "%nheap used after full GC   %d MB%n", heapAfterGcMb));
      s.append("campaign summary (P1)    ").append(summary).append('\n');
      s.append("assets by final status   ").append(outcomes).append('\n');
      s.append("driver actions           ").append(tasksDone).append('\n');
      s.append(
          String.format(
              Locale.ROOT,
              "requests: app %d, engine %d; failed driver actions (retried) %d; ERROR lines in the"
                  + " application log %d%n",
              appRequests,
              engineRequests,
              clientFailures,
              appErrorLines));
      if (profile != null) {
        s.append(
            "\nwhat the application's threads were doing (thread dumps during the campaign):\n");
        s.append(profile);
      }
      if (diagnostics != null) {
        s.append('\n').append(diagnostics);
      }
      return s.toString();
    }

    long totalCpuMs() {
      return appCpuMs + Math.max(0, mariaDbCpuMs) + driverCpuMs;
    }

    private static String line(String what, long ms, long total) {
      return String.format(
          Locale.ROOT,
          "  %-48s %9.1f %6.1f%%%n",
          what,
          ms / 1e3,
          total == 0 ? 0 : 100.0 * ms / total);
    }

    void print(java.io.PrintStream out) {
      out.println();
      out.print(text());
    }
  }
}
