package fr.secondevie.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;

/**
 * Who sees, claims and completes a task, with the real {@link CamundaTaskRuntime} against the test
 * JVM's throw-away engine (no mock): a task offered to one candidate group, three users — Alice and
 * Bruno in the group, Chloé outside it.
 */
@SpringBootTest
class TaskRightsOnTheEngineTests {

  private static final AtomicInteger IDS = new AtomicInteger();

  @Autowired TaskRuntime runtime;
  @Autowired TaskInbox inbox;
  @Autowired CamundaClient client;

  String processId;
  String group;
  long processInstanceKey;
  Viewer alice;
  Viewer bruno;
  Viewer chloe;

  @BeforeEach
  void aTaskOfferedToOneGroup() {
    int id = IDS.incrementAndGet();
    processId = "rights-check-" + id;
    group = "relecteurs-" + id;
    alice = new Viewer("alice", Set.of(group));
    bruno = new Viewer("bruno", Set.of(group));
    chloe = new Viewer("chloe", Set.of("autre-groupe-" + id));
    client
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent()
                .userTask(
                    "review", u -> u.name("Relire").zeebeUserTask().zeebeCandidateGroups(group))
                .endEvent()
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    processInstanceKey =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
  }

  /** The task once the runtime lists it for the group. */
  TaskInfo offeredTask() {
    await("task of " + processId + " offered to " + group)
        .atMost(Duration.ofSeconds(30))
        .until(() -> !offeredTo(group).isEmpty());
    return offeredTo(group).get(0);
  }

  List<TaskInfo> offeredTo(String candidateGroup) {
    return runtime.search(TaskQuery.offeredTo(candidateGroup, processId, 10)).tasks();
  }

  @Test
  void shouldOfferTheTaskToItsCandidateGroupOnly() {
    // when
    TaskInfo task = offeredTask();

    // then
    assertThat(task.candidateGroups()).containsExactly(group);
    assertThat(offeredTo(chloe.roles().iterator().next())).isEmpty();
    assertThat(alice.mayWork(task)).isTrue();
    assertThat(chloe.mayWork(task)).isFalse();
    assertThatThrownBy(() -> inbox.workable(chloe, task.key()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("chloe");
  }

  @Test
  void shouldRefuseTheClaimOfAnotherUserOnceOneHasClaimed() {
    // given
    TaskInfo task = offeredTask();

    // when
    inbox.claim(alice, task.key());

    // then: the engine records Alice; Bruno, of the same group, is refused
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "alice".equals(runtime.get(task.key()).assignee()));
    assertThatThrownBy(() -> inbox.claim(bruno, task.key()))
        .isInstanceOf(TaskInbox.InboxRefusal.class)
        .hasMessageContaining("déjà assignée à alice");
    assertThat(runtime.get(task.key()).assignee()).isEqualTo("alice");
  }

  @Test
  void shouldRefuseCompletionToAUserWithoutTheGroupAndToAnotherThanTheAssignee() {
    // given: Alice holds the task
    TaskInfo task = offeredTask();
    inbox.claim(alice, task.key());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "alice".equals(runtime.get(task.key()).assignee()));

    // when / then: Chloé may not even open it, Bruno may not complete it
    assertThatThrownBy(() -> inbox.workable(chloe, task.key()))
        .isInstanceOf(AccessDeniedException.class);
    TaskInfo seenByBruno = inbox.workable(bruno, task.key());
    assertThatThrownBy(() -> inbox.complete(bruno, seenByBruno, Map.of("avis", "ok")))
        .isInstanceOf(TaskInbox.InboxRefusal.class)
        .hasMessageContaining("assignée à alice");
    assertThat(runtime.get(task.key()).state()).isEqualTo("CREATED");
  }

  @Test
  void shouldLetTheAssigneeCompleteTheTask() {
    // given
    TaskInfo task = offeredTask();
    inbox.claim(alice, task.key());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "alice".equals(runtime.get(task.key()).assignee()));

    // when
    inbox.complete(alice, inbox.workable(alice, task.key()), Map.of("avis", "ok"));

    // then: the task is completed and the process instance ends
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                client.newProcessInstanceGetRequest(processInstanceKey).send().join().getState()
                    == ProcessInstanceState.COMPLETED);
    assertThat(runtime.get(task.key()).state()).isEqualTo("COMPLETED");
    assertThat(offeredTo(group)).isEmpty();
  }
}
