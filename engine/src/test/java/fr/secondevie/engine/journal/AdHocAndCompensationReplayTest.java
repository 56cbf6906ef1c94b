package fr.secondevie.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.clock.ControlledClock;
import fr.secondevie.engine.history.Views.ElementInstanceView;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restarted engine rebuilds the state of ad-hoc sub-processes (their inner instances) and of
 * compensation (the subscriptions, the throw event waiting for its handler) from the journal, and
 * goes on where the first one stopped.
 */
class AdHocAndCompensationReplayTest {

  @TempDir Path dataDir;

  @Test
  void shouldGoOnWithAdHocActivationsAndPendingCompensationAfterARestart() {
    // given: an ad-hoc sub-process with one inner flow running, and a compensation throw event
    // waiting for its handler
    ControlledClock clock = new ControlledClock();
    clock.pin(Instant.parse("2030-06-01T08:00:00Z"));
    long adHocInstance;
    long compensated;
    long adHocKey;
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {
      AbstractFlowNodeBuilder<?, ?> booked =
          Bpmn.createExecutableProcess("replay-compensation")
              .startEvent()
              .serviceTask("book", t -> t.zeebeJobType("replay.book"))
              .boundaryEvent("book-compensation")
              .compensation(c -> c.serviceTask("undo-book", u -> u.zeebeJobType("replay.undo")));
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("replay-ad-hoc")
                  .startEvent()
                  .adHocSubProcess(
                      "tasks",
                      a -> {
                        a.serviceTask("A", t -> t.zeebeJobType("replay.a"));
                        a.serviceTask("B", t -> t.zeebeJobType("replay.b"));
                      })
                  .endEvent()
                  .done(),
              "replay-ad-hoc.bpmn")
          .addProcessModel(
              booked
                  .intermediateThrowEvent(
                      "compensate",
                      e -> e.compensateEventDefinition().compensateEventDefinitionDone())
                  .endEvent()
                  .done(),
              "replay-compensation.bpmn")
          .send()
          .join();
      adHocInstance = startInstance(client, "replay-ad-hoc");
      compensated = startInstance(client, "replay-compensation");
      await().until(() -> adHoc(engine, adHocInstance) != null);
      adHocKey = adHoc(engine, adHocInstance).key();
      client
          .newActivateAdHocSubProcessActivitiesCommand(String.valueOf(adHocKey))
          .activateElement("A")
          .send()
          .join();
      complete(client, "replay.book");
      await().until(() -> active(engine, compensated).contains("undo-book"));
    }

    // when
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {
      client
          .newActivateAdHocSubProcessActivitiesCommand(String.valueOf(adHocKey))
          .activateElement("B")
          .send()
          .join();
      complete(client, "replay.a");
      complete(client, "replay.b");
      complete(client, "replay.undo");

      // then
      await().until(() -> state(engine, adHocInstance).equals("COMPLETED"));
      await().until(() -> state(engine, compensated).equals("COMPLETED"));
      assertThat(
              engine.history().elementInstances().stream()
                  .filter(e -> e.processInstanceKey() == adHocInstance)
                  .filter(e -> e.elementId().equals("tasks"))
                  .map(e -> e.type().name()))
          .containsOnly("AD_HOC_SUB_PROCESS", "AD_HOC_SUB_PROCESS_INNER_INSTANCE")
          .hasSize(3);
    }
  }

  private static long startInstance(CamundaClient client, String processId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static void complete(CamundaClient client, String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).as("jobs of type %s", type).hasSize(1);
    client.newCompleteCommand(jobs.get(0)).send().join();
  }

  private static ElementInstanceView adHoc(EmbeddedEngine engine, long processInstanceKey) {
    return engine.history().elementInstances().stream()
        .filter(e -> e.processInstanceKey() == processInstanceKey)
        .filter(e -> e.type().name().equals("AD_HOC_SUB_PROCESS"))
        .findFirst()
        .orElse(null);
  }

  private static List<String> active(EmbeddedEngine engine, long processInstanceKey) {
    return engine.history().elementInstances().stream()
        .filter(e -> e.processInstanceKey() == processInstanceKey)
        .filter(e -> e.state().equals("ACTIVE"))
        .map(ElementInstanceView::elementId)
        .toList();
  }

  private static String state(EmbeddedEngine engine, long processInstanceKey) {
    return engine.history().processInstances().stream()
        .filter(p -> p.key() == processInstanceKey)
        .findFirst()
        .orElseThrow()
        .state();
  }

  private EmbeddedEngine start(ControlledClock clock) {
    return EmbeddedEngine.builder()
        .grpcPort(0)
        .restPort(0)
        .managementPort(0)
        .dataDirectory(dataDir)
        .clock(clock)
        .build()
        .start();
  }

  private static CamundaClient client(EmbeddedEngine engine) {
    return CamundaClient.newClientBuilder()
        .preferRestOverGrpc(false)
        .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
        .restAddress(URI.create("http://localhost:" + engine.restPort()))
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }
}
