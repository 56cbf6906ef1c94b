package fr.secondevie.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import fr.secondevie.processes.AssetEndOfLifeProcess.Elements;
import fr.secondevie.processes.AssetEndOfLifeProcess.Variables;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeInput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeOutput;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.junit.jupiter.api.Test;

/**
 * The FEEL of the models does what the documentation says, evaluated with feel-scala (the FEEL
 * engine of Zeebe) on the data the forms and workers produce.
 */
class ModelExpressionsTest {

  private static final FeelEngineApi FEEL = FeelEngineBuilder.forJava().build();
  private static final BpmnModelInstance CAMPAIGN =
      Models.readBpmn(RenewalCampaignProcess.RESOURCE);
  private static final BpmnModelInstance ASSET = Models.readBpmn(AssetEndOfLifeProcess.RESOURCE);
  private static final BpmnModelInstance SUPPLIER =
      Models.readBpmn(SupplierReferencingProcess.RESOURCE);

  @Test
  void shouldCountTheOutcomesOfTheCampaign() {
    // given
    String summary = script(CAMPAIGN, RenewalCampaignProcess.Elements.SUMMARIZE_CAMPAIGN);
    List<String> outcomes =
        Arrays.asList(
            "DONATION",
            "DONATION",
            "RECYCLE",
            "INTERNAL_REUSE",
            "RECONDITION",
            "WITHDRAWN",
            "RECYCLE",
            "DONATION");

    // when
    Object result = evaluate(summary, Map.of(RenewalCampaignProcess.Variables.OUTCOMES, outcomes));

    // then
    assertThat(asMap(result))
        .containsOnly(
            entry("assetCount", 8L),
            entry("internalReuse", 1L),
            entry("donation", 3L),
            entry("recondition", 1L),
            entry("recycle", 2L),
            entry("withdrawn", 1L),
            entry("reuseOriented", 5L));
  }

  @Test
  void shouldSummarizeAnEmptyCampaign() {
    // given
    String summary = script(CAMPAIGN, RenewalCampaignProcess.Elements.SUMMARIZE_CAMPAIGN);

    // when
    Object result = evaluate(summary, Map.of(RenewalCampaignProcess.Variables.OUTCOMES, List.of()));

    // then
    assertThat(asMap(result)).containsEntry("assetCount", 0L).containsEntry("donation", 0L);
  }

  @Test
  void shouldFallBackFromDonationToReconditioningOnlyForAWorkingAsset() {
    // given
    String fallback = script(ASSET, Elements.CHOOSE_FALLBACK_ROUTE);

    // when / then
    assertThat(fallbackRoute(fallback, "DONATION", true, "B")).isEqualTo("RECONDITION");
    assertThat(fallbackRoute(fallback, "DONATION", true, "D")).isEqualTo("RECYCLE");
    assertThat(fallbackRoute(fallback, "DONATION", false, "A")).isEqualTo("RECYCLE");
    assertThat(fallbackRoute(fallback, "RECONDITION", true, "A")).isEqualTo("RECYCLE");
    assertThat(fallbackRoute(fallback, "INTERNAL_REUSE", true, "A")).isEqualTo("RECYCLE");
  }

