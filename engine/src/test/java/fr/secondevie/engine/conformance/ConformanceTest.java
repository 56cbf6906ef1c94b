package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.secondevie.engine.history.History;
import fr.secondevie.engine.history.Views.ElementInstanceView;
import fr.secondevie.engine.history.Views.IncidentView;
import fr.secondevie.engine.history.Views.ProcessInstanceView;
import fr.secondevie.engine.history.Views.VariableView;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the conformance tests: the shared engine and client, fixture builders, and state checks
 * through the engine's history (commands under test always go through the client).
 */
abstract class ConformanceTest {

  private static final AtomicInteger IDS = new AtomicInteger();

  protected final CamundaClient client = EngineExtension.CLIENT;

  @AfterEach
  void resetClock() {
    EngineExtension.CLOCK.reset();
  }

  /** A process id (or type, or message name) no other test uses. */
  protected static String unique(String prefix) {
    return prefix + "-" + IDS.incrementAndGet();
  }

  protected DeploymentEvent deploy(BpmnModelInstance model) {
    String id =
        model.getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class).stream()
            .findFirst()
            .map(p -> p.getId())
            .orElse("process");
    return client.newDeployResourceCommand().addProcessModel(model, id + ".bpmn").send().join();
  }

  protected ProcessInstanceEvent start(String processId) {
    return start(processId, Map.of());
  }

  protected ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join();
  }

  /** Activates one job of the type, waiting up to 5 s for it. */
  protected ActivatedJob activateJob(String type) {
    List<ActivatedJob> jobs = activateJobs(type, 1);
    assertThat(jobs).as("activated jobs of type %s", type).hasSize(1);
    return jobs.get(0);
  }

  protected List<ActivatedJob> activateJobs(String type, int max) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(max)
        .timeout(Duration.ofMinutes(5))
        .requestTimeout(Duration.ofSeconds(5))
        .send()
        .join()
        .getJobs();
  }

  /** Jobs of the type activatable right now (a short long-poll), for asserting there are none. */
  protected List<ActivatedJob> activateJobsNow(String type) {
    return client
        .newActivateJobsCommand()
        .jobType(type)
        .maxJobsToActivate(10)
        .timeout(Duration.ofMinutes(5))
        .requestTimeout(Duration.ofMillis(200))
        .send()
        .join()
        .getJobs();
  }

  protected void completeJob(String type, Map<String, Object> variables) {
    ActivatedJob job = activateJob(type);
    client.newCompleteCommand(job.getKey()).variables(variables).send().join();
  }

  // ---- state checks through the history

  protected static History history() {
    return EngineExtension.ENGINE.history();
  }

  protected static void awaitState(long processInstanceKey, String state) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(processInstance(processInstanceKey))
                    .extracting(ProcessInstanceView::state)
                    .isEqualTo(state));
  }

  protected static void awaitCompleted(long processInstanceKey) {
    awaitState(processInstanceKey, "COMPLETED");
  }

  protected static ProcessInstanceView processInstance(long key) {
    return history().processInstance(key);
  }

  /** Element ids of the instance's elements in the given state, in activation order. */
  protected static List<String> elements(long processInstanceKey, String state) {
    return history().elementInstancesOf(processInstanceKey).stream()
        .filter(e -> e.state().equals(state))
        .map(ElementInstanceView::elementId)
        .collect(Collectors.toList());
  }

  protected static void awaitElement(long processInstanceKey, String elementId, String state) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(elements(processInstanceKey, state)).contains(elementId));
  }

  protected static ElementInstanceView element(long processInstanceKey, String elementId) {
    return history().elementInstancesOf(processInstanceKey).stream()
        .filter(e -> e.elementId().equals(elementId))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /** The variables of the process instance's root scope. */
  protected static Map<String, Object> variables(long processInstanceKey) {
    return variablesOfScope(processInstanceKey);
  }

  protected static Map<String, Object> variablesOfScope(long scopeKey) {
    return history().variablesOf(scopeKey).stream()
        .collect(
            Collectors.toMap(
                VariableView::name, v -> Objects.requireNonNullElse(v.value(), "null")));
  }

  protected static List<IncidentView> activeIncidents(long processInstanceKey) {
    return history().incidents().stream()
        .filter(i -> i.value().processInstanceKey() == processInstanceKey)
        .filter(i -> i.state().equals("ACTIVE"))
        .toList();
  }

  protected static IncidentView awaitIncident(long processInstanceKey) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !activeIncidents(processInstanceKey).isEmpty());
    return activeIncidents(processInstanceKey).get(0);
  }

  protected static BpmnModelInstance serviceTaskProcess(String processId, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType(type))
        .endEvent("end")
        .done();
  }
}
