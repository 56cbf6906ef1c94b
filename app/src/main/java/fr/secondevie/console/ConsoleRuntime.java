package fr.secondevie.console;

import fr.secondevie.console.ConsoleViews.ElementRow;
import fr.secondevie.console.ConsoleViews.IncidentRow;
import fr.secondevie.console.ConsoleViews.InstanceDetail;
import fr.secondevie.console.ConsoleViews.InstancePage;
import fr.secondevie.console.ConsoleViews.InstanceRow;
import fr.secondevie.console.ConsoleViews.ProcessVersion;
import fr.secondevie.console.ConsoleViews.VariableRow;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.filter.ProcessInstanceFilter;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The process runtime as the console reads and acts on it, only through the Camunda Java client's
 * REST API (searches, get requests and commands sent with {@code useRest()}): the same calls
 * against the embedded engine and a Camunda 8.8 cluster.
 */
@Component
class ConsoleRuntime {

  /** The variables the console links to the application's own records. */
  static final String ASSET_ID = "assetId";

  static final String CAMPAIGN_ID = "campaignId";

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final int MAX_DEFINITIONS = 500;
  private static final int MAX_ELEMENTS = 1_000;
  private static final int MAX_VARIABLES = 1_000;
  private static final int MAX_INCIDENTS = 1_000;
  private static final List<String> SECRET_NAMES = List.of("password", "secret", "token");

  private final CamundaClient client;
  private final BundledFiles bundled;
  private final Map<Long, BundledFiles.Source> sources = new ConcurrentHashMap<>();

  ConsoleRuntime(CamundaClient client, BundledFiles bundled) {
    this.client = client;
    this.bundled = bundled;
  }

  /** Every deployed process version, by process id then newest version first, with counts. */
  List<ProcessVersion> processVersions() {
    List<ProcessDefinition> definitions =
        new ArrayList<>(
            call(
                () ->
                    client
                        .newProcessDefinitionSearchRequest()
                        .page(p -> p.limit(MAX_DEFINITIONS))
                        .send()
                        .join()
                        .items()));
    definitions.sort(
        Comparator.comparing(ProcessDefinition::getProcessDefinitionId)
            .thenComparing(Comparator.comparingInt(ProcessDefinition::getVersion).reversed()));
    // every count is asked at once, then read: the runtime answers them concurrently
    List<List<CamundaFuture<SearchResponse<ProcessInstance>>>> counts = new ArrayList<>();
    for (ProcessDefinition d : definitions) {
      long key = d.getProcessDefinitionKey();
      counts.add(
          List.of(
              count(f -> f.processDefinitionKey(key).state(ProcessInstanceState.ACTIVE)),
              count(f -> f.processDefinitionKey(key).state(ProcessInstanceState.COMPLETED)),
              count(
                  f ->
                      f.processDefinitionKey(key)
                          .state(ProcessInstanceState.ACTIVE)
                          .hasIncident(true))));
    }
    List<ProcessVersion> versions = new ArrayList<>();
    for (int i = 0; i < definitions.size(); i++) {
      ProcessDefinition d = definitions.get(i);
      List<CamundaFuture<SearchResponse<ProcessInstance>>> c = counts.get(i);
      versions.add(
          new ProcessVersion(
              d.getProcessDefinitionKey(),
              d.getProcessDefinitionId(),
              d.getName(),
              d.getVersion(),
              d.getVersionTag(),
              d.getResourceName(),
              sourceOf(d),
              total(call(c.get(0)::join)),
              total(call(c.get(1)::join)),
              total(call(c.get(2)::join))));
    }
    return versions;
  }

  /**
   * Compares the version's XML with the shipped file, once per process definition key: a deployed
   * version's XML never changes (a changed model is a new key), so the answer is kept.
   */
  private BundledFiles.Source sourceOf(ProcessDefinition definition) {
    if (!bundled.ships(definition.getResourceName())) {
      return BundledFiles.Source.OTHER;
    }
    long key = definition.getProcessDefinitionKey();
    BundledFiles.Source known = sources.get(key);
    if (known != null) {
      return known;
    }
    String xml = call(() -> client.newProcessDefinitionGetXmlRequest(key).send().join());
    BundledFiles.Source source = bundled.sourceOf(definition.getResourceName(), xml);
    sources.put(key, source);
    return source;
  }

  /** The ids of the deployed processes, sorted (for the instance filter). */
  List<String> processIds() {
    return call(
            () ->
                client
                    .newProcessDefinitionSearchRequest()
                    .page(p -> p.limit(MAX_DEFINITIONS))
                    .send()
                    .join()
                    .items())
        .stream()
        .map(ProcessDefinition::getProcessDefinitionId)
        .distinct()
        .sorted()
        .toList();
  }

  /** The asset the instance concerns (its own variable {@code assetId}), if any. */
  Optional<Long> assetIdOf(long processInstanceKey) {
    return call(
            () ->
                client
                    .newVariableSearchRequest()
                    .filter(
                        f ->
                            f.processInstanceKey(processInstanceKey)
                                .scopeKey(processInstanceKey)
                                .name(ASSET_ID))
                    .page(p -> p.limit(1))
                    .send()
                    .join()
                    .items())
        .stream()
        .findFirst()
        .map(v -> number(v.getValue()));
  }

