package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.history.Views.CorrelatedMessageView;
import fr.secondevie.engine.history.Views.MessageSubscriptionView;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import fr.secondevie.engine.rest.search.SearchQuery;
import fr.secondevie.engine.rest.search.SearchSchema;
import java.util.List;

/**
 * Messages: publication (buffered for its time-to-live), correlation (not buffered; answers the
 * first process instance reached), the searches of message subscriptions and correlated messages;
 * and signal broadcast.
 */
final class MessageEndpoints {

  static final SearchSchema<MessageSubscriptionView> SUBSCRIPTION_SCHEMA =
      SearchSchema.<MessageSubscriptionView>of("message subscription", MessageSubscriptionView::key)
          .key("messageSubscriptionKey", MessageSubscriptionView::key)
          .string("processDefinitionId", s -> s.value().bpmnProcessId())
          .key("processInstanceKey", s -> s.value().processInstanceKey())
          .string("elementId", s -> s.value().elementId())
          .key("elementInstanceKey", s -> s.value().elementInstanceKey())
          .enumeration(
              "messageSubscriptionState",
              List.of("CORRELATED", "CREATED", "DELETED", "MIGRATED"),
              MessageSubscriptionView::state)
          .date("lastUpdatedDate", MessageSubscriptionView::lastUpdatedDate)
          .string("messageName", s -> s.value().messageName())
          .string("correlationKey", s -> s.value().correlationKey())
          .string("tenantId", s -> Json.TENANT);

  static final SearchSchema<CorrelatedMessageView> CORRELATED_SCHEMA =
      SearchSchema.<CorrelatedMessageView>of(
              "correlated message subscription", CorrelatedMessageView::messageKey)
          .string("correlationKey", CorrelatedMessageView::correlationKey)
          .date("correlationTime", CorrelatedMessageView::correlationTime)
          .string("elementId", CorrelatedMessageView::elementId)
          .key("elementInstanceKey", CorrelatedMessageView::elementInstanceKey)
          .key("messageKey", CorrelatedMessageView::messageKey)
          .string("messageName", CorrelatedMessageView::messageName)
          .integer("partitionId", c -> 1)
          .string("processDefinitionId", CorrelatedMessageView::bpmnProcessId)
          .key("processDefinitionKey", CorrelatedMessageView::processDefinitionKey)
          .key("processInstanceKey", CorrelatedMessageView::processInstanceKey)
          .key("subscriptionKey", CorrelatedMessageView::subscriptionKey)
          .string("tenantId", c -> Json.TENANT);

  private MessageEndpoints() {}

  static void register(Router router, ApiContext api) {
    router.route(
        "POST",
        "/v2/messages/publication",
        request -> {
          JsonBody body = request.json();
          String name = body.requiredText("name");
          String correlationKey = body.string("correlationKey");
          Long ttl = body.longValue("timeToLive");
          Requests.checkTenant(body, "tenantId");
          return Requests.json(
              api.commands()
                  .publishMessage(
                      name,
                      correlationKey == null ? "" : correlationKey,
                      ttl == null ? 0 : ttl,
                      body.string("messageId"),
                      body.variables("variables")),
              key -> {
                ObjectNode node = Json.object();
                node.put("tenantId", Json.TENANT);
                Json.key(node, "messageKey", key);
                return node;
              });
        });
    router.route(
        "POST",
        "/v2/messages/correlation",
        request -> {
          JsonBody body = request.json();
          String name = body.requiredText("name");
          String correlationKey = body.string("correlationKey");
          Requests.checkTenant(body, "tenantId");
          return Requests.json(
              api.commands()
                  .correlateMessage(
                      name,
                      correlationKey == null ? "" : correlationKey,
                      body.variables("variables")),
              correlation -> {
                ObjectNode node = Json.object();
                node.put("tenantId", Json.TENANT);
                Json.key(node, "messageKey", correlation.messageKey());
                Json.rawKey(node, "processInstanceKey", correlation.processInstanceKey());
                return node;
              });
        });
    router.route(
        "POST",
        "/v2/signals/broadcast",
        request -> {
          JsonBody body = request.json();
          String name = body.requiredText("signalName");
          Requests.checkTenant(body, "tenantId");
          return Requests.json(
              api.commands().broadcastSignal(name, body.variables("variables")),
              key -> {
                ObjectNode node = Json.object();
                node.put("tenantId", Json.TENANT);
                Json.key(node, "signalKey", key);
                return node;
              });
        });
    router.post(
        "/v2/message-subscriptions/search",
        request ->
            Response.json(
                SearchQuery.parse(SUBSCRIPTION_SCHEMA, request.json())
                    .execute(
                        api.history().messageSubscriptions(), MessageEndpoints::subscription)));
    router.post(
        "/v2/correlated-message-subscriptions/search",
        request ->
            Response.json(
                SearchQuery.parse(CORRELATED_SCHEMA, request.json())
                    .execute(api.history().correlatedMessages(), MessageEndpoints::correlated)));
  }

  static ObjectNode subscription(MessageSubscriptionView subscription) {
    ObjectNode node = Json.object();
    Json.key(node, "messageSubscriptionKey", subscription.key());
    node.put("processDefinitionId", subscription.value().bpmnProcessId());
    Json.key(node, "processDefinitionKey", subscription.value().processDefinitionKey());
    Json.key(node, "processInstanceKey", subscription.value().processInstanceKey());
    node.put("elementId", subscription.value().elementId());
    Json.key(node, "elementInstanceKey", subscription.value().elementInstanceKey());
    node.put("messageSubscriptionState", subscription.state());
    Json.date(node, "lastUpdatedDate", subscription.lastUpdatedDate());
    node.put("messageName", subscription.value().messageName());
    node.put("correlationKey", subscription.value().correlationKey());
    node.put("tenantId", Json.TENANT);
    return node;
  }

  static ObjectNode correlated(CorrelatedMessageView correlated) {
    ObjectNode node = Json.object();
    node.put("correlationKey", correlated.correlationKey());
    Json.date(node, "correlationTime", correlated.correlationTime());
    node.put("elementId", correlated.elementId());
    Json.key(node, "elementInstanceKey", correlated.elementInstanceKey());
    Json.key(node, "messageKey", correlated.messageKey());
    node.put("messageName", correlated.messageName());
    node.put("partitionId", 1);
    node.put("processDefinitionId", correlated.bpmnProcessId());
    Json.key(node, "processDefinitionKey", correlated.processDefinitionKey());
    Json.key(node, "processInstanceKey", correlated.processInstanceKey());
    Json.key(node, "subscriptionKey", correlated.subscriptionKey());
    node.put("tenantId", Json.TENANT);
    return node;
  }
}
