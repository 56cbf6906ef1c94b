package fr.secondevie.console;

import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small process of the console tests on the test engine: start, one service task {@code
 * check-label} of a job type of its own, end. Each test deploys its own (unique id and job type),
 * so that no other class's worker takes its jobs and the counts are its own.
 */
final class ConsoleFixtures {

  static final String TASK = "check-label";

  private static final AtomicInteger IDS = new AtomicInteger();

  final CamundaClient client;
  final String processId;
  final String jobType;

  private ConsoleFixtures(CamundaClient client, String processId, String jobType) {
    this.client = client;
    this.processId = processId;
    this.jobType = jobType;
  }

  /** Deploys a new process with a service task whose job has {@code retries} retries. */
  static ConsoleFixtures deployed(CamundaClient client, int retries) {
    int id = IDS.incrementAndGet();
    String processId =
        "console-check-" + id + "-" + Long.toHexString(System.identityHashCode(client));
    String jobType = "console-test.check-" + id;
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .name("Contrôle d'étiquette <" + id + ">")
            .startEvent("received")
            .name("Reçu")
            .serviceTask(
                TASK,
                t ->
                    t.name("Contrôler l'étiquette")
                        .zeebeJobType(jobType)
                        .zeebeJobRetries(Integer.toString(retries)))
            .endEvent("checked")
            .name("Contrôlé")
            .done();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
    return new ConsoleFixtures(client, processId, jobType);
  }

  long start(Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  long start() {
    return start(Map.of());
  }

  /** The job of the instance, once the engine offers it. */
  ActivatedJob activate(long processInstanceKey) {
    ActivatedJob[] found = new ActivatedJob[1];
    await("job of instance " + processInstanceKey)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              List<ActivatedJob> jobs =
                  client
                      .newActivateJobsCommand()
                      .jobType(jobType)
                      .maxJobsToActivate(10)
                      .timeout(Duration.ofMinutes(5))
                      .send()
                      .join()
                      .getJobs();
              for (ActivatedJob job : jobs) {
                if (job.getProcessInstanceKey() == processInstanceKey) {
                  found[0] = job;
                } else {
                  client.newFailCommand(job).retries(job.getRetries()).send().join();
                }
              }
              return found[0] != null;
            });
    return found[0];
  }

  void complete(long processInstanceKey) {
    client.newCompleteCommand(activate(processInstanceKey)).send().join();
  }

  /** Fails the instance's job with no retry left: the engine raises an incident. */
  long failOutOfRetries(long processInstanceKey, String message) {
    ActivatedJob job = activate(processInstanceKey);
    client.newFailCommand(job).retries(0).errorMessage(message).send().join();
    return openIncidentOf(processInstanceKey);
  }

  /** The key of the instance's open incident, once the runtime's search shows it. */
  long openIncidentOf(long processInstanceKey) {
    long[] key = new long[1];
    await("incident of instance " + processInstanceKey)
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var items =
                  client
                      .newIncidentSearchRequest()
                      .filter(
                          f -> f.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
                      .send()
                      .join()
                      .items();
              if (items.isEmpty()) {
                return false;
              }
              key[0] = items.get(0).getIncidentKey();
              return true;
            });
    return key[0];
  }
}
