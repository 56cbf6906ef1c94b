package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.history.History;
import fr.secondevie.engine.history.Views.ElementInstanceView;
import fr.secondevie.engine.history.Views.IncidentView;
import fr.secondevie.engine.history.Views.ProcessInstanceView;
import fr.secondevie.engine.history.Views.SequenceFlowView;
import fr.secondevie.engine.processing.CreatedInstance;
import fr.secondevie.engine.rest.http.ApiException;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import fr.secondevie.engine.rest.search.SearchQuery;
import fr.secondevie.engine.rest.search.SearchSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Process instances: creation (optionally awaiting completion), cancellation, search, get, taken
 * sequence flows, call hierarchy, their incidents and element statistics.
 */
final class ProcessInstanceEndpoints {

  /**
   * The element filters of a process instance search, which hold together on one of its element
   * instances (the element with this id is in this state, with an incident).
   */
  private static final SearchSchema<ElementInstanceView> ELEMENT_SCHEMA =
      SearchSchema.<ElementInstanceView>of("process instance", ElementInstanceView::key)
          .string("elementId", ElementInstanceView::elementId)
          .enumeration(
              "elementInstanceState", ElementInstanceEndpoints.STATES, ElementInstanceView::state)
          .bool("hasElementInstanceIncident", ElementInstanceView::hasIncident);

  /** Camunda's default request timeout when creating with {@code awaitCompletion}. */
  private static final long DEFAULT_AWAIT_TIMEOUT_MILLIS = 10_000;

  private final ApiContext api;
  private final SearchSchema<ProcessInstanceView> schema;

  private ProcessInstanceEndpoints(ApiContext api) {
    this.api = api;
    History history = api.history();
    this.schema =
        SearchSchema.<ProcessInstanceView>of("process instance", ProcessInstanceView::key)
            .string("processDefinitionId", ProcessInstanceView::bpmnProcessId)
            .string("processDefinitionName", ProcessInstanceView::processName)
            .integer("processDefinitionVersion", ProcessInstanceView::version)
            .string("processDefinitionVersionTag", ProcessInstanceView::versionTag)
            .key("processDefinitionKey", ProcessInstanceView::processDefinitionKey)
            .date("startDate", ProcessInstanceView::startDate)
            .date("endDate", ProcessInstanceView::endDate)
            .enumeration("state", ElementInstanceEndpoints.STATES, ProcessInstanceView::state)
            .bool("hasIncident", ProcessInstanceView::hasIncident)
            .string("tenantId", p -> Json.TENANT)
            .variables("variables", p -> Lookups.variablesOfInstance(history, p.key()))
            .key("processInstanceKey", ProcessInstanceView::key)
            .key("parentProcessInstanceKey", ProcessInstanceEndpoints::parentProcessInstanceKey)
            .key("parentElementInstanceKey", ProcessInstanceEndpoints::parentElementInstanceKey)
            .tags("tags", p -> Set.of())
            .string("batchOperationId", p -> null)
            .filterOnly()
            .stringList(
                "errorMessage",
                p ->
                    Lookups.activeIncidents(history, p.key()).stream()
                        .map(i -> i.value().errorMessage())
                        .toList())
            .bool("hasRetriesLeft", p -> hasRetriesLeft(history, p.key()))
            .filterOnly()
            .joint(ELEMENT_SCHEMA, p -> elements(history, p.key()))
            .integer(
                "incidentErrorHashCode",
                p ->
                    Lookups.activeIncidents(history, p.key()).stream()
                        .map(i -> i.value().errorMessage())
                        .map(message -> message == null ? 0 : message.hashCode())
                        .findFirst()
                        .orElse(null))
            .filterOnly()
            .withOr();
  }

  static void register(Router router, ApiContext api) {
    new ProcessInstanceEndpoints(api).routes(router);
  }

