package fr.secondevie.engine.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.history.Views.ProcessInstanceView;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The renewal campaign model of {@code bpmn/} over 1,200 assets, end to end through the real client
 * and job workers: a parallel multi-instance call activity creating 1,200 child instances (a
 * stand-in for {@code asset-end-of-life} with one job), collecting 1,200 outcomes in asset order.
 * Runs on an engine of its own and prints the time from creation to completion. Checks
 * https://docs.camunda.io/docs/components/modeler/bpmn/multi-instance/ and
 * https://docs.camunda.io/docs/components/modeler/bpmn/call-activities/.
 */
class RenewalCampaignLoadTest {

  private static final int ASSETS = 1_200;

  private static final EmbeddedEngine ENGINE = EmbeddedEngine.builder().grpcPort(0).build().start();
  private static final CamundaClient CLIENT =
      CamundaClient.newClientBuilder()
          .preferRestOverGrpc(false)
          .grpcAddress(URI.create("http://localhost:" + ENGINE.grpcPort()))
          .restAddress(URI.create("http://localhost:" + ENGINE.restPort()))
          .defaultRequestTimeout(Duration.ofSeconds(30))
          .build();

  @AfterAll
  static void stop() {
    CLIENT.close();
    ENGINE.close();
  }

  @Test
  void shouldRunCampaignOver1200AssetsEndToEnd() {
    // given the campaign model and a one-job stand-in for the asset process
    CLIENT
        .newDeployResourceCommand()
        .addResourceFile(Path.of("../bpmn/equipment-renewal-campaign.bpmn").toString())
        .addProcessModel(
            Bpmn.createExecutableProcess("asset-end-of-life")
                .startEvent()
                .serviceTask("stand-in", t -> t.zeebeJobType("asset.stand-in"))
                .endEvent()
                .done(),
            "asset-end-of-life.bpmn")
        .send()
        .join();
    List<Long> assetIds = LongStream.rangeClosed(1, ASSETS).boxed().toList();
    List<JobWorker> workers = new ArrayList<>();
    workers.add(worker("campaign.open", job -> Map.of("assetIds", assetIds)));
    workers.add(
        worker(
            "asset.stand-in",
            job -> {
              long assetId = ((Number) job.getVariablesAsMap().get("assetId")).longValue();
              return Map.of("outcome", assetId % 2 == 0 ? "RECYCLE" : "DONATION", "noise", 1);
            }));
    workers.add(worker("campaign.close", job -> Map.of()));

    // when
    long started = System.nanoTime();
    long key =
        CLIENT
            .newCreateInstanceCommand()
            .bpmnProcessId("equipment-renewal-campaign")
            .latestVersion()
            .variables(Map.of("campaignId", 42))
            .send()
            .join()
            .getProcessInstanceKey();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> "COMPLETED".equals(state(key)));
    long millis = (System.nanoTime() - started) / 1_000_000;
    workers.forEach(JobWorker::close);

    // then
    System.out.printf(
        "Renewal campaign over %,d assets (parallel multi-instance call activity) completed end to"
            + " end in %,d ms%n",
        ASSETS, millis);
    Map<String, Object> root = rootVariables(key);
    @SuppressWarnings("unchecked")
    List<Object> outcomes = (List<Object>) root.get("outcomes");
    assertThat(outcomes).hasSize(ASSETS);
    assertThat(outcomes.get(0)).isEqualTo("DONATION");
    assertThat(outcomes.get(ASSETS - 1)).isEqualTo("RECYCLE");
    assertThat(root.get("campaignSummary"))
        .isEqualTo(
            Map.of(
                "assetCount",
                (long) ASSETS,
                "internalReuse",
                0L,
                "donation",
                (long) ASSETS / 2,
                "recondition",
                0L,
                "recycle",
                (long) ASSETS / 2,
                "withdrawn",
                0L,
                "reuseOriented",
                (long) ASSETS / 2));
    assertThat(root).doesNotContainKeys("outcome", "noise", "assetId", "loopCounter");
    assertThat(
            ENGINE.history().processInstances().stream()
                .filter(p -> p.parentProcessInstanceKey() == key)
                .map(ProcessInstanceView::state))
        .hasSize(ASSETS)
        .containsOnly("COMPLETED");
    assertThat(millis).isLessThan(30_000);
  }

  private static JobWorker worker(
      String type,
      java.util.function.Function<io.camunda.client.api.response.ActivatedJob, Map<String, Object>>
          result) {
    return CLIENT
        .newWorker()
        .jobType(type)
        .handler(
            (jobClient, job) ->
                jobClient.newCompleteCommand(job).variables(result.apply(job)).send().join())
        .maxJobsActive(256)
        .timeout(Duration.ofMinutes(1))
        .open();
  }

  private static String state(long key) {
    ProcessInstanceView view = ENGINE.history().processInstance(key);
    return view == null ? null : view.state();
  }

  private static Map<String, Object> rootVariables(long key) {
    Map<String, Object> variables = new java.util.HashMap<>();
    ENGINE.history().variablesOf(key).forEach(v -> variables.put(v.name(), v.value()));
    return variables;
  }
}
