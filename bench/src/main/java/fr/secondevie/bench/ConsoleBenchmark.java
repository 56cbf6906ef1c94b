package fr.secondevie.bench;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.EngineCredentials;
import io.camunda.client.CamundaClient;
import io.camunda.client.CredentialsProvider;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The process runtime's side of the operations console's pages with 10,000 instances in the
 * embedded engine: for each page, the REST requests {@code console.ConsoleRuntime} sends through
 * the Camunda Java client, in the same order and with the same filters, timed together as one page
 * load (200 loads after 20 of warm-up). The server-side HTML rendering of the page (Thymeleaf, the
 * SVG of the diagram) is not included.
 *
 * <p>The runtime holds 6,000 completed instances of one process (two versions) and 4,000 waiting at
 * a service task of another, 1,000 of them with an incident (job failed with no retry left); each
 * instance carries {@code assetId} and {@code campaignId} variables.
 */
public final class ConsoleBenchmark {

  private static final int LOADS = 200;
  private static final int WARM_UP = 20;
  private static final int IN_FLIGHT = 256;
  private static final String DONE = "bench-console-done";
  private static final String WAITING = "bench-console-waiting";
  private static final String JOB_TYPE = "bench.console.check";
  private static final EngineCredentials CREDENTIALS = EngineCredentials.generate();

  private ConsoleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int instances = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int completed = instances * 6 / 10;
    int waiting = instances - completed;
    int incidents = waiting / 4;
    try (EmbeddedEngine engine =
            EmbeddedEngine.builder()
                .grpcPort(0)
                .restPort(0)
                .basicAuth(CREDENTIALS)
                .build()
                .start();
        CamundaClient client =
            CamundaClient.newClientBuilder()
                .preferRestOverGrpc(false)
                .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
                .restAddress(URI.create("http://localhost:" + engine.restPort()))
                .credentialsProvider(
                    CredentialsProvider.newBasicAuthCredentialsProviderBuilder()
                        .username(CREDENTIALS.username())
                        .password(CREDENTIALS.password())
                        .build())
                .build()) {
      for (String name : List.of("Contrôle", "Contrôle v2")) {
        client
            .newDeployResourceCommand()
            .addProcessModel(
                Bpmn.createExecutableProcess(DONE).name(name).startEvent().endEvent().done(),
                DONE + ".bpmn")
            .send()
            .join();
      }
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(WAITING)
                  .startEvent("received")
                  .serviceTask("check", t -> t.zeebeJobType(JOB_TYPE))
                  .endEvent("checked")
                  .done(),
              WAITING + ".bpmn")
          .send()
          .join();
      long seedBegin = System.nanoTime();
      create(client, DONE, 0, completed);
      create(client, WAITING, completed, waiting);
      failJobs(client, incidents);
      double seedSeconds = (System.nanoTime() - seedBegin) / 1e9;

      long incidentInstance =
          client
              .newIncidentSearchRequest()
              .filter(f -> f.state(IncidentState.ACTIVE))
              .page(p -> p.limit(1))
              .send()
              .join()
              .items()
              .get(0)
              .getProcessInstanceKey();
      long assetOfIncident =
          Long.parseLong(
              client
                  .newVariableSearchRequest()
                  .filter(f -> f.processInstanceKey(incidentInstance).name("assetId"))
                  .send()
                  .join()
                  .items()
                  .get(0)
                  .getValue());