  private CamundaFuture<SearchResponse<ProcessInstance>> count(
      Consumer<ProcessInstanceFilter> filter) {
    return call(
        () -> client.newProcessInstanceSearchRequest().filter(filter).page(p -> p.limit(1)).send());
  }

  /**
   * A page of instances, newest first.
   *
   * @param assetId the asset id the inventory number stands for, when the filter names one
   */
  InstancePage instances(InstanceFilter filter, Long assetId) {
    Map<String, Object> variables = new HashMap<>();
    if (assetId != null) {
      variables.put(ASSET_ID, assetId);
    }
    if (filter.campaignId() != null) {
      variables.put(CAMPAIGN_ID, filter.campaignId());
    }
    SearchResponse<ProcessInstance> response =
        call(
            () ->
                client
                    .newProcessInstanceSearchRequest()
                    .filter(
                        f -> {
                          if (filter.processId() != null) {
                            f.processDefinitionId(filter.processId());
                          }
                          if (filter.version() != null) {
                            f.processDefinitionVersion(filter.version());
                          }
                          if (filter.state() != null) {
                            switch (filter.state()) {
                              case ACTIVE -> f.state(ProcessInstanceState.ACTIVE);
                              case INCIDENT ->
                                  f.state(ProcessInstanceState.ACTIVE).hasIncident(true);
                              case COMPLETED -> f.state(ProcessInstanceState.COMPLETED);
                              case TERMINATED -> f.state(ProcessInstanceState.TERMINATED);
                            }
                          }
                          if (filter.startedFrom() != null || filter.startedTo() != null) {
                            f.startDate(
                                d -> {
                                  if (filter.startedFrom() != null) {
                                    d.gte(startOf(filter.startedFrom()));
                                  }
                                  if (filter.startedTo() != null) {
                                    d.lt(startOf(filter.startedTo().plusDays(1)));
                                  }
                                });
                          }
                          if (!variables.isEmpty()) {
                            f.variables(variables);
                          }
                        })
                    .sort(s -> s.startDate().desc())
                    .page(p -> p.from((filter.page() - 1) * filter.size()).limit(filter.size()))
                    .send()
                    .join());
    return new InstancePage(
        response.items().stream().map(ConsoleRuntime::row).toList(),
        total(response),
        filter.page(),
        filter.size());
  }

  /** One instance and what the console shows of it; empty when the runtime does not know it. */
  Optional<InstanceDetail> instance(long key) {
    ProcessInstance instance;
    try {
      instance = call(() -> client.newProcessInstanceGetRequest(key).send().join());
    } catch (ConsoleUnavailableException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
    // the five reads are sent at once, then awaited
    CamundaFuture<SearchResponse<ElementInstance>> elementsAsked =
        call(
            () ->
                client
                    .newElementInstanceSearchRequest()
                    .filter(f -> f.processInstanceKey(key))
                    .sort(s -> s.elementInstanceKey().asc())
                    .page(p -> p.limit(MAX_ELEMENTS))
                    .send());
    CamundaFuture<SearchResponse<Incident>> incidentsAsked =
        call(
            () ->
                client
                    .newIncidentSearchRequest()
                    .filter(f -> f.processInstanceKey(key))
                    .page(p -> p.limit(MAX_INCIDENTS))
                    .send());
    CamundaFuture<SearchResponse<Variable>> variablesAsked =
        call(
            () ->
                client
                    .newVariableSearchRequest()
                    .filter(f -> f.processInstanceKey(key))
                    .page(p -> p.limit(MAX_VARIABLES))
                    .send());
    CamundaFuture<List<ProcessInstanceSequenceFlow>> flowsAsked =
        call(() -> client.newProcessInstanceSequenceFlowsRequest(key).send());
    CamundaFuture<String> xmlAsked =
        call(
            () ->
                client
                    .newProcessDefinitionGetXmlRequest(instance.getProcessDefinitionKey())
                    .send());
    List<ElementRow> elements =
        call(elementsAsked::join).items().stream().map(ConsoleRuntime::element).toList();
    List<IncidentRow> incidents =
        call(incidentsAsked::join).items().stream().map(ConsoleRuntime::incident).toList();
    List<Variable> variables = call(variablesAsked::join).items();
    List<String> flows =
        call(flowsAsked::join).stream().map(ProcessInstanceSequenceFlow::getElementId).toList();
    String xml = call(xmlAsked::join);
    List<VariableRow> variableRows = new ArrayList<>();
    Long assetId = null;
    Long campaignId = null;
    for (Variable v : variables) {
      boolean processScope = v.getScopeKey() != null && v.getScopeKey() == key;
      boolean masked = isSecret(v.getName());
      variableRows.add(
          new VariableRow(
              v.getName(),
              processScope ? "instance" : String.valueOf(v.getScopeKey()),
              masked ? null : v.getValue(),
              Boolean.TRUE.equals(v.isTruncated()),
              masked));
      if (processScope && ASSET_ID.equals(v.getName())) {
        assetId = number(v.getValue());
      }
      if (processScope && CAMPAIGN_ID.equals(v.getName())) {
        campaignId = number(v.getValue());
      }
    }
    variableRows.sort(Comparator.comparing(VariableRow::name));
    return Optional.of(
        new InstanceDetail(
            row(instance), variableRows, elements, incidents, flows, xml, assetId, campaignId));
  }

  /** The open incidents, newest first (at most the 1,000 newest). */
  List<IncidentRow> openIncidents() {
    return call(
            () ->
                client
                    .newIncidentSearchRequest()
                    .filter(f -> f.state(IncidentState.ACTIVE))
                    .sort(s -> s.creationTime().desc())
                    .page(p -> p.limit(MAX_INCIDENTS))
                    .send()
                    .join())
        .items()
        .stream()
        .map(ConsoleRuntime::incident)
        .toList();
  }

  /** The incident, if the runtime knows it. */
  Optional<IncidentRow> incident(long incidentKey) {
    return call(
            () ->
                client
                    .newIncidentSearchRequest()
                    .filter(f -> f.incidentKey(incidentKey))
                    .page(p -> p.limit(1))
                    .send()
                    .join())
        .items()
        .stream()
        .findFirst()
        .map(ConsoleRuntime::incident);
  }

  /**
   * Retries an incident: a job's incident gets its job's retries back first (the job is then
   * activated again), then the incident is resolved.
   */
  void retry(IncidentRow incident, int retries) {
    if (incident.jobKey() != null) {
      call(
          () ->
              client
                  .newUpdateRetriesCommand(incident.jobKey())
                  .useRest()
                  .retries(retries)
                  .send()
                  .join());
    }
    call(() -> client.newResolveIncidentCommand(incident.key()).useRest().send().join());
  }

  /** Resolves an incident that is not a job's: the runtime evaluates its element again. */
  void resolve(IncidentRow incident) {
    call(() -> client.newResolveIncidentCommand(incident.key()).useRest().send().join());
  }

  /** Sets a variable on the instance's own scope (before a retry, to correct what failed). */
  void setVariable(long processInstanceKey, String name, Object value) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(name, value);
    call(
        () ->
            client
                .newSetVariablesCommand(processInstanceKey)
                .useRest()
                .variables(variables)
                .local(true)
                .send()
                .join());
  }

