package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.history.Views.IncidentView;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import fr.secondevie.engine.rest.search.SearchQuery;
import fr.secondevie.engine.rest.search.SearchSchema;
import java.util.List;

/** Incidents: search, get and resolution. */
final class IncidentEndpoints {

  static final List<String> ERROR_TYPES =
      List.of(
          "UNSPECIFIED",
          "UNKNOWN",
          "IO_MAPPING_ERROR",
          "JOB_NO_RETRIES",
          "EXECUTION_LISTENER_NO_RETRIES",
          "TASK_LISTENER_NO_RETRIES",
          "AD_HOC_SUB_PROCESS_NO_RETRIES",
          "CONDITION_ERROR",
          "EXTRACT_VALUE_ERROR",
          "CALLED_ELEMENT_ERROR",
          "UNHANDLED_ERROR_EVENT",
          "MESSAGE_SIZE_EXCEEDED",
          "CALLED_DECISION_ERROR",
          "DECISION_EVALUATION_ERROR",
          "FORM_NOT_FOUND",
          "RESOURCE_NOT_FOUND");

  static final SearchSchema<IncidentView> SCHEMA =
      SearchSchema.<IncidentView>of("incident", IncidentView::key)
          .string("processDefinitionId", i -> i.value().bpmnProcessId())
          .enumeration("errorType", ERROR_TYPES, i -> i.value().errorType())
          .string("errorMessage", i -> i.value().errorMessage())
          .string("elementId", i -> i.value().elementId())
          .date("creationTime", IncidentView::creationTime)
          .enumeration(
              "state", List.of("ACTIVE", "MIGRATED", "RESOLVED", "PENDING"), IncidentView::state)
          .string("tenantId", i -> Json.TENANT)
          .key("incidentKey", IncidentView::key)
          .key("processDefinitionKey", i -> i.value().processDefinitionKey())
          .key("processInstanceKey", i -> i.value().processInstanceKey())
          .key("elementInstanceKey", i -> i.value().elementInstanceKey())
          .key("jobKey", i -> i.value().jobKey());

  private IncidentEndpoints() {}

  static void register(Router router, ApiContext api) {
    router.post(
        "/v2/incidents/search",
        request ->
            Response.json(
                SearchQuery.parse(SCHEMA, request.json())
                    .execute(SearchSources.incidents(api.history()), IncidentEndpoints::incident)));
    router.get(
        "/v2/incidents/{incidentKey}",
        request -> {
          long key = request.pathKey("incidentKey");
          IncidentView incident = api.history().incident(key);
          if (incident == null) {
            throw Requests.notFound("incident", key);
          }
          return Response.json(incident(incident));
        });
    router.route(
        "POST",
        "/v2/incidents/{incidentKey}/resolution",
        request -> {
          request.json();
          return Requests.noContent(api.commands().resolveIncident(request.pathKey("incidentKey")));
        });
  }

  static ObjectNode incident(IncidentView incident) {
    ObjectNode node = Json.object();
    node.put("processDefinitionId", incident.value().bpmnProcessId());
    node.put("errorType", incident.value().errorType());
    node.put("errorMessage", incident.value().errorMessage());
    node.put("elementId", incident.value().elementId());
    Json.date(node, "creationTime", incident.creationTime());
    node.put("state", incident.state());
    node.put("tenantId", Json.TENANT);
    Json.key(node, "incidentKey", incident.key());
    Json.key(node, "processDefinitionKey", incident.value().processDefinitionKey());
    Json.key(node, "processInstanceKey", incident.value().processInstanceKey());
    Json.key(node, "elementInstanceKey", incident.value().elementInstanceKey());
    Json.key(node, "jobKey", incident.value().jobKey());
    return node;
  }
}
