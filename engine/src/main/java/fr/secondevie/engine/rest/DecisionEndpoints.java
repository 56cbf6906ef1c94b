package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.dmn.DecisionOutcome;
import fr.secondevie.engine.history.History;
import fr.secondevie.engine.history.Views.DecisionInstanceView;
import fr.secondevie.engine.processing.behavior.DecisionBehavior;
import fr.secondevie.engine.record.DecisionEvaluationValue;
import fr.secondevie.engine.record.DecisionValue;
import fr.secondevie.engine.rest.http.ApiException;
import fr.secondevie.engine.rest.http.JsonBody;
import fr.secondevie.engine.rest.http.Response;
import fr.secondevie.engine.rest.http.Router;
import fr.secondevie.engine.rest.search.SearchQuery;
import fr.secondevie.engine.rest.search.SearchSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Decision evaluation and decision instances. One evaluation (key {@code decisionEvaluationKey},
 * also the {@code decisionInstanceKey} the evaluation answers) yields one decision instance per
 * evaluated decision, {@code decisionEvaluationInstanceKey = "<evaluationKey>-<n>"} in evaluation
 * order; a failed decision is the FAILED instance. Standalone evaluations have the process keys -1.
 */
final class DecisionEndpoints {

  /**
   * One decision instance: an evaluation and the position of one of its decisions (1-based). {@code
   * detail} is null for a failed decision that produced no evaluation details.
   */
  record DecisionInstanceRow(
      DecisionInstanceView evaluation,
      int index,
      String decisionId,
      String decisionName,
      String decisionType,
      long decisionKey,
      int decisionVersion,
      boolean failed,
      DecisionOutcome.EvaluatedDecision detail) {

    String id() {
      return evaluation.key() + "-" + index;
    }

    /** A total order of rows: evaluation key, then position. */
    long sortKey() {
      return evaluation.key() * 1000 + index;
    }
  }

  static final SearchSchema<DecisionInstanceRow> SCHEMA =
      SearchSchema.<DecisionInstanceRow>of("decision instance", DecisionInstanceRow::sortKey)
          .string("decisionEvaluationInstanceKey", DecisionInstanceRow::id)
          .enumeration(
              "state",
              List.of("EVALUATED", "FAILED", "UNSPECIFIED", "UNKNOWN"),
              r -> r.failed() ? "FAILED" : "EVALUATED")
          .string("evaluationFailure", DecisionEndpoints::failure)
          .date("evaluationDate", r -> r.evaluation().evaluationDate())
          .string("decisionDefinitionId", DecisionInstanceRow::decisionId)
          .string("decisionDefinitionName", DecisionInstanceRow::decisionName)
          .integer("decisionDefinitionVersion", DecisionInstanceRow::decisionVersion)
          .enumeration(
              "decisionDefinitionType",
              List.of("DECISION_TABLE", "LITERAL_EXPRESSION", "UNSPECIFIED", "UNKNOWN"),
              DecisionInstanceRow::decisionType)
          .string("tenantId", r -> Json.TENANT)
          .key("decisionEvaluationKey", r -> r.evaluation().key())
          .key("processDefinitionKey", r -> r.evaluation().value().processDefinitionKey())
          .key("processInstanceKey", r -> r.evaluation().value().processInstanceKey())
          .key("decisionDefinitionKey", DecisionInstanceRow::decisionKey)
          .key("elementInstanceKey", r -> r.evaluation().value().elementInstanceKey());

  private DecisionEndpoints() {}