  void cancel(long processInstanceKey) {
    call(() -> client.newCancelInstanceCommand(processInstanceKey).useRest().send().join());
  }

  // ---------------------------------------------------------------- mapping

  private static InstanceRow row(ProcessInstance p) {
    InstanceState state =
        switch (p.getState()) {
          case ACTIVE ->
              Boolean.TRUE.equals(p.getHasIncident())
                  ? InstanceState.INCIDENT
                  : InstanceState.ACTIVE;
          case COMPLETED -> InstanceState.COMPLETED;
          default -> InstanceState.TERMINATED;
        };
    return new InstanceRow(
        p.getProcessInstanceKey(),
        p.getProcessDefinitionId(),
        p.getProcessDefinitionName(),
        p.getProcessDefinitionVersion() == null ? 0 : p.getProcessDefinitionVersion(),
        p.getProcessDefinitionKey() == null ? 0 : p.getProcessDefinitionKey(),
        instant(p.getStartDate()),
        instant(p.getEndDate()),
        state);
  }

  private static ElementRow element(ElementInstance e) {
    return new ElementRow(
        e.getElementInstanceKey(),
        e.getElementId(),
        e.getElementName(),
        e.getType() == null ? "" : e.getType().name(),
        e.getState() == null ? "" : e.getState().name(),
        instant(e.getStartDate()),
        instant(e.getEndDate()),
        Boolean.TRUE.equals(e.getIncident()));
  }

  private static IncidentRow incident(Incident i) {
    return new IncidentRow(
        i.getIncidentKey(),
        i.getProcessInstanceKey(),
        i.getProcessDefinitionId(),
        i.getElementId(),
        i.getErrorType() == null ? "" : i.getErrorType().name(),
        i.getErrorMessage(),
        instant(i.getCreationTime()),
        i.getJobKey(),
        i.getState() == IncidentState.ACTIVE);
  }

  private static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET_NAMES.stream().anyMatch(lower::contains);
  }

  private static Long number(String json) {
    try {
      return json == null ? null : Long.valueOf(json.strip().replace("\"", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(PARIS).toOffsetDateTime();
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  private static long total(SearchResponse<?> response) {
    Long total = response.page() == null ? null : response.page().totalItems();
    return total == null ? response.items().size() : total;
  }

  private static <T> T call(Supplier<T> request) {
    try {
      return request.get();
    } catch (ClientHttpException e) {
      throw new ConsoleUnavailableException(e.code(), e.getMessage(), e);
    } catch (ClientException e) {
      throw new ConsoleUnavailableException(0, e.getMessage(), e);
    }
  }
}
