package fr.secondevie.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.clock.ControlledClock;
import fr.secondevie.engine.history.History;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of record survives the journal: a history rebuilt from it by a restarted engine
 * equals, value for value, the one of the engine that wrote it.
 */
class JournalReplayTest {

  @TempDir Path dataDir;

  @Test
  void shouldRebuildTheSameHistoryFromTheJournal() throws Exception {
    // given a run touching every value type: decisions, user tasks with their attributes, call
    // activities in a multi-instance, incidents, signals, message and timer start events,
    // variables of every JSON shape
    ControlledClock clock = new ControlledClock();
    clock.pin(Instant.parse("2030-06-01T08:00:00Z"));
    History live;
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine);
        InputStream dmn = JournalReplayTest.class.getResourceAsStream("/fixtures/dish.dmn")) {
      client
          .newDeployResourceCommand()
          .addResourceStream(dmn, "dish.dmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("journal-rich")
                  .startEvent()
                  .businessRuleTask(
                      "decide", b -> b.zeebeCalledDecisionId("dish").zeebeResultVariable("meal"))
                  .callActivity(
                      "call",
                      c ->
                          c.zeebeProcessId("journal-child")
                              .multiInstance(
                                  m ->
                                      m.zeebeInputCollectionExpression("items")
                                          .zeebeInputElement("item")
                                          .zeebeOutputCollection("results")
                                          .zeebeOutputElementExpression("doubled")))
                  .userTask(
                      "approve",
                      t ->
                          t.zeebeUserTask()
                              .zeebeAssignee("anna")
                              .zeebeCandidateGroups("ops, audit")
                              .zeebeDueDate("2031-01-01T10:00:00Z")
                              .zeebeTaskHeader("site", "CHU"))
                  .endEvent()
                  .done(),
              "journal-rich.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("journal-child")
                  .startEvent()
                  .scriptTask(
                      "double", s -> s.zeebeExpression("item * 2").zeebeResultVariable("doubled"))
                  .endEvent()
                  .done(),
              "journal-child.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("journal-fragile")
                  .startEvent()
                  .serviceTask("fragile", t -> t.zeebeJobType("journal.fragile"))
                  .intermediateCatchEvent("signal", e -> e.signal("journal-signal"))
                  .intermediateCatchEvent("later", e -> e.signal("journal-later"))
                  .endEvent()
                  .done(),
              "journal-fragile.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("journal-started-by-message")
                  .startEvent()
                  .message("journal-start")
                  .endEvent()
                  .done(),
              "journal-started-by-message.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("journal-hourly")
                  .startEvent()
                  .timerWithCycle("R/PT1H")
                  .endEvent()
                  .done(),
              "journal-hourly.bpmn")
          .send()
          .join();
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put("season", "Summer");
      variables.put("items", List.of(1, 2, 3));
      variables.put(
          "nested", Map.of("a", List.of(1.5, "x", true), "b", Map.of("c", 9007199254740993L)));
      variables.put("nothing", null);
      long rich =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("journal-rich")
              .latestVersion()
              .variables(variables)
              .send()
              .join()
              .getProcessInstanceKey();
      long fragile =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("journal-fragile")
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType("journal.fragile")
              .maxJobsToActivate(1)
              .send()
              .join()
              .getJobs();
      client.newFailCommand(jobs.get(0)).retries(0).errorMessage("disk unreadable").send().join();
      await().until(() -> engine.history().incidents().size() == 1);
      client.newUpdateRetriesCommand(jobs.get(0)).retries(1).send().join();
      client
          .newResolveIncidentCommand(engine.history().incidents().iterator().next().key())
          .send()
          .join();
      ActivatedJob retried =
          client
              .newActivateJobsCommand()
              .jobType("journal.fragile")
              .maxJobsToActivate(1)
              .send()
              .join()
              .getJobs()
              .get(0);
      client.newCompleteCommand(retried).variables(Map.of("checked", 2.25)).send().join();
      await()
          .until(
              () ->
                  engine.history().elementInstances().stream()
                      .anyMatch(e -> e.elementId().equals("signal") && e.state().equals("ACTIVE")));
      client
          .newBroadcastSignalCommand()
          .signalName("journal-signal")
          .variables(Map.of("signalled", "yes"))
          .send()
          .join();
      client
          .newPublishMessageCommand()
          .messageName("journal-start")
          .correlationKey("")
          .variables(Map.of("from", "message"))
          .send()
          .join();
      clock.add(Duration.ofMinutes(61));
      await()
          .until(
              () ->
                  engine.history().processInstances().stream()
                          .filter(p -> p.bpmnProcessId().equals("journal-hourly"))
                          .count()
                      == 1);
      await().until(() -> engine.history().userTasks().size() == 1);
      assertThat(rich).isNotEqualTo(fragile);
      live = engine.history();
    }

    // when
    try (EmbeddedEngine engine = start(clock)) {
      History replayed = engine.history();

      // then
      assertThat(replayed.processInstances())
          .containsExactlyInAnyOrderElementsOf(live.processInstances());
      assertThat(replayed.elementInstances())
          .containsExactlyInAnyOrderElementsOf(live.elementInstances());
      assertThat(replayed.variables()).containsExactlyInAnyOrderElementsOf(live.variables());
      assertThat(replayed.jobs()).containsExactlyInAnyOrderElementsOf(live.jobs());
      assertThat(replayed.incidents()).containsExactlyInAnyOrderElementsOf(live.incidents());
      assertThat(replayed.userTasks()).containsExactlyInAnyOrderElementsOf(live.userTasks());
      assertThat(replayed.messageSubscriptions())
          .containsExactlyInAnyOrderElementsOf(live.messageSubscriptions());
      assertThat(replayed.correlatedMessages())
          .containsExactlyInAnyOrderElementsOf(live.correlatedMessages());
      assertThat(replayed.decisionInstances())
          .containsExactlyInAnyOrderElementsOf(live.decisionInstances());
      assertThat(replayed.decisionDefinitions())
          .containsExactlyInAnyOrderElementsOf(live.decisionDefinitions());
      assertThat(replayed.processDefinitions())
          .extracting(p -> p.key() + " " + p.bpmnProcessId() + " v" + p.version())
          .containsExactlyInAnyOrderElementsOf(
              live.processDefinitions().stream()
                  .map(p -> p.key() + " " + p.bpmnProcessId() + " v" + p.version())
                  .toList());
      assertThat(replayed.processDefinitions())
          .allSatisfy(
              p ->
                  assertThat(
                          Arrays.equals(
                              p.resource(),
                              live.processDefinitions().stream()
                                  .filter(l -> l.key() == p.key())
                                  .findFirst()
                                  .orElseThrow()
                                  .resource()))
                      .isTrue());
      assertThat(replayed.decisionRequirements())
          .extracting(d -> d.key() + " " + d.decisionRequirementsId() + " " + d.checksum())
          .containsExactlyInAnyOrderElementsOf(
              live.decisionRequirements().stream()
                  .map(d -> d.key() + " " + d.decisionRequirementsId() + " " + d.checksum())
                  .toList());
    }
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
