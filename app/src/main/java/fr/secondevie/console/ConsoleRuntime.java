package fr.secondevie.console;

import fr.secondevie.console.ConsoleViews.ElementRow;
import fr.secondevie.console.ConsoleViews.IncidentRow;
import fr.secondevie.console.ConsoleViews.InstanceDetail;
import fr.secondevie.console.ConsoleViews.InstancePage;
import fr.secondevie.console.ConsoleViews.InstanceRow;
import fr.secondevie.console.ConsoleViews.VariableRow;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;
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
import org.springframework.stereotype.Component;

/**
 * The process instances and incidents as the console reads them, only through the Camunda Java
 * client's REST API (searches and get requests): the same calls against the embedded engine and a
 * Camunda 8.8 cluster. The process versions are read by {@link ProcessVersions}, the commands sent
 * by {@link RuntimeCommands}.
 */
@Component
class ConsoleRuntime {

  /** The variables the console links to the application's own records. */
  static final String ASSET_ID = "assetId";

  static final String CAMPAIGN_ID = "campaignId";

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final int MAX_ELEMENTS = 1_000;
  private static final int MAX_VARIABLES = 1_000;
  private static final int MAX_INCIDENTS = 1_000;
  private static final List<String> SECRET_NAMES = List.of("password", "secret", "token");

  /** The process versions whose XML is kept (a few kB each). */
  private static final int MAX_KEPT_XML = 200;

  private final CamundaClient client;

  /**
   * The XML of the process versions seen, by process definition key: a deployed version's XML never
   * changes (a changed model is a new key).
   */
  private final Map<Long, String> xmlByDefinition = new ConcurrentHashMap<>();

  ConsoleRuntime(CamundaClient client) {
    this.client = client;
  }

  private String keepXml(long definitionKey, CamundaFuture<String> asked) {
    String xml = RuntimeCalls.call(asked::join);
    if (xmlByDefinition.size() >= MAX_KEPT_XML) {
      xmlByDefinition.clear();
    }
    xmlByDefinition.put(definitionKey, xml);
    return xml;
  }

  /** The asset the instance concerns (its own variable {@code assetId}), if any. */
  Optional<Long> assetIdOf(long processInstanceKey) {
    return RuntimeCalls.call(
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
        .map(v -> RuntimeCalls.number(v.getValue()));
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
        RuntimeCalls.call(
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
        RuntimeCalls.total(response),
        filter.page(),
        filter.size());
  }

  /** One instance and what the console shows of it; empty when the runtime does not know it. */
  Optional<InstanceDetail> instance(long key) {
    ProcessInstance instance;
    try {
      instance = RuntimeCalls.call(() -> client.newProcessInstanceGetRequest(key).send().join());
    } catch (ConsoleUnavailableException e) {
      if (e.notFound()) {
        return Optional.empty();
      }
      throw e;
    }
    // the reads are sent at once, then awaited
    CamundaFuture<SearchResponse<ElementInstance>> elementsAsked =
        RuntimeCalls.call(
            () ->
                client
                    .newElementInstanceSearchRequest()
                    .filter(f -> f.processInstanceKey(key))
                    .sort(s -> s.elementInstanceKey().asc())
                    .page(p -> p.limit(MAX_ELEMENTS))
                    .send());
    CamundaFuture<SearchResponse<Incident>> incidentsAsked =
        RuntimeCalls.call(
            () ->
                client
                    .newIncidentSearchRequest()
                    .filter(f -> f.processInstanceKey(key))
                    .page(p -> p.limit(MAX_INCIDENTS))
                    .send());
    CamundaFuture<SearchResponse<Variable>> variablesAsked =
        RuntimeCalls.call(
            () ->
                client
                    .newVariableSearchRequest()
                    .filter(f -> f.processInstanceKey(key))
                    .page(p -> p.limit(MAX_VARIABLES))
                    .send());
    CamundaFuture<List<ProcessInstanceSequenceFlow>> flowsAsked =
        RuntimeCalls.call(() -> client.newProcessInstanceSequenceFlowsRequest(key).send());
    long definitionKey = instance.getProcessDefinitionKey();
    String knownXml = xmlByDefinition.get(definitionKey);
    CamundaFuture<String> xmlAsked =
        knownXml != null
            ? null
            : RuntimeCalls.call(
                () -> client.newProcessDefinitionGetXmlRequest(definitionKey).send());
    List<ElementRow> elements =
        RuntimeCalls.call(elementsAsked::join).items().stream()
            .map(ConsoleRuntime::element)
            .toList();
    List<IncidentRow> incidents =
        RuntimeCalls.call(incidentsAsked::join).items().stream()
            .map(RuntimeCalls::incident)
            .toList();
    List<Variable> variables = RuntimeCalls.call(variablesAsked::join).items();
    List<String> flows =
        RuntimeCalls.call(flowsAsked::join).stream()
            .map(ProcessInstanceSequenceFlow::getElementId)
            .toList();
    String xml = knownXml != null ? knownXml : keepXml(definitionKey, xmlAsked);
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
        assetId = RuntimeCalls.number(v.getValue());
      }
      if (processScope && CAMPAIGN_ID.equals(v.getName())) {
        campaignId = RuntimeCalls.number(v.getValue());
      }
    }
    variableRows.sort(Comparator.comparing(VariableRow::name));
    return Optional.of(
        new InstanceDetail(
            row(instance), variableRows, elements, incidents, flows, xml, assetId, campaignId));
  }

  /** The open incidents, newest first (at most the 1,000 newest). */
  List<IncidentRow> openIncidents() {
    return RuntimeCalls.call(
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
        .map(RuntimeCalls::incident)
        .toList();
  }

  /** The incident, if the runtime knows it. */
  Optional<IncidentRow> incident(long incidentKey) {
    return RuntimeCalls.call(
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
        .map(RuntimeCalls::incident);
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
        RuntimeCalls.instant(p.getStartDate()),
        RuntimeCalls.instant(p.getEndDate()),
        state);
  }

  private static ElementRow element(ElementInstance e) {
    return new ElementRow(
        e.getElementInstanceKey(),
        e.getElementId(),
        e.getElementName(),
        e.getType() == null ? "" : e.getType().name(),
        e.getState() == null ? "" : e.getState().name(),
        RuntimeCalls.instant(e.getStartDate()),
        RuntimeCalls.instant(e.getEndDate()),
        Boolean.TRUE.equals(e.getIncident()));
  }

  private static boolean isSecret(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return SECRET_NAMES.stream().anyMatch(lower::contains);
  }

  private static OffsetDateTime startOf(LocalDate day) {
    return day.atStartOfDay(PARIS).toOffsetDateTime();
  }
}