  private void routes(Router router) {
    router.route("POST", "/v2/process-instances", request -> create(request.json()));
    router.post(
        "/v2/process-instances/search",
        request ->
            Response.json(
                SearchQuery.parse(schema, request.json())
                    .execute(
                        SearchSources.processInstances(api.history()),
                        ProcessInstanceEndpoints::processInstance)));
    router.get(
        "/v2/process-instances/{processInstanceKey}",
        request -> Response.json(processInstance(instance(request.pathKey("processInstanceKey")))));
    router.route(
        "POST",
        "/v2/process-instances/{processInstanceKey}/cancellation",
        request -> {
          request.json();
          return Requests.noContent(
              api.commands().cancelProcessInstance(request.pathKey("processInstanceKey")));
        });
    router.get(
        "/v2/process-instances/{processInstanceKey}/sequence-flows",
        request -> Response.json(sequenceFlows(instance(request.pathKey("processInstanceKey")))));
    router.get(
        "/v2/process-instances/{processInstanceKey}/call-hierarchy",
        request -> Response.json(callHierarchy(instance(request.pathKey("processInstanceKey")))));
    router.post(
        "/v2/process-instances/{processInstanceKey}/incidents/search",
        request -> {
          long key = instance(request.pathKey("processInstanceKey")).key();
          List<IncidentView> incidents =
              api.history().indexes().incidentsOfProcessInstance(key).stream()
                  .map(api.history()::incident)
                  .filter(i -> i != null && i.value().processInstanceKey() == key)
                  .toList();
          return Response.json(
              SearchQuery.parse(IncidentEndpoints.SCHEMA, request.json())
                  .execute(incidents, IncidentEndpoints::incident));
        });
    router.get(
        "/v2/process-instances/{processInstanceKey}/statistics/element-instances",
        request -> {
          long key = instance(request.pathKey("processInstanceKey")).key();
          return Response.json(Statistics.elementStatistics(elements(api.history(), key)));
        });
    router.post(
        "/v2/process-definitions/{processDefinitionKey}/statistics/element-instances",
        request -> {
          long key = request.pathKey("processDefinitionKey");
          if (api.history().processDefinition(key) == null) {
            throw Requests.notFound("process definition", key);
          }
          JsonBody body = request.json();
          body.allowOnly(Set.of("filter"));
          ObjectNode query = Json.object();
          if (body.raw("filter") != null) {
            query.set("filter", body.raw("filter"));
          }
          List<ProcessInstanceView> instances =
              SearchQuery.parse(schema, JsonBody.of(query, ""))
                  .matching(
                      api.history().processInstances().stream()
                          .filter(p -> p.processDefinitionKey() == key)
                          .toList());
          List<ElementInstanceView> elements = new ArrayList<>();
          instances.forEach(p -> elements.addAll(elements(api.history(), p.key())));
          return Response.json(Statistics.elementStatistics(elements));
        });
    router.post(
        "/v2/process-instances/{processInstanceKey}/modification",
        request -> {
          throw ApiException.notImplemented(
              "Process instance modification is not supported by the embedded engine");
        });
    router.post(
        "/v2/process-instances/{processInstanceKey}/migration",
        request -> {
          throw ApiException.notImplemented(
              "Process instance migration is not supported by the embedded engine");
        });
  }

  private CompletableFuture<Response> create(JsonBody body) {
    String processId = body.string("processDefinitionId");
    Long definitionKey = body.key("processDefinitionKey");
    if (processId == null && definitionKey == null) {
      throw ApiException.badRequest(
          "Expected one of 'processDefinitionId' or 'processDefinitionKey', but none was given");
    }
    if (processId != null && definitionKey != null) {
      throw ApiException.badRequest(
          "Expected only one of 'processDefinitionId' or 'processDefinitionKey', but both were"
              + " given");
    }
    Integer version = body.integer("processDefinitionVersion");
    Map<String, Object> variables = body.variables("variables");
    Requests.checkTenant(body, "tenantId");
    List<String> tags = body.strings("tags");
    if (!body.objects("runtimeInstructions").isEmpty()) {
      throw ApiException.badRequest(
          "Expected no 'runtimeInstructions', but some were given (not supported by the embedded"
              + " engine)");
    }
    List<String> startElements = new ArrayList<>();
    for (JsonBody instruction : body.objects("startInstructions")) {
      startElements.add(instruction.requiredText("elementId"));
    }
    boolean await = Boolean.TRUE.equals(body.bool("awaitCompletion"));
    List<String> fetchVariables = body.strings("fetchVariables");
    Long requestTimeout = body.longValue("requestTimeout");
    long key = definitionKey == null ? 0 : definitionKey;
    int versionValue = version == null ? -1 : version;
    CompletableFuture<CreatedInstance> created;
    if (await) {
      if (!startElements.isEmpty()) {
        throw ApiException.badRequest(
            "Expected no 'startInstructions' when awaiting completion, but some were given");
      }
      created =
          api.commands()
              .createProcessInstanceWithResult(
                  key,
                  processId,
                  versionValue,
                  variables,
                  fetchVariables == null ? List.of() : fetchVariables,
                  requestTimeout == null || requestTimeout <= 0
                      ? DEFAULT_AWAIT_TIMEOUT_MILLIS
                      : requestTimeout);
    } else {
      created =
          api.commands()
              .createProcessInstance(key, processId, versionValue, variables, startElements);
    }
    return Requests.json(
        created,
        instance -> {
          ObjectNode node = Json.object();
          node.put("processDefinitionId", instance.bpmnProcessId());
          node.put("processDefinitionVersion", instance.version());
          node.put("tenantId", Json.TENANT);
          node.set(
              "variables",
              Json.tree(instance.variables() == null ? Map.of() : instance.variables()));
          Json.key(node, "processDefinitionKey", instance.processDefinitionKey());
          Json.key(node, "processInstanceKey", instance.processInstanceKey());
          Json.strings(node, "tags", tags == null ? List.of() : tags);
          return node;
        });
  }

