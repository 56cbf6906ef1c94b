package fr.secondevie.engine.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import fr.secondevie.engine.EmbeddedEngine;
import fr.secondevie.engine.clock.ControlledClock;
import fr.secondevie.engine.record.FileRecordStore;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.EvaluateDecisionResponse;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable journal, through the real client: an engine started again on the data directory of a
 * stopped one goes on where it stopped.
 */
class JournalTest {

  private static final Instant START = Instant.parse("2030-03-01T08:00:00Z");

  @TempDir Path dataDir;

  @Test
  void shouldGoOnWhereTheStoppedEngineLeftOff() throws IOException {
    // given an engine with a journal: definitions deployed, instances waiting on a user task, a
    // timer, a message and a job, a job activated by a worker, a message buffered
    ControlledClock clock = new ControlledClock();
    clock.pin(START);
    DeploymentEvent deployment;
    long userTaskInstance;
    long timerInstance;
    long messageInstance;
    List<Long> jobInstances = new ArrayList<>();
    long activatedJobKey;
    long userTaskKey;
    Set<Long> keysBefore = new HashSet<>();
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {
      deployment = deployAll(client);
      userTaskInstance = create(client, "journal-user-task", Map.of("asset", "PC-1"));
      timerInstance = create(client, "journal-timer", Map.of());
      messageInstance = create(client, "journal-message", Map.of("serial", "S-1"));
      jobInstances.add(create(client, "journal-job", Map.of("n", 1)));
      jobInstances.add(create(client, "journal-job", Map.of("n", 2)));
      List<ActivatedJob> activated = activate(client, 1, Duration.ofMinutes(5));
      assertThat(activated).hasSize(1);
      activatedJobKey = activated.get(0).getKey();
      client
          .newPublishMessageCommand()
          .messageName("journal-buffered")
          .correlationKey("B-1")
          .timeToLive(Duration.ofHours(24))
          .variables(Map.of("buffered", true))
          .send()
          .join();
      userTaskKey = userTaskOf(client, userTaskInstance).getUserTaskKey();
      keysBefore.addAll(
          List.of(
              userTaskInstance,
              timerInstance,
              messageInstance,
              activatedJobKey,
              userTaskKey,
              deployment.getKey()));
      keysBefore.addAll(jobInstances);
    }

    // when a new engine starts on the same directory
    ControlledClock restartedClock = new ControlledClock();
    restartedClock.pin(START.plusSeconds(60));
    try (EmbeddedEngine engine = start(restartedClock);
        CamundaClient client = client(engine)) {

      // then the definitions are there with their keys and versions
      DeploymentEvent again = deployAll(client);
      assertThat(again.getProcesses())
          .extracting(p -> p.getProcessDefinitionKey() + "/" + p.getVersion())
          .containsExactlyElementsOf(
              deployment.getProcesses().stream()
                  .map(p -> p.getProcessDefinitionKey() + "/" + p.getVersion())
                  .toList());
      assertThat(again.getDecisions().get(0).getDecisionKey())
          .isEqualTo(deployment.getDecisions().get(0).getDecisionKey());
      assertThat(again.getForm().get(0).getFormKey())
          .isEqualTo(deployment.getForm().get(0).getFormKey());
      EvaluateDecisionResponse dish =
          client
              .newEvaluateDecisionCommand()
              .decisionId("dish")
              .variables(Map.of("season", "Summer"))
              .send()
              .join();
      assertThat(dish.getDecisionOutput()).isEqualTo("\"Salad\"");

      // and the history shows the instances started before the restart
      assertThat(instance(client, userTaskInstance).getState())
          .isEqualTo(ProcessInstanceState.ACTIVE);
      assertThat(instance(client, userTaskInstance).getProcessDefinitionId())
          .isEqualTo("journal-user-task");

      // and the user task is completed through REST, with its form
      assertThat(client.newUserTaskGetFormRequest(userTaskKey).send().join().getFormId())
          .isEqualTo("review-form");
      client
          .newCompleteUserTaskCommand(userTaskKey)
          .variables(Map.of("approved", true))
          .send()
          .join();
      awaitState(client, userTaskInstance, ProcessInstanceState.COMPLETED);

      // and the job nobody took is activated and completed
      List<ActivatedJob> jobs = activate(client, 5, Duration.ofMinutes(5));
      assertThat(jobs).extracting(ActivatedJob::getKey).doesNotContain(activatedJobKey);
      assertThat(jobs).hasSize(1);
      client.newCompleteCommand(jobs.get(0)).send().join();
      awaitState(client, jobs.get(0).getProcessInstanceKey(), ProcessInstanceState.COMPLETED);

      // and the job activated before the restart times out from the restored deadline
      restartedClock.add(Duration.ofMinutes(10));
      List<ActivatedJob> timedOut = activate(client, 5, Duration.ofMinutes(5));
      assertThat(timedOut).extracting(ActivatedJob::getKey).containsExactly(activatedJobKey);
      client.newCompleteCommand(timedOut.get(0)).send().join();

      // and the due timer fires
      assertThat(instance(client, timerInstance).getState()).isEqualTo(ProcessInstanceState.ACTIVE);
      restartedClock.add(Duration.ofHours(1));
      awaitState(client, timerInstance, ProcessInstanceState.COMPLETED);

      // and the waiting subscription correlates a message
      client
          .newPublishMessageCommand()
          .messageName("journal-message")
          .correlationKey("S-1")
          .send()
          .join();
      awaitState(client, messageInstance, ProcessInstanceState.COMPLETED);

      // and the buffered message correlates to a new instance, whose key is new
      long buffered = create(client, "journal-buffered", Map.of("serial", "B-1"));
      awaitState(client, buffered, ProcessInstanceState.COMPLETED);
      assertThat(keysBefore).doesNotContain(buffered);
      assertThat(buffered).isGreaterThan(keysBefore.stream().mapToLong(k -> k).max().orElseThrow());
      assertThat(
              client
                  .newVariableSearchRequest()
                  .filter(f -> f.processInstanceKey(buffered).name("buffered"))
                  .send()
                  .join()
                  .items())
          .singleElement()
          .satisfies(v -> assertThat(v.getValue()).isEqualTo("true"));
      for (long key : jobInstances) {
        awaitState(client, key, ProcessInstanceState.COMPLETED);
      }
    }
  }

