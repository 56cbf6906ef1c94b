package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.history.Views.ElementInstanceView;
import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.processing.AdHocActivation;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import fr.secondevie.engine.rest.search.SearchQuery;
import fr.secondevie.engine.rest.search.SearchSchema;
import java.util.ArrayList;
import java.util.List;

/** Element instances, ended ones included: search, get, and setting variables in their scope. */
final class ElementInstanceEndpoints {

  static final List<String> TYPES =
      List.of(
          "UNSPECIFIED",
          "PROCESS",
          "SUB_PROCESS",
          "EVENT_SUB_PROCESS",
          "AD_HOC_SUB_PROCESS",
          "AD_HOC_SUB_PROCESS_INNER_INSTANCE",
          "START_EVENT",
          "INTERMEDIATE_CATCH_EVENT",
          "INTERMEDIATE_THROW_EVENT",
          "BOUNDARY_EVENT",
          "END_EVENT",
          "SERVICE_TASK",
          "RECEIVE_TASK",
          "USER_TASK",
          "MANUAL_TASK",
          "TASK",
          "EXCLUSIVE_GATEWAY",
          "INCLUSIVE_GATEWAY",
          "PARALLEL_GATEWAY",
          "EVENT_BASED_GATEWAY",
          "SEQUENCE_FLOW",
          "MULTI_INSTANCE_BODY",
          "CALL_ACTIVITY",
          "BUSINESS_RULE_TASK",
          "SCRIPT_TASK",
          "SEND_TASK",
          "UNKNOWN");

  static final List<String> STATES = List.of("ACTIVE", "COMPLETED", "TERMINATED");

  static final SearchSchema<ElementInstanceView> SCHEMA =
      SearchSchema.<ElementInstanceView>of("element instance", ElementInstanceView::key)
          .string("processDefinitionId", ElementInstanceView::bpmnProcessId)
          .enumeration("state", STATES, ElementInstanceView::state)
          .enumeration("type", TYPES, e -> e.type().name())
          .string("elementId", ElementInstanceView::elementId)
          .string("elementName", ElementInstanceView::elementName)
          .bool("hasIncident", ElementInstanceView::hasIncident)
          .filterOnly()
          .string("tenantId", e -> Json.TENANT)
          .key("elementInstanceKey", ElementInstanceView::key)
          .key("processInstanceKey", ElementInstanceView::processInstanceKey)
          .key("processDefinitionKey", ElementInstanceView::processDefinitionKey)
          .key("incidentKey", ElementInstanceView::incidentKey)
          .date("startDate", ElementInstanceView::startDate)
          .date("endDate", ElementInstanceView::endDate)
          .key("elementInstanceScopeKey", ElementInstanceView::flowScopeKey)
          .filterOnly();

  private ElementInstanceEndpoints() {}

  static void register(Router router, ApiContext api) {
    router.post(
        "/v2/element-instances/search",
        request ->
            Response.json(
                SearchQuery.parse(SCHEMA, request.json())
                    .execute(
                        SearchSources.elementInstances(api.history()),
                        ElementInstanceEndpoints::elementInstance)));
    router.get(
        "/v2/element-instances/{elementInstanceKey}",
        request -> {
          long key = request.pathKey("elementInstanceKey");
          ElementInstanceView element = api.history().elementInstance(key);
          if (element == null || !isFlowNode(element)) {
            throw Requests.notFound("element instance", key);
          }
          return Response.json(elementInstance(element));
        });
    router.route(
        "PUT",
        "/v2/element-instances/{elementInstanceKey}/variables",
        request -> {
          long key = request.pathKey("elementInstanceKey");
          JsonBody body = request.json();
          if (!body.has("variables")) {
            throw body.missing("variables");
          }
          boolean local = Boolean.TRUE.equals(body.bool("local"));
          return Requests.noContent(
              api.commands().setVariables(key, body.variables("variables"), local));
        });
    router.route(
        "POST",
        "/v2/element-instances/ad-hoc-activities/{adHocSubProcessInstanceKey}/activation",
        request -> {
          long key = request.pathKey("adHocSubProcessInstanceKey");
          JsonBody body = request.json();
          if (!body.has("elements")) {
            throw body.missing("elements");
          }
          List<AdHocActivation> activations = new ArrayList<>();
          for (JsonBody element : body.objects("elements")) {
            activations.add(
                new AdHocActivation(
                    element.requiredText("elementId"), element.variables("variables")));
          }
          boolean cancelRemaining = Boolean.TRUE.equals(body.bool("cancelRemainingInstances"));
          return Requests.noContent(
              api.commands().activateAdHocActivities(key, activations, cancelRemaining));
        });
  }

  static boolean isFlowNode(ElementInstanceView element) {
    return element.type() != ElementType.PROCESS;
  }

  static ObjectNode elementInstance(ElementInstanceView element) {
    ObjectNode node = Json.object();
    node.put("processDefinitionId", element.bpmnProcessId());
    Json.date(node, "startDate", element.startDate());
    Json.date(node, "endDate", element.endDate());
    node.put("elementId", element.elementId());
    node.put("elementName", element.elementName());
    node.put("type", element.type().name());
    node.put("state", element.state());
    node.put("hasIncident", element.hasIncident());
    node.put("tenantId", Json.TENANT);
    Json.key(node, "elementInstanceKey", element.key());
    Json.key(node, "processInstanceKey", element.processInstanceKey());
    Json.key(node, "processDefinitionKey", element.processDefinitionKey());
    Json.key(node, "incidentKey", element.incidentKey());
    return node;
  }
}