  private ProcessInstanceView instance(long key) {
    ProcessInstanceView instance = api.history().processInstance(key);
    if (instance == null) {
      throw Requests.notFound("process instance", key);
    }
    return instance;
  }

  private ObjectNode sequenceFlows(ProcessInstanceView instance) {
    ObjectNode response = Json.object();
    ArrayNode items = response.putArray("items");
    Set<String> seen = new HashSet<>();
    for (SequenceFlowView flow : api.history().sequenceFlowsOf(instance.key())) {
      if (!seen.add(flow.flowId())) {
        continue;
      }
      ObjectNode item = items.addObject();
      item.put("sequenceFlowId", flow.processInstanceKey() + "_" + flow.flowId());
      Json.key(item, "processInstanceKey", flow.processInstanceKey());
      Json.key(item, "processDefinitionKey", flow.processDefinitionKey());
      item.put("processDefinitionId", flow.bpmnProcessId());
      item.put("elementId", flow.flowId());
      item.put("tenantId", Json.TENANT);
    }
    return response;
  }

  /** From the root instance down to this one. */
  private ArrayNode callHierarchy(ProcessInstanceView instance) {
    List<ProcessInstanceView> chain = new ArrayList<>();
    Set<Long> seen = new HashSet<>();
    for (ProcessInstanceView current = instance;
        current != null && seen.add(current.key());
        current = api.history().processInstance(parentProcessInstanceKey(current))) {
      chain.add(current);
    }
    Collections.reverse(chain);
    ArrayNode entries = Json.array();
    for (ProcessInstanceView entry : chain) {
      ObjectNode node = entries.addObject();
      Json.key(node, "processInstanceKey", entry.key());
      Json.key(node, "processDefinitionKey", entry.processDefinitionKey());
      node.put(
          "processDefinitionName",
          entry.processName() != null ? entry.processName() : entry.bpmnProcessId());
    }
    return entries;
  }

  static ObjectNode processInstance(ProcessInstanceView instance) {
    ObjectNode node = Json.object();
    node.put("processDefinitionId", instance.bpmnProcessId());
    node.put("processDefinitionName", instance.processName());
    node.put("processDefinitionVersion", instance.version());
    node.put("processDefinitionVersionTag", instance.versionTag());
    Json.date(node, "startDate", instance.startDate());
    Json.date(node, "endDate", instance.endDate());
    node.put("state", instance.state());
    node.put("hasIncident", instance.hasIncident());
    node.put("tenantId", Json.TENANT);
    Json.key(node, "processInstanceKey", instance.key());
    Json.key(node, "processDefinitionKey", instance.processDefinitionKey());
    Json.key(node, "parentProcessInstanceKey", parentProcessInstanceKey(instance));
    Json.key(node, "parentElementInstanceKey", parentElementInstanceKey(instance));
    node.putArray("tags");
    return node;
  }

  static long parentProcessInstanceKey(ProcessInstanceView instance) {
    return instance.parentProcessInstanceKey();
  }

  static long parentElementInstanceKey(ProcessInstanceView instance) {
    return instance.parentElementInstanceKey();
  }

  private static List<ElementInstanceView> elements(History history, long processInstanceKey) {
    return history.elementInstancesOf(processInstanceKey);
  }

  private static boolean hasRetriesLeft(History history, long processInstanceKey) {
    return history.jobs().stream()
        .anyMatch(
            j ->
                j.value().processInstanceKey() == processInstanceKey
                    && j.state().equals("FAILED")
                    && j.value().retries() > 0);
  }
}
