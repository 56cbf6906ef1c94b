package fr.secondevie.engine.record;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.history.History;
import fr.secondevie.engine.state.EngineState;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * State and history are derived from the log only: replaying the records of a run into fresh state
 * and history reproduces what the engine shows.
 */
class ReplayTest {

  @Test
  void shouldRebuildHistoryAndStateFromTheLog() {
    // given a run with instances that completed, wait on a job, hit an incident, or called others
    InMemoryRecordStore store = new InMemoryRecordStore();
    try (EmbeddedEngine engine =
            EmbeddedEngine.builder()
                .grpcPort(0)
                .restPort(0)
                .managementPort(0)
                .recordStore(() -> store)
                .build()
                .start();
        CamundaClient client =
            CamundaClient.newClientBuilder()
                .preferRestOverGrpc(false)
                .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
                .build()) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("replay")
                  .startEvent()
                  .serviceTask("task", t -> t.zeebeJobType("replay.work"))
                  .exclusiveGateway()
                  .conditionExpression("ok")
                  .endEvent("done")
                  .moveToLastExclusiveGateway()
                  .conditionExpression("not(ok)")
                  .endEvent("rejected")
                  .done(),
              "replay.bpmn")
          .send()
          .join();
      for (int i = 0; i < 3; i++) {
        client.newCreateInstanceCommand().bpmnProcessId("replay").latestVersion().send().join();
      }
      // and a parallel multi-instance call activity whose children complete at once
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("replay-child")
                  .startEvent()
                  .scriptTask("double", t -> t.zeebeExpression("item * 2").zeebeResultVariable("r"))
                  .endEvent()
                  .done(),
              "replay-child.bpmn")
          .addProcessModel(
              Bpmn.createExecutableProcess("replay-parent")
                  .startEvent()
                  .callActivity(
                      "call",
                      c ->
                          c.zeebeProcessId("replay-child")
                              .multiInstance(
                                  m ->
                                      m.zeebeInputCollectionExpression("items")
                                          .zeebeInputElement("item")
                                          .zeebeOutputCollection("results")
                                          .zeebeOutputElementExpression("r")))
                  .endEvent()
                  .done(),
              "replay-parent.bpmn")
          .send()
          .join();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId("replay-parent")
          .latestVersion()
          .variables(Map.of("items", java.util.List.of(1, 2, 3)))
          .withResult()
          .send()
          .join();
      var jobs =
          client
              .newActivateJobsCommand()
              .jobType("replay.work")
              .maxJobsToActivate(2)
              .requestTimeout(Duration.ofSeconds(5))
              .send()
              .join()
              .getJobs();
      client.newCompleteCommand(jobs.get(0)).variables(Map.of("ok", true)).send().join();
      client.newCompleteCommand(jobs.get(1)).variables(Map.of("ok", "maybe")).send().join();
      History live = engine.history();
      org.awaitility.Awaitility.await().until(() -> live.incidents().size() == 1);

      // when the log is replayed
      EngineState state = new EngineState();
      History replayed = new History();
      store.forEach(
          1,
          record -> {
            state.apply(record);
            replayed.apply(record);
          });

      // then
      Comparator<Object> byString = Comparator.comparing(Object::toString);
      assertThat(replayed.processInstances())
          .usingElementComparator(byString)
          .containsExactlyInAnyOrderElementsOf(live.processInstances());
      assertThat(replayed.elementInstances())
          .usingElementComparator(byString)
          .containsExactlyInAnyOrderElementsOf(live.elementInstances());
      assertThat(replayed.incidents())
          .usingElementComparator(byString)
          .containsExactlyInAnyOrderElementsOf(live.incidents());
      assertThat(replayed.variables()).hasSameSizeAs(live.variables());
      assertThat(state.jobs().activatable("replay.work")).hasSize(1);
    }
  }
}