  static void register(Router router, ApiContext api) {
    router.route(
        "POST",
        "/v2/decision-definitions/evaluation",
        request -> {
          JsonBody body = request.json();
          String decisionId = body.string("decisionDefinitionId");
          Long decisionKey = body.key("decisionDefinitionKey");
          if ((decisionId == null) == (decisionKey == null)) {
            throw ApiException.badRequest(
                "Expected exactly one of 'decisionDefinitionId' or 'decisionDefinitionKey', but "
                    + (decisionId == null ? "none was given" : "both were given"));
          }
          Requests.checkTenant(body, "tenantId");
          return Requests.json(
              api.commands()
                  .evaluateDecision(
                      decisionKey == null ? -1 : decisionKey,
                      decisionId,
                      body.variables("variables")),
              DecisionEndpoints::evaluation);
        });
    router.post(
        "/v2/decision-instances/search",
        request ->
            Response.json(
                SearchQuery.parse(SCHEMA, request.json())
                    .execute(rows(api.history()), r -> instance(r, false))));
    router.get(
        "/v2/decision-instances/{decisionEvaluationInstanceKey}",
        request -> {
          String id = request.pathParam("decisionEvaluationInstanceKey");
          return Response.json(instance(row(api.history(), id), true));
        });
  }

  static ObjectNode evaluation(DecisionBehavior.Evaluation evaluation) {
    DecisionEvaluationValue value = evaluation.value();
    ObjectNode node = Json.object();
    node.put("decisionDefinitionId", value.decisionId());
    node.put("decisionDefinitionName", value.decisionName());
    node.put("decisionDefinitionVersion", value.decisionVersion());
    node.put("decisionRequirementsId", value.decisionRequirementsId());
    node.put("output", Json.text(value.output()));
    node.put("failedDecisionDefinitionId", value.failedDecisionId());
    node.put("failureMessage", value.failureMessage());
    node.put("tenantId", Json.TENANT);
    Json.rawKey(node, "decisionDefinitionKey", value.decisionKey());
    Json.rawKey(node, "decisionRequirementsKey", value.decisionRequirementsKey());
    Json.rawKey(node, "decisionInstanceKey", evaluation.key());
    Json.rawKey(node, "decisionEvaluationKey", evaluation.key());
    ArrayNode decisions = node.putArray("evaluatedDecisions");
    int index = 0;
    for (DecisionEvaluationValue.Evaluated evaluated : value.evaluatedDecisions()) {
      DecisionOutcome.EvaluatedDecision detail = evaluated.detail();
      ObjectNode decision = decisions.addObject();
      decision.put("decisionDefinitionId", detail.decisionId());
      decision.put("decisionDefinitionName", detail.decisionName());
      decision.put("decisionDefinitionVersion", evaluated.decisionVersion());
      decision.put("decisionDefinitionType", detail.decisionType());
      decision.put("output", Json.text(detail.output()));
      decision.put("tenantId", Json.TENANT);
      decision.set("matchedRules", matchedRules(detail));
      decision.set("evaluatedInputs", evaluatedInputs(detail));
      Json.rawKey(decision, "decisionDefinitionKey", evaluated.decisionKey());
      decision.put("decisionEvaluationInstanceKey", evaluation.key() + "-" + ++index);
    }
    return node;
  }

  /** The decision instances of every evaluation. */
  static List<DecisionInstanceRow> rows(History history) {
    List<DecisionInstanceRow> rows = new ArrayList<>();
    for (DecisionInstanceView evaluation : history.decisionInstances()) {
      rows.addAll(rowsOf(history, evaluation));
    }
    return rows;
  }

  private static List<DecisionInstanceRow> rowsOf(
      History history, DecisionInstanceView evaluation) {
    DecisionEvaluationValue value = evaluation.value();
    List<DecisionInstanceRow> rows = new ArrayList<>();
    boolean failedListed = false;
    int index = 0;
    for (DecisionEvaluationValue.Evaluated evaluated : value.evaluatedDecisions()) {
      DecisionOutcome.EvaluatedDecision detail = evaluated.detail();
      boolean failed = detail.decisionId().equals(value.failedDecisionId());
      failedListed |= failed;
      rows.add(
          new DecisionInstanceRow(
              evaluation,
              ++index,
              detail.decisionId(),
              detail.decisionName(),
              detail.decisionType(),
              evaluated.decisionKey(),
              evaluated.decisionVersion(),
              failed,
              detail));
    }
    if (value.failedDecisionId() != null && !failedListed) {
      DecisionValue failed =
          history.decisionDefinitions().stream()
              .filter(d -> d.decisionRequirementsKey() == value.decisionRequirementsKey())
              .filter(d -> d.decisionId().equals(value.failedDecisionId()))
              .findFirst()
              .orElse(null);
      rows.add(
          new DecisionInstanceRow(
              evaluation,
              ++index,
              value.failedDecisionId(),
              failed == null ? value.decisionName() : failed.name(),
              failed == null ? "UNSPECIFIED" : failed.decisionType(),
              failed == null ? value.decisionKey() : failed.key(),
              failed == null ? value.decisionVersion() : failed.version(),
              true,
              null));
    }
    return rows;
  }

