package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.record.DecisionRequirementsValue;
import fr.secondevie.engine.record.DecisionValue;
import fr.secondevie.engine.record.FormValue;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import fr.secondevie.engine.rest.search.SearchQuery;
import fr.secondevie.engine.rest.search.SearchSchema;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Process definitions, decision definitions and decision requirements: search, get, XML ({@code
 * text/xml}) and the start form of a process.
 */
final class DefinitionEndpoints {

  private final ApiContext api;
  private final StartForms startForms = new StartForms();
  private final SearchSchema<ProcessDefinitionRow> processSchema;

  /** A process definition with the facts computed over all definitions. */
  record ProcessDefinitionRow(ExecutableProcess process, boolean latest, boolean hasStartForm) {}

  static final SearchSchema<DecisionValue> DECISION_SCHEMA =
      SearchSchema.<DecisionValue>of("decision definition", DecisionValue::key)
          .string("decisionDefinitionId", DecisionValue::decisionId)
          .string("name", DecisionValue::name)
          .integer("version", DecisionValue::version)
          .string("decisionRequirementsId", DecisionValue::decisionRequirementsId)
          .string("tenantId", d -> Json.TENANT)
          .key("decisionDefinitionKey", DecisionValue::key)
          .key("decisionRequirementsKey", DecisionValue::decisionRequirementsKey);

  static final SearchSchema<DecisionRequirementsValue> DRG_SCHEMA =
      SearchSchema.<DecisionRequirementsValue>of(
              "decision requirements", DecisionRequirementsValue::key)
          .string("decisionRequirementsName", DecisionRequirementsValue::name)
          .integer("version", DecisionRequirementsValue::version)
          .string("decisionRequirementsId", DecisionRequirementsValue::decisionRequirementsId)
          .string("tenantId", d -> Json.TENANT)
          .key("decisionRequirementsKey", DecisionRequirementsValue::key)
          .string("resourceName", DecisionRequirementsValue::resourceName)
          .filterOnly();

  private DefinitionEndpoints(ApiContext api) {
    this.api = api;
    this.processSchema =
        SearchSchema.<ProcessDefinitionRow>of("process definition", r -> r.process().key())
            .string("name", r -> r.process().name())
            .bool("isLatestVersion", ProcessDefinitionRow::latest)
            .filterOnly()
            .string("resourceName", r -> r.process().resourceName())
            .integer("version", r -> r.process().version())
            .string("versionTag", r -> r.process().versionTag())
            .string("processDefinitionId", r -> r.process().bpmnProcessId())
            .string("tenantId", r -> Json.TENANT)
            .key("processDefinitionKey", r -> r.process().key())
            .bool("hasStartForm", ProcessDefinitionRow::hasStartForm)
            .filterOnly();
  }

  static void register(Router router, ApiContext api) {
    new DefinitionEndpoints(api).routes(router);
  }

  private void routes(Router router) {
    router.post(
        "/v2/process-definitions/search",
        request ->
            Response.json(
                SearchQuery.parse(processSchema, request.json())
                    .execute(processRows(), this::processDefinition)));
    router.get(
        "/v2/process-definitions/{processDefinitionKey}",
        request ->
            Response.json(
                processDefinition(row(process(request.pathKey("processDefinitionKey"))))));
    router.get(
        "/v2/process-definitions/{processDefinitionKey}/xml",
        request -> Response.xml(process(request.pathKey("processDefinitionKey")).resource()));
    router.get(
        "/v2/process-definitions/{processDefinitionKey}/form",
        request -> {
          ExecutableProcess process = process(request.pathKey("processDefinitionKey"));
          Optional<FormValue> form = startForms.formId(process).map(this::latestForm);
          return form.isPresent() ? Response.json(form(form.get())) : Response.noContent();
        });
    router.post(
        "/v2/decision-definitions/search",
        request ->
            Response.json(
                SearchQuery.parse(DECISION_SCHEMA, request.json())
                    .execute(api.history().decisionDefinitions(), DefinitionEndpoints::decision)));
    router.get(
        "/v2/decision-definitions/{decisionDefinitionKey}",
        request -> Response.json(decision(decision(request.pathKey("decisionDefinitionKey")))));
    router.get(
        "/v2/decision-definitions/{decisionDefinitionKey}/xml",
        request -> {
          DecisionValue decision = decision(request.pathKey("decisionDefinitionKey"));
          return Response.xml(drg(decision.decisionRequirementsKey()).resource());
        });

    router.post(
        "/v2/decision-requirements/search",
        request ->
            Response.json(
                SearchQuery.parse(DRG_SCHEMA, request.json())
                    .execute(api.history().decisionRequirements(), DefinitionEndpoints::drg)));
    router.get(
        "/v2/decision-requirements/{decisionRequirementsKey}",
        request -> Response.json(drg(drg(request.pathKey("decisionRequirementsKey")))));
    router.get(
        "/v2/decision-requirements/{decisionRequirementsKey}/xml",
        request -> Response.xml(drg(request.pathKey("decisionRequirementsKey")).resource()));
  }