  @Test
  void shouldBuildTheInspectionFromTheCollectionForm() {
    // given
    String inspection = output(ASSET, Elements.COLLECT_ASSET, Variables.INSPECTION);
    Map<String, Object> form = new HashMap<>();
    form.put("conditionGrade", "B");
    form.put("functionalTest", "WORKS");
    form.put("batteryHealthPercent", 81);
    form.put("tpmCleared", true);
    form.put("uefiReset", true);
    form.put("labelsRemoved", true);
    form.put("removableMediaRemoved", true);
    form.put("collectedOn", "2025-03-12");
    form.put("collectionLocation", "Magasin DSI");
    form.put("inspectionNotes", "");

    // when
    Map<String, Object> result = asMap(evaluate(inspection, form));
    form.put("functionalTest", "DOES_NOT_WORK");
    Map<String, Object> broken = asMap(evaluate(inspection, form));

    // then
    assertThat(result)
        .containsEntry("conditionGrade", "B")
        .containsEntry("functional", true)
        .containsEntry("batteryHealthPercent", 81L)
        .containsEntry("tpmCleared", true)
        .containsEntry("collectedOn", "2025-03-12");
    assertThat(broken).containsEntry("functional", false);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldPrefillTheFormsFromThePlanAndTheFailures() {
    // given
    String storage = input(ASSET, Elements.COLLECT_ASSET, Variables.STORAGE_DEVICES);
    String wipeReport = input(ASSET, Elements.ENTER_WIPE_REPORT, Variables.WIPE_REPORT);
    String destroyed = input(ASSET, Elements.DESTROY_MEDIA, Variables.DESTROYED_MEDIA);
    Map<String, Object> plan =
        Map.of(
            "drives",
            List.of(
                Map.of("serialNumber", "S1", "type", "SSD", "requiredLevel", "PURGE"),
                Map.of("serialNumber", "W2", "type", "HDD", "requiredLevel", "CLEAR")));

    // when
    Object noAsset = evaluate(storage, new HashMap<>());
    Object report = evaluate(wipeReport, Map.of(Variables.SANITIZATION_PLAN, plan));
    Object media = evaluate(destroyed, Map.of(Variables.FAILED_DRIVES, List.of("S1")));
    Map<String, Object> nothingFailed = new HashMap<>();
    nothingFailed.put(Variables.FAILED_DRIVES, null);
    Object noMedia = evaluate(destroyed, nothingFailed);

    // then
    assertThat((List<?>) noAsset).isEmpty();
    assertThat((List<Object>) asMap(report).get("drives"))
        .containsExactly(
            Map.of("serialNumber", "S1", "requiredLevel", "PURGE"),
            Map.of("serialNumber", "W2", "requiredLevel", "CLEAR"));
    assertThat((List<Object>) media).containsExactly(Map.of("serialNumber", "S1"));
    assertThat((List<?>) noMedia).isEmpty();
  }

  @Test
  void shouldKeepOrCorrectTheAssetIdAtRegularization() {
    // given
    String assetId = output(ASSET, Elements.REGULARIZE_INVENTORY, Variables.ASSET_ID);
    String outcome = output(ASSET, Elements.REGULARIZE_INVENTORY, Variables.OUTCOME);

    // when
    Object kept = evaluate(assetId, Map.of(Variables.ASSET_ID, 42, "regularization", "RETRY"));
    Object corrected = evaluate(assetId, Map.of(Variables.ASSET_ID, 42, "correctedAssetId", 4242));
    Object withdrawn = evaluate(outcome, Map.of(Variables.REGULARIZATION, "WITHDRAW"));
    Object retried = evaluate(outcome, Map.of(Variables.REGULARIZATION, "RETRY"));

    // then
    assertThat(kept).isEqualTo(42L);
    assertThat(corrected).isEqualTo(4242L);
    assertThat(withdrawn).isEqualTo(AssetEndOfLifeProcess.Outcomes.WITHDRAWN);
    assertThat(retried).isNull();
  }

  @Test
  void shouldSendOnlyKnownRoutesPastArbitration() {
    // given
    String automatic = condition(ASSET, "route-is-automatic");

    // when / then
    for (String route : List.of("INTERNAL_REUSE", "DONATION", "RECONDITION", "RECYCLE")) {
      assertThat(evaluate(automatic, Map.of(Variables.ROUTE, route))).isEqualTo(true);
    }
    assertThat(evaluate(automatic, Map.of(Variables.ROUTE, "REVIEW"))).isEqualTo(false);
    Map<String, Object> noRoute = new HashMap<>();
    noRoute.put(Variables.ROUTE, null);
    assertThat(evaluate(automatic, noRoute)).isEqualTo(false);
  }

  @Test
  void shouldSearchABeneficiaryAtMostFourTimes() {
    // given
    String retry = condition(ASSET, "retry-beneficiary-search");
    String count = script(ASSET, Elements.COUNT_BENEFICIARY_SEARCH);

    // when
    Object afterFirstFailure = evaluate(count, Map.of(Variables.BENEFICIARY_SEARCH_FAILURES, 0));

    // then
    assertThat(afterFirstFailure).isEqualTo(1L);
    for (int failures = 1;
        failures <= AssetEndOfLifeProcess.BENEFICIARY_SEARCH_RETRIES;
        failures++) {
      assertThat(evaluate(retry, Map.of(Variables.BENEFICIARY_SEARCH_FAILURES, failures)))
          .isEqualTo(true);
    }
    assertThat(
            evaluate(
                retry,
                Map.of(
                    Variables.BENEFICIARY_SEARCH_FAILURES,
                    AssetEndOfLifeProcess.BENEFICIARY_SEARCH_RETRIES + 1)))
        .isEqualTo(false);
  }

  @Test
  void shouldTakeExactlyOneWayOutOfTheReferencingDecision() {
    // given
    Map<String, String> flows =
        Map.of(
            SupplierReferencingProcess.Decisions.REFERENCE, "decision-reference",
            SupplierReferencingProcess.Decisions.REJECT, "decision-reject",
            SupplierReferencingProcess.Decisions.REQUEST_EVIDENCE, "decision-request-evidence");

    // when / then
    for (String decision : Models.constants(SupplierReferencingProcess.Decisions.class)) {
      Map<String, Object> variables =
          Map.of(
              SupplierReferencingProcess.Variables.REFERENCING_DECISION,
              Map.of("decision", decision, "reason", "Motif suffisamment long"));
      for (Map.Entry<String, String> flow : flows.entrySet()) {
        assertThat(evaluate(condition(SUPPLIER, flow.getValue()), variables))
            .as("%s on %s", decision, flow.getValue())
            .isEqualTo(flow.getKey().equals(decision));
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldHandTheEvaluatorsDecisionsToTheRecordingWorker() {
    // given
    String evaluation =
        output(
            SUPPLIER,
            SupplierReferencingProcess.Elements.EVALUATE_EVIDENCE,
            SupplierReferencingProcess.Variables.EVIDENCE_EVALUATION);
    List<Map<String, Object>> review =
        List.of(
            Map.of("code", "ENV-01", "decision", "ACCEPTED"),
            Map.of("code", "VAL-01", "decision", "REJECTED", "reason", "Attestation non datée"));

    // when
    Map<String, Object> result =
        asMap(
            evaluate(
                evaluation,
                Map.of(
                    SupplierReferencingProcess.Variables.EVIDENCE_REVIEW,
                    review,
                    "evaluationComment",
                    "RAS")));

    // then
    assertThat((List<Object>) result.get("criteria")).hasSize(2);
    assertThat(result).containsEntry("comment", "RAS");
  }

  @Test
  void shouldKeepTheBuyersDecisionWithItsReason() {
    // given
    String decision =
        output(
            SUPPLIER,
            SupplierReferencingProcess.Elements.DECIDE_REFERENCING,
            SupplierReferencingProcess.Variables.REFERENCING_DECISION);

    // when
    Map<String, Object> result =
        asMap(
            evaluate(
                decision,
                Map.of(
                    "referencingChoice",
                    SupplierReferencingProcess.Decisions.REQUEST_EVIDENCE,
                    "decisionReason",
                    "Joindre l'attestation EA")));

    // then
    assertThat(result)
        .containsEntry("decision", SupplierReferencingProcess.Decisions.REQUEST_EVIDENCE)
        .containsEntry("reason", "Joindre l'attestation EA");
  }

  @Test
  void shouldRecordEachOutcomeOnItsPath() {
    // when / then
    assertThat(
            evaluate(
                output(
                    SUPPLIER,
                    SupplierReferencingProcess.Elements.REFERENCE_SUPPLIER,
                    SupplierReferencingProcess.Variables.REFERENCING_OUTCOME),
                Map.of()))
        .isEqualTo(SupplierReferencingProcess.Outcomes.REFERENCED);
    assertThat(
            evaluate(
                output(
                    SUPPLIER,
                    SupplierReferencingProcess.Elements.REJECT_APPLICATION,
                    SupplierReferencingProcess.Variables.REFERENCING_OUTCOME),
                Map.of()))
        .isEqualTo(SupplierReferencingProcess.Outcomes.REJECTED);
    assertThat(
            evaluate(
                output(
                    SUPPLIER,
                    SupplierReferencingProcess.Elements.CLOSE_UNANSWERED_APPLICATION,
                    SupplierReferencingProcess.Variables.REFERENCING_OUTCOME),
                Map.of()))
        .isEqualTo(SupplierReferencingProcess.Outcomes.NO_ANSWER);
  }

  // ---------------------------------------------------------------- helpers

  private static Object evaluate(String expression, Map<String, Object> variables) {
    assertThat(expression).startsWith("=");
    ParseResult parsed = FEEL.parseExpression(expression.substring(1));
    assertThat(parsed.isSuccess()).as("%s", parsed.failure()).isTrue();
    EvaluationResult result = FEEL.evaluate(parsed.parsedExpression(), variables);
    assertThat(result.isSuccess()).as("%s: %s", expression, result.failure()).isTrue();
    return result.result();
  }

  private static String fallbackRoute(
      String expression, String route, boolean functional, String grade) {
    Map<String, Object> variables =
        Map.of(
            Variables.ROUTE,
            route,
            Variables.INSPECTION,
            Map.of("functional", functional, "conditionGrade", grade));
    Map<String, Object> result = asMap(evaluate(expression, variables));
    assertThat((String) result.get("reason")).isNotBlank();
    return (String) result.get("route");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    assertThat(value).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  private static String script(BpmnModelInstance model, String elementId) {
    BaseElement element = model.getModelElementById(elementId);
    return element.getSingleExtensionElement(ZeebeScript.class).getExpression();
  }

  private static String condition(BpmnModelInstance model, String flowId) {
    SequenceFlow flow = model.getModelElementById(flowId);
    return flow.getConditionExpression().getTextContent();
  }

  private static String input(BpmnModelInstance model, String elementId, String target) {
    BaseElement element = model.getModelElementById(elementId);
    return model.getModelElementsByType(ZeebeInput.class).stream()
        .filter(input -> input.getParentElement().getParentElement().getParentElement() == element)
        .filter(input -> input.getTarget().equals(target))
        .map(ZeebeInput::getSource)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No input " + target + " on " + elementId));
  }

  private static String output(BpmnModelInstance model, String elementId, String target) {
    BaseElement element = model.getModelElementById(elementId);
    return model.getModelElementsByType(ZeebeOutput.class).stream()
        .filter(
            output -> output.getParentElement().getParentElement().getParentElement() == element)
        .filter(output -> output.getTarget().equals(target))
        .map(ZeebeOutput::getSource)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No output " + target + " on " + elementId));
  }
}
