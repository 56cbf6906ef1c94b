package fr.secondevie.engine.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the conformance tests: the shared engine and client, fixture builders, and state checks
 * through the client's searches (REST {@code /v2}): commands and observations go through the public
 * API only, time through the management API ({@link ManagementClock}).
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

  // ---- state checks through the client's searches (REST /v2), as any Camunda 8.8 user sees it

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_LONG_FOR_INTS);

  /** A process instance as the search API shows it. */
  protected record ProcessInstanceView(
      long key,
      String bpmnProcessId,
      int version,
      String state,
      long parentProcessInstanceKey,
      long parentElementInstanceKey) {

    static ProcessInstanceView of(ProcessInstance p) {
      return new ProcessInstanceView(
          p.getProcessInstanceKey(),
          p.getProcessDefinitionId(),
          p.getProcessDefinitionVersion() == null ? 0 : p.getProcessDefinitionVersion(),
          p.getState() == null ? null : p.getState().name(),
          p.getParentProcessInstanceKey() == null ? -1 : p.getParentProcessInstanceKey(),
          p.getParentElementInstanceKey() == null ? -1 : p.getParentElementInstanceKey());
    }
  }

  /** An element instance as the search API shows it. */
  protected record ElementInstanceView(long key, String elementId, String type, String state) {

    static ElementInstanceView of(ElementInstance e) {
      return new ElementInstanceView(
          e.getElementInstanceKey(),
          e.getElementId(),
          e.getType() == null ? null : e.getType().name(),
          e.getState() == null ? null : e.getState().name());
    }
  }

  /** An incident as the search API shows it ({@code value()} keeps the former call sites). */
  protected record IncidentView(long key, String state, Value value) {

    protected record Value(
        long processInstanceKey,
        String elementId,
        String errorType,
        String errorMessage,
        Long jobKey) {}

    static IncidentView of(Incident i) {
      return new IncidentView(
          i.getIncidentKey(),
          i.getState() == null ? null : i.getState().name(),
          new Value(
              i.getProcessInstanceKey(),
              i.getElementId(),
              i.getErrorType() == null ? null : i.getErrorType().name(),
              i.getErrorMessage(),
              i.getJobKey()));
    }
  }

  private static CamundaClient searchClient() {
    return EngineExtension.CLIENT;
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
    return ProcessInstanceView.of(searchClient().newProcessInstanceGetRequest(key).send().join());
  }

  /** The instances of a process, oldest first. */
  protected static List<ProcessInstanceView> processInstancesOf(String processId) {
    return searchClient()
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processDefinitionId(processId))
        .sort(s -> s.processInstanceKey().asc())
        .page(p -> p.limit(1000))
        .send()
        .join()
        .items()
        .stream()
        .map(ProcessInstanceView::of)
        .toList();
  }

  /** The instances a parent instance called, oldest first. */
  protected static List<ProcessInstanceView> childrenOf(long parentKey) {
    return searchClient()
        .newProcessInstanceSearchRequest()
        .filter(f -> f.parentProcessInstanceKey(parentKey))
        .sort(s -> s.processInstanceKey().asc())
        .page(p -> p.limit(1000))
        .send()
        .join()
        .items()
        .stream()
        .map(ProcessInstanceView::of)
        .toList();
  }

  /**
   * The element instances of the process instance, in activation order: the process itself first
   * (from the process instance, which the element instance search does not list), then its flow
   * nodes.
   */
  protected static List<ElementInstanceView> elementInstancesOf(long processInstanceKey) {
    ProcessInstanceView instance = processInstance(processInstanceKey);
    List<ElementInstanceView> elements = new ArrayList<>();
    elements.add(
        new ElementInstanceView(
            instance.key(), instance.bpmnProcessId(), "PROCESS", instance.state()));
    searchClient()
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .sort(s -> s.elementInstanceKey().asc())
        .page(p -> p.limit(1000))
        .send()
        .join()
        .items()
        .stream()
        .map(ElementInstanceView::of)
        .forEach(elements::add);
    return elements;
  }

  /** Element ids of the instance's elements in the given state, in activation order. */
  protected static List<String> elements(long processInstanceKey, String state) {
    return elementInstancesOf(processInstanceKey).stream()
        .filter(e -> state.equals(e.state()))
        .map(ElementInstanceView::elementId)
        .collect(Collectors.toList());
  }

  protected static void awaitElement(long processInstanceKey, String elementId, String state) {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(elements(processInstanceKey, state)).contains(elementId));
  }

  protected static ElementInstanceView element(long processInstanceKey, String elementId) {
    return elementInstancesOf(processInstanceKey).stream()
        .filter(e -> e.elementId().equals(elementId))
        .reduce((a, b) -> b)
        .orElseThrow();
  }

  /** The variables of the process instance's root scope. */
  protected static Map<String, Object> variables(long processInstanceKey) {
    return variablesOfScope(processInstanceKey);
  }

  /** The variables of a scope, values parsed from their JSON (whole values for truncated ones). */
  protected static Map<String, Object> variablesOfScope(long scopeKey) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Variable v :
        searchClient()
            .newVariableSearchRequest()
            .filter(f -> f.scopeKey(scopeKey))
            .page(p -> p.limit(1000))
            .send()
            .join()
            .items()) {
      String json =
          Boolean.TRUE.equals(v.isTruncated())
              ? searchClient().newVariableGetRequest(v.getVariableKey()).send().join().getValue()
              : v.getValue();
      values.put(v.getName(), Objects.requireNonNullElse(parse(json), "null"));
    }
    return values;
  }

  private static Object parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return JSON.readValue(json, Object.class);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("variable value is not JSON: " + json, e);
    }
  }

  protected static List<IncidentView> activeIncidents(long processInstanceKey) {
    return searchClient()
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).state(IncidentState.ACTIVE))
        .send()
        .join()
        .items()
        .stream()
        .map(IncidentView::of)
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