  @Test
  void shouldCutATornLastEntry() throws IOException {
    // given a journal whose last entry was cut by a crash while it was written
    ControlledClock clock = new ControlledClock();
    clock.pin(START);
    long instance;
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {
      deployAll(client);
      instance = create(client, "journal-user-task", Map.of("asset", "PC-2"));
    }
    Path journal = dataDir.resolve(FileRecordStore.JOURNAL_FILE);
    long size = Files.size(journal);
    Files.writeString(
        journal,
        "0badc0de {\"position\":" + 999 + ",\"key\":1,\"valueType\":\"PROC",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);

    // when
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {

      // then the torn entry is gone and the engine goes on
      assertThat(Files.size(journal)).isEqualTo(size);
      UserTask task = userTaskOf(client, instance);
      client.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
      awaitState(client, instance, ProcessInstanceState.COMPLETED);
    }
  }

  @Test
  void shouldCutTheRecordsOfAnUnfinishedCommand() throws IOException {
    // given a journal whose last command's records were written without their commit line
    ControlledClock clock = new ControlledClock();
    clock.pin(START);
    long instance;
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {
      deployAll(client);
      instance = create(client, "journal-user-task", Map.of("asset", "PC-3"));
    }
    Path journal = dataDir.resolve(FileRecordStore.JOURNAL_FILE);
    List<String> lines = Files.readAllLines(journal);
    String lastCommit = lines.remove(lines.size() - 1);
    Files.write(journal, lines);

    // when
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {

      // then the instance creation is forgotten, everything before it is there
      assertThat(lastCommit).contains("\"commit\"");
      assertThat(
              client
                  .newProcessInstanceSearchRequest()
                  .filter(f -> f.processInstanceKey(instance))
                  .send()
                  .join()
                  .items())
          .isEmpty();
      long created = create(client, "journal-user-task", Map.of("asset", "PC-3"));
      assertThat(userTaskOf(client, created)).isNotNull();
    }
  }