  /** The row of {@code "<evaluationKey>-<n>"} (a bare evaluation key means its first decision). */
  private static DecisionInstanceRow row(History history, String id) {
    String[] parts = id.split("-", 2);
    long key;
    int index;
    try {
      key = Long.parseLong(parts[0]);
      index = parts.length == 2 ? Integer.parseInt(parts[1]) : 1;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "Expected the path parameter 'decisionEvaluationInstanceKey' to be"
              + " '<decisionEvaluationKey>-<n>', but was '"
              + id
              + "'");
    }
    DecisionInstanceView evaluation = history.decisionInstance(key);
    if (evaluation != null) {
      for (DecisionInstanceRow row : rowsOf(history, evaluation)) {
        if (row.index() == index) {
          return row;
        }
      }
    }
    throw ApiException.notFound(
        "Expected to find decision instance with key '" + id + "', but none was found");
  }

  private static String failure(DecisionInstanceRow row) {
    return row.failed() ? row.evaluation().value().failureMessage() : null;
  }

  static ObjectNode instance(DecisionInstanceRow row, boolean details) {
    DecisionEvaluationValue value = row.evaluation().value();
    ObjectNode node = Json.object();
    node.put("decisionEvaluationInstanceKey", row.id());
    node.put("state", row.failed() ? "FAILED" : "EVALUATED");
    Json.date(node, "evaluationDate", row.evaluation().evaluationDate());
    node.put("evaluationFailure", failure(row));
    node.put("decisionDefinitionId", row.decisionId());
    node.put("decisionDefinitionName", row.decisionName());
    node.put("decisionDefinitionVersion", row.decisionVersion());
    node.put("decisionDefinitionType", row.decisionType());
    node.put("result", row.detail() == null ? "null" : Json.text(row.detail().output()));
    node.put("tenantId", Json.TENANT);
    Json.rawKey(node, "decisionEvaluationKey", row.evaluation().key());
    Json.rawKey(node, "processDefinitionKey", value.processDefinitionKey());
    Json.rawKey(node, "processInstanceKey", value.processInstanceKey());
    Json.rawKey(node, "decisionDefinitionKey", row.decisionKey());
    Json.rawKey(node, "elementInstanceKey", value.elementInstanceKey());
    if (details) {
      node.set(
          "evaluatedInputs", row.detail() == null ? Json.array() : evaluatedInputs(row.detail()));
      node.set("matchedRules", row.detail() == null ? Json.array() : matchedRules(row.detail()));
    }
    return node;
  }

  private static ArrayNode evaluatedInputs(DecisionOutcome.EvaluatedDecision detail) {
    ArrayNode inputs = Json.array();
    for (DecisionOutcome.EvaluatedInput input : detail.inputs()) {
      ObjectNode item = inputs.addObject();
      item.put("inputId", input.id());
      item.put("inputName", input.name());
      item.put("inputValue", Json.text(input.value()));
    }
    return inputs;
  }

  private static ArrayNode matchedRules(DecisionOutcome.EvaluatedDecision detail) {
    ArrayNode rules = Json.array();
    for (DecisionOutcome.MatchedRule rule : detail.matchedRules()) {
      ObjectNode item = rules.addObject();
      item.put("ruleId", rule.ruleId());
      item.put("ruleIndex", rule.ruleIndex());
      ArrayNode outputs = item.putArray("evaluatedOutputs");
      for (DecisionOutcome.EvaluatedOutput output : rule.outputs()) {
        ObjectNode out = outputs.addObject();
        out.put("outputId", output.id());
        out.put("outputName", output.name());
        out.put("outputValue", Json.text(output.value()));
      }
    }
    return rules;
  }
}