  private Collection<ProcessDefinitionRow> processRows() {
    Collection<ExecutableProcess> all = api.history().processDefinitions();
    Map<String, Integer> latest = new HashMap<>();
    for (ExecutableProcess process : all) {
      latest.merge(process.bpmnProcessId(), process.version(), Math::max);
    }
    return all.stream()
        .map(
            p ->
                new ProcessDefinitionRow(
                    p,
                    latest.get(p.bpmnProcessId()) == p.version(),
                    startForms.formId(p).isPresent()))
        .toList();
  }

  private ProcessDefinitionRow row(ExecutableProcess process) {
    return processRows().stream()
        .filter(r -> r.process().key() == process.key())
        .findFirst()
        .orElseThrow(() -> Requests.notFound("process definition", process.key()));
  }

  private ExecutableProcess process(long key) {
    ExecutableProcess process = api.history().processDefinition(key);
    if (process == null) {
      throw Requests.notFound("process definition", key);
    }
    return process;
  }

  private DecisionValue decision(long key) {
    DecisionValue decision = api.history().decisionDefinition(key);
    if (decision == null) {
      throw Requests.notFound("decision definition", key);
    }
    return decision;
  }

  private DecisionRequirementsValue drg(long key) {
    DecisionRequirementsValue drg = api.history().decisionRequirements(key);
    if (drg == null) {
      throw Requests.notFound("decision requirements", key);
    }
    return drg;
  }

  /** The latest version of a form id (null when none is deployed). */
  private FormValue latestForm(String formId) {
    return api.history().forms().stream()
        .filter(f -> f.formId().equals(formId))
        .max(Comparator.comparingInt(FormValue::version))
        .orElse(null);
  }

  private ObjectNode processDefinition(ProcessDefinitionRow row) {
    ExecutableProcess process = row.process();
    ObjectNode node = Json.object();
    node.put("name", process.name());
    node.put("resourceName", process.resourceName());
    node.put("version", process.version());
    node.put("versionTag", process.versionTag());
    node.put("processDefinitionId", process.bpmnProcessId());
    node.put("tenantId", Json.TENANT);
    Json.key(node, "processDefinitionKey", process.key());
    node.put("hasStartForm", row.hasStartForm());
    return node;
  }

  static ObjectNode decision(DecisionValue decision) {
    ObjectNode node = Json.object();
    node.put("decisionDefinitionId", decision.decisionId());
    node.put("name", decision.name());
    node.put("version", decision.version());
    node.put("decisionRequirementsId", decision.decisionRequirementsId());
    node.put("tenantId", Json.TENANT);
    Json.key(node, "decisionDefinitionKey", decision.key());
    Json.key(node, "decisionRequirementsKey", decision.decisionRequirementsKey());
    return node;
  }

  static ObjectNode drg(DecisionRequirementsValue drg) {
    ObjectNode node = Json.object();
    node.put("decisionRequirementsName", drg.name());
    node.put("version", drg.version());
    node.put("decisionRequirementsId", drg.decisionRequirementsId());
    node.put("resourceName", drg.resourceName());
    node.put("tenantId", Json.TENANT);
    Json.key(node, "decisionRequirementsKey", drg.key());
    return node;
  }

  /** The FormResult of the API (the schema as the JSON text it was deployed with). */
  static ObjectNode form(FormValue form) {
    ObjectNode node = Json.object();
    node.put("tenantId", Json.TENANT);
    node.put("formId", form.formId());
    node.put("schema", form.schema());
    node.put("version", (long) form.version());
    Json.key(node, "formKey", form.key());
    return node;
  }
}