  @Test
  void shouldRefuseACorruptEntryInTheMiddle() throws IOException {
    // given a journal with a damaged entry followed by intact ones
    ControlledClock clock = new ControlledClock();
    clock.pin(START);
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {
      deployAll(client);
      create(client, "journal-user-task", Map.of("asset", "PC-4"));
    }
    Path journal = dataDir.resolve(FileRecordStore.JOURNAL_FILE);
    List<String> lines = Files.readAllLines(journal);
    int damaged = lines.size() - 4;
    while (!lines.get(damaged).contains("{\"position\":")) {
      damaged--;
    }
    lines.set(damaged, lines.get(damaged).replace("\"key\":", "\"kez\":"));
    Files.write(journal, lines);
    long position =
        Long.parseLong(lines.get(damaged).replaceAll(".*\\{\"(position|commit)\":(\\d+).*", "$2"));

    // when / then
    EmbeddedEngine refused = build(clock);
    assertThatThrownBy(refused::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Expected the entry at position " + position)
        .hasMessageContaining(journal.toString())
        .hasMessageContaining("but its checksum");
    // and the journal is left as it was, free for another try
    assertThat(Files.readAllLines(journal)).isEqualTo(lines);
    assertThatThrownBy(refused::start).hasMessageContaining("Expected the entry at position");
  }

  @Test
  void shouldRefuseASecondEngineOnTheSameDirectory() {
    // given
    ControlledClock clock = new ControlledClock();
    try (EmbeddedEngine first = start(clock)) {

      // when / then
      assertThatThrownBy(() -> start(clock))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Expected the journal in " + dataDir.toAbsolutePath().normalize())
          .hasMessageContaining("another engine has it open");
    }
    // and once the first one stopped, the directory is free
    try (EmbeddedEngine second = start(clock)) {
      assertThat(second.grpcPort()).isPositive();
    }
  }

  @Test
  void shouldKeepKeysIncreasingAfterAPurge() throws IOException {
    // given a purged engine
    ControlledClock clock = new ControlledClock();
    long before;
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {
      deployAll(client);
      before = create(client, "journal-user-task", Map.of("asset", "PC-5"));
      engine.commands().purge().join();
    }
    assertThat(Files.readAllLines(dataDir.resolve(FileRecordStore.JOURNAL_FILE)))
        .allSatisfy(line -> assertThat(line).contains(" {\"commit\":"));

    // when
    try (EmbeddedEngine engine = start(clock);
        CamundaClient client = client(engine)) {

      // then nothing is left, and new keys come after the old ones
      assertThat(client.newProcessInstanceSearchRequest().send().join().items()).isEmpty();
      assertThat(client.newProcessDefinitionSearchRequest().send().join().items()).isEmpty();
      deployAll(client);
      long after = create(client, "journal-user-task", Map.of("asset", "PC-5"));
      assertThat(after).isGreaterThan(before);
    }
  }

  // ---- helpers

  private EmbeddedEngine start(ControlledClock clock) {
    return build(clock).start();
  }

  private EmbeddedEngine build(ControlledClock clock) {
    return EmbeddedEngine.builder()
        .grpcPort(0)
        .restPort(0)
        .managementPort(0)
        .dataDirectory(dataDir)
        .clock(clock)
        .build();
  }

  private static CamundaClient client(EmbeddedEngine engine) {
    return CamundaClient.newClientBuilder()
        .preferRestOverGrpc(false)
        .grpcAddress(URI.create("http://localhost:" + engine.grpcPort()))
        .restAddress(URI.create("http://localhost:" + engine.restPort()))
        .defaultRequestTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** The BPMN resources, written once: deploying the same bytes again keeps key and version. */
  private static final Map<String, String> MODELS = models();

  private static Map<String, String> models() {
    Map<String, BpmnModelInstance> models = new LinkedHashMap<>();
    models.put(
        "journal-user-task.bpmn",
        Bpmn.createExecutableProcess("journal-user-task")
            .startEvent()
            .userTask("review", t -> t.zeebeUserTask().zeebeFormId("review-form"))
            .endEvent()
            .done());
    models.put(
        "journal-timer.bpmn",
        Bpmn.createExecutableProcess("journal-timer")
            .startEvent()
            .intermediateCatchEvent("wait", e -> e.timerWithDuration("PT1H"))
            .endEvent()
            .done());
    models.put(
        "journal-message.bpmn",
        Bpmn.createExecutableProcess("journal-message")
            .startEvent()
            .intermediateCatchEvent(
                "receive",
                e -> e.message(m -> m.name("journal-message").zeebeCorrelationKey("=serial")))
            .endEvent()
            .done());
    models.put(
        "journal-buffered.bpmn",
        Bpmn.createExecutableProcess("journal-buffered")
            .startEvent()
            .intermediateCatchEvent(
                "receive",
                e -> e.message(m -> m.name("journal-buffered").zeebeCorrelationKey("=serial")))
            .endEvent()
            .done());
    models.put(
        "journal-job.bpmn",
        Bpmn.createExecutableProcess("journal-job")
            .startEvent()
            .serviceTask("work", t -> t.zeebeJobType("journal.work"))
            .endEvent()
            .done());
    Map<String, String> xml = new LinkedHashMap<>();
    models.forEach((name, model) -> xml.put(name, Bpmn.convertToString(model)));
    return xml;
  }

  private static DeploymentEvent deployAll(CamundaClient client) throws IOException {
    try (InputStream dmn = resource("/fixtures/dish.dmn");
        InputStream form = resource("/fixtures/review.form")) {
      DeployResourceCommandStep2 command =
          client.newDeployResourceCommand().addResourceStream(dmn, "dish.dmn");
      for (Map.Entry<String, String> model : MODELS.entrySet()) {
        command = command.addResourceStringUtf8(model.getValue(), model.getKey());
      }
      return command.addResourceStream(form, "review.form").send().join();
    }
  }

  private static InputStream resource(String name) {
    return JournalTest.class.getResourceAsStream(name);
  }

  private static long create(CamundaClient client, String processId, Map<String, Object> vars) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(vars)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static List<ActivatedJob> activate(CamundaClient client, int max, Duration timeout) {
    return client
        .newActivateJobsCommand()
        .jobType("journal.work")
        .maxJobsToActivate(max)
        .timeout(timeout)
        .requestTimeout(Duration.ofMillis(500))
        .send()
        .join()
        .getJobs();
  }

  private static UserTask userTaskOf(CamundaClient client, long processInstanceKey) {
    return await()
        .until(
            () ->
                client
                    .newUserTaskSearchRequest()
                    .filter(f -> f.processInstanceKey(processInstanceKey))
                    .send()
                    .join()
                    .items(),
            items -> !items.isEmpty())
        .get(0);
  }

  private static ProcessInstance instance(CamundaClient client, long key) {
    return client.newProcessInstanceGetRequest(key).send().join();
  }

  private static void awaitState(CamundaClient client, long key, ProcessInstanceState state) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(instance(client, key).getState()).isEqualTo(state));
  }
}
