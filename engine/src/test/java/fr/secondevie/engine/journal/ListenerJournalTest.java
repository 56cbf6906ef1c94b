package fr.secondevie.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.clock.ControlledClock;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.JobKind;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listener jobs and user task transitions waiting for their listeners survive a restart on the
 * journal: the restarted engine serves the same listener job, with its user task, and goes on when
 * it completes.
 */
class ListenerJournalTest {

  @TempDir Path dataDir;

  @Test
  void shouldGoOnWithAPendingTaskListenerAfterARestart() {
    // given a completion waiting for its completing listener when the engine stops
    ControlledClock clock = new ControlledClock();
    clock.pin(Instant.parse("2030-06-01T08:00:00Z"));
    long processInstanceKey;
    long userTaskKey;
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess("journal-listeners")
                  .startEvent()
                  .serviceTask(
                      "prepare",
                      t ->
                          t.zeebeJobType("journal.prepare")
                              .zeebeStartExecutionListener("journal.el-start"))
                  .userTask(
                      "approve",
                      u ->
                          u.zeebeUserTask()
                              .zeebeCandidateGroups("ops")
                              .zeebeTaskListener(l -> l.completing().type("journal.tl-complete")))
                  .endEvent()
                  .done(),
              "journal-listeners.bpmn")
          .send()
          .join();
      processInstanceKey =
          client
              .newCreateInstanceCommand()
              .bpmnProcessId("journal-listeners")
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey();
      client.newCompleteCommand(activate(client, "journal.el-start")).send().join();
      client.newCompleteCommand(activate(client, "journal.prepare")).send().join();
      await().until(() -> engine.history().userTasks().size() == 1);
      userTaskKey = engine.history().userTasks().iterator().next().key();
      client.newCompleteUserTaskCommand(userTaskKey).send();
      await()
          .until(() -> engine.history().userTasks().iterator().next().state().equals("COMPLETING"));
    }

    // when the engine starts again on its journal
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {
      ActivatedJob listener = activate(client, "journal.tl-complete");

      // then the listener job is served again with its task, and completing it completes the task
      assertThat(listener.getKind()).isEqualTo(JobKind.TASK_LISTENER);
      assertThat(listener.getListenerEventType()).isEqualTo(ListenerEventType.COMPLETING);
      assertThat(listener.getUserTask().getUserTaskKey()).isEqualTo(userTaskKey);
      assertThat(listener.getUserTask().getCandidateGroups()).isEqualTo(List.of("ops"));
      client
          .newCompleteCommand(listener)
          .withResult(r -> r.forUserTask().correctAssignee("anna"))
          .send()
          .join();
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  engine.history().processInstances().stream()
                      .anyMatch(
                          p -> p.key() == processInstanceKey && p.state().equals("COMPLETED")));
      assertThat(engine.history().userTasks().iterator().next().value().assignee())
          .isEqualTo("anna");
    }
  }

  private static ActivatedJob activate(CamundaClient client, String type) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(1)
        .timeout(Duration.ofMinutes(5))
        .requestTimeout(Duration.ofSeconds(5))
        .send()
        .join()
        .getJobs()
        .get(0);
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