      System.out.printf(
          "Seconde Vie console benchmark: %d instances (%d completed, %d waiting of which %d in"
              + " incident), seeded in %.1f s; %d page loads after %d of warm-up%n",
          instances, completed, waiting, incidents, seedSeconds, LOADS, WARM_UP);
      measure("processes and versions (3 counts each)", () -> processesPage(client));
      measure("instances, first page, no filter", () -> instancesPage(client, null, null));
      measure(
          "instances, process + state INCIDENT",
          () -> instancesPage(client, WAITING, ProcessInstanceState.ACTIVE));
      measure("instances, by asset (variable)", () -> byAsset(client, assetOfIncident));
      measure("one instance with an incident", () -> instancePage(client, incidentInstance));
      measure("open incidents (" + incidents + ")", () -> incidentsPage(client));
    }
  }

  private static void create(CamundaClient client, String processId, int first, int count)
      throws InterruptedException {
    ConsoleFixtureLoad.create(
        client,
        processId,
        first,
        count,
        IN_FLIGHT,
        asset -> Map.of("assetId", asset, "campaignId", asset % 20));
  }

  private static void failJobs(CamundaClient client, int count) {
    ConsoleFixtureLoad.failJobs(client, JOB_TYPE, count, "Étiquette illisible");
  }

  private static void processesPage(CamundaClient client) {
    List<ProcessDefinition> definitions =
        client.newProcessDefinitionSearchRequest().page(p -> p.limit(500)).send().join().items();
    // as the console does: every count asked at once, then read
    List<CamundaFuture<?>> counts = new ArrayList<>();
    for (ProcessDefinition d : definitions) {
      long key = d.getProcessDefinitionKey();
      counts.add(count(client, key, ProcessInstanceState.ACTIVE, null));
      counts.add(count(client, key, ProcessInstanceState.COMPLETED, null));
      counts.add(count(client, key, ProcessInstanceState.ACTIVE, true));
    }
    counts.forEach(CamundaFuture::join);
  }

  private static CamundaFuture<?> count(
      CamundaClient client, long key, ProcessInstanceState state, Boolean incident) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(
            f -> {
              f.processDefinitionKey(key).state(state);
              if (incident != null) {
                f.hasIncident(incident);
              }
            })
        .page(p -> p.limit(1))
        .send();
  }

  private static void processIds(CamundaClient client) {
    client.newProcessDefinitionSearchRequest().page(p -> p.limit(500)).send().join();
  }

  private static void instancesPage(
      CamundaClient client, String processId, ProcessInstanceState state) {
    processIds(client);
    client
        .newProcessInstanceSearchRequest()
        .filter(
            f -> {
              if (processId != null) {
                f.processDefinitionId(processId);
              }
              if (state != null) {
                f.state(state).hasIncident(true);
              }
            })
        .sort(s -> s.startDate().desc())
        .page(p -> p.from(0).limit(25))
        .send()
        .join();
  }

  private static void byAsset(CamundaClient client, long assetId) {
    processIds(client);
    client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.variables(Map.of("assetId", assetId)))
        .sort(s -> s.startDate().desc())
        .page(p -> p.from(0).limit(25))
        .send()
        .join();
  }

  private static void instancePage(CamundaClient client, long key) {
    long definition =
        client.newProcessInstanceGetRequest(key).send().join().getProcessDefinitionKey();
    // as the console does: the five reads sent at once, then awaited
    List<CamundaFuture<?>> reads =
        List.of(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.processInstanceKey(key))
                .sort(s -> s.elementInstanceKey().asc())
                .page(p -> p.limit(1000))
                .send(),
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(key))
                .page(p -> p.limit(1000))
                .send(),
            client
                .newVariableSearchRequest()
                .filter(f -> f.processInstanceKey(key))
                .page(p -> p.limit(1000))
                .send(),
            client.newProcessInstanceSequenceFlowsRequest(key).send(),
            client.newProcessDefinitionGetXmlRequest(definition).send());
    reads.forEach(CamundaFuture::join);
  }

  private static void incidentsPage(CamundaClient client) {
    client
        .newIncidentSearchRequest()
        .filter(f -> f.state(IncidentState.ACTIVE))
        .sort(s -> s.creationTime().asc())
        .page(p -> p.limit(1000))
        .send()
        .join();
  }

  private static void measure(String page, Runnable load) {
    for (int i = 0; i < WARM_UP; i++) {
      load.run();
    }
    long[] millis = new long[LOADS];
    for (int i = 0; i < LOADS; i++) {
      long begin = System.nanoTime();
      load.run();
      millis[i] = System.nanoTime() - begin;
    }
    Arrays.sort(millis);
    System.out.printf(
        "  %-42s p50 %6.1f ms, p95 %6.1f ms, max %6.1f ms%n",
        page, at(millis, 0.50), at(millis, 0.95), millis[LOADS - 1] / 1e6);
  }

  private static double at(long[] sorted, double p) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
  }
}
