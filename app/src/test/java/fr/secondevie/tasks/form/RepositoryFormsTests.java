package fr.secondevie.tasks.form;

import static fr.secondevie.tasks.form.FormFixtures.CLOCK;
import static fr.secondevie.tasks.form.FormFixtures.EXPRESSIONS;
import static fr.secondevie.tasks.form.FormFixtures.FORMS;
import static fr.secondevie.tasks.form.FormFixtures.TEMPLATES;
import static fr.secondevie.tasks.form.FormFixtures.all;
import static fr.secondevie.tasks.form.FormFixtures.browser;
import static fr.secondevie.tasks.form.FormFixtures.find;
import static fr.secondevie.tasks.form.FormFixtures.form;
import static fr.secondevie.tasks.form.FormFixtures.json;
import static fr.secondevie.tasks.form.FormFixtures.params;
import static fr.secondevie.tasks.form.FormFixtures.vars;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.secondevie.tasks.form.TaskForms.Submission;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every form of {@code forms/}: parsed, every expression inside the supported subset, rendered on
 * the variables its task has, submitted as a browser would, and for each one sample values with the
 * exact completion variables and the validation errors.
 */
class RepositoryFormsTests {

  static final String ASSET =
      "'asset': {'id': 42, 'inventoryNumber': 'CHU76-2019-00042', 'serialNumber': '5CD9421XYZ',"
          + " 'category': 'LAPTOP', 'manufacturer': 'HP', 'model': 'EliteBook 840 G6',"
          + " 'site': 'Rouen', 'location': 'Rouen > Charles-Nicolle > Pavillon A', 'status': 'DECOMMISSIONING',"
          + " 'storageDevices': [{'serialNumber': 'S4EVNX0M123456', 'type': 'NVME', 'capacityGb': 512}]}";

  /** The variables each form's task sees (docs/processes.md, "Forms also display"). */
  static final Map<String, String> VARIABLES =
      pairs(
          "regularize-inventory",
          "{'assetId': 42, 'inventoryIssue': 'ASSET_NOT_FOUND', 'inventoryIssueDetail': 'Aucun équipement 42.'}",
          "collect-asset",
          "{'assetId': 42, "
              + ASSET
              + ", 'storageDevices': [{'serialNumber': 'S4EVNX0M123456', 'type': 'NVME', 'capacityGb': 512}]}",
          "enter-wipe-report",
          "{'assetId': 42, "
              + ASSET
              + ", 'wipeReport': {'drives': [{'serialNumber': 'S4EVNX0M123456', 'requiredLevel': 'PURGE'}]}}",
          "destroy-media",
          "{'assetId': 42, " + ASSET + ", 'destroyedMedia': [{'serialNumber': 'S4EVNX0M123456'}]}",
          "arbitrate-route",
          "{'assetId': 42, "
              + ASSET
              + ", 'routeReason': 'Catégorie à examiner', 'assessment': {'category': 'SERVER',"
              + " 'ageYears': 6.5, 'residualUnitValue': 350, 'osSupported': true,"
              + " 'categoryLabel': 'Serveur', 'age': '6 ans et 6 mois', 'residualValue': '350,00 €'},"
              + " 'inspection': {'conditionGrade': 'B'}, 'sanitizationOutcome': 'PASSED'}",
          "approve-donation",
          "{'assetId': 42, "
              + ASSET
              + ", 'donation': {'beneficiaryId': 3, 'beneficiaryName': 'Emmaüs Connect',"
              + " 'legalCategory': 'ASSOCIATION_SOLIDARITY', 'requestId': 9}, 'legalCheck': {'ageYears': 4.2,"
              + " 'ageWithinLimit': true, 'residualUnitValue': 120, 'valueWithinCap': true, 'sanitizationPassed': true,"
              + " 'beneficiaryCategoryEligible': true, 'reuseCommitmentSigned': true, 'rules': ["
              + "{'rule': 'Âge de 10 ans au plus (décret n° 2023-266)', 'respected': true,"
              + " 'verdict': 'respectée', 'why': 'âge 4 ans et 2 mois'},"
              + " {'rule': 'Valeur unitaire de 300,00 € au plus (CGPPP, art. D3212-3)',"
              + " 'respected': false, 'verdict': 'non respectée', 'why': 'valeur résiduelle"
              + " 320,00 €'}]}}",
          "hand-over-equipment",
          "{'assetId': 42, "
              + ASSET
              + ", 'donation': {'beneficiaryName': 'Emmaüs Connect'},"
              + " 'donationAgreement': {'agreementId': 'CONV-2025-007', 'receiptNumber':"
              + " 'RR-2025-007', 'receiptRef': '0b6f2d0e-5c1a-4f57-9d7e-3f1c2a4b5c6d'}}",
          "confirm-pickup",
          "{'lotId': 5, 'lotAssetCount': 12, 'dismantlingOrder': {'orderId': 'ORD-2025-005'}}",
          "enter-attestation",
          "{'lotId': 5, 'lotAssetCount': 12, 'dismantlingOrder': {'orderId': 'ORD-2025-005'}}",
          "evaluate-evidence",
          "{'supplierName': 'Recyclerie Normande', 'applicationId': 7, 'questionnaireVersion': 1,"
              + " 'questionnaireRound': 1, 'declarativeScore': 64, 'evidenceReview': [{'code':"
              + " 'A1', 'axisLabel': 'Achats', 'question': 'Garantie ?', 'expectedEvidence':"
              + " 'Contrat', 'answer': 'Oui', 'evidence': 'garantie.pdf', 'issue': null}]}",
          "decide-referencing",
          "{'supplierName': 'Recyclerie Normande', 'applicationId': 7, 'questionnaireVersion': 1,"
              + " 'declarativeScore': 64, 'justifiedScore': 52, 'axesCovered': 4,"
              + " 'evaluationSummary': {'accepted': 9, 'rejected': 2, 'unjustified': 3},"
              + " 'maturityLevel': 'CONFIRMED', 'tenderBonus': 3, 'maturityReason': 'Score"
              + " justifié 52/100 sur 4 axes.'}",
          "verify-indicators",
          "{'reportYear': 2025, 'reportVersion': 1, 'reportSummary': 'taux de réemploi 33,3 %',"
              + " 'reportWarnings': 'aucun'}",
          "correct-indicators-data",
          "{'reportYear': 2025, 'reportVersion': 1, 'review': {'comment': 'Poids du lot 3"
              + " manquant'}}",
          "review-internal-stock",
          "{'purchaseRequestId': 12, 'requestedBy': 'technicien', 'minimumGrade': 'B',"
              + " 'stockProposal': [{'assetId': 42, 'inventoryNumber': 'CHU76-2019-00028',"
              + " 'description': 'Portable HP EliteBook 840 G6', 'site': 'Charles-Nicolle',"
              + " 'grade': 'A', 'accepted': false}]}",
          "justify-new-purchase",
          "{'purchaseRequestId': 12, 'requestedBy': 'technicien', 'channelDecision':"
              + " {'channel': 'NEW', 'reason': 'Données de santé sous obligations particulières'}}",
          "approve-new-purchase",
          "{'purchaseRequestId': 12, 'requestedBy': 'technicien', 'channelDecision':"
              + " {'channel': 'NEW', 'reason': 'Données de santé sous obligations particulières'},"
              + " 'newPurchaseJustification': 'Poste de bloc opératoire homologué'}",
          "record-offers",
          "{'purchaseRequestId': 12, 'requestedBy': 'technicien', 'remainingQuantity': 2,"
              + " 'channelDecision': {'channel': 'RECONDITIONED', 'reason': 'Équipement"
              + " bureautique'}}",
          "select-offer",
          "{'purchaseRequestId': 12, 'requestedBy': 'technicien', 'remainingQuantity': 2,"
              + " 'ranking': [{'rank': 1, 'label': 'Ateliers du Bocage', 'unitPriceDisplay':"
              + " '450,00 €', 'warrantyMonths': 12, 'deliveryDays': 10, 'maturityBonus': 3,"
              + " 'score': 103.1}]}",
          "decide-replacement",
          "{'purchaseRequestId': 12, 'missingQuantity': 1, 'purchaseOrder': {'reference':"
              + " 'BC-2026-12', 'quantity': 2, 'supplierName': 'Ateliers du Bocage'}}",
          "receive-order",
          "{'purchaseOrder': {'reference': 'BC-2026-12', 'quantity': 2, 'supplierName':"
              + " 'Ateliers du Bocage', 'expectedBy': '2026-12-20'}}");

  private static Map<String, String> pairs(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Map.copyOf(map);
  }

  static Stream<String> forms() {
    return FormFixtures.formIds().stream();
  }

  static Map<String, Object> variablesOf(String formId) {
    return vars(VARIABLES.getOrDefault(formId, "{}"));
  }

  @Test
  void shouldKnowTheVariablesOfEveryForm() {
    assertThat(VARIABLES.keySet()).containsAll(FormFixtures.formIds());
  }

  @ParameterizedTest
  @MethodSource("forms")
  void shouldKeepEveryExpressionInsideTheSupportedSubset(String formId) {
    FormSchema schema = form(formId);
    schema.forEach(
        c -> {
          if (c.hideCondition() != null) {
            assertThatCode(() -> EXPRESSIONS.check(c.hideCondition().substring(1)))
                .as("condition of %s", c)
                .doesNotThrowAnyException();
          }
          for (String property : List.of("text", "label", "description")) {
            String text = c.text(property);
            if (text != null) {
              assertThatCode(() -> TEMPLATES.text(text, Map.of()))
                  .as("%s of %s", property, c)
                  .doesNotThrowAnyException();
            }
          }
          c.validate()
              .fields()
              .forEachRemaining(
                  rule -> {
                    if (rule.getValue().isTextual() && rule.getValue().asText().startsWith("=")) {
                      assertThatCode(() -> EXPRESSIONS.check(rule.getValue().asText().substring(1)))
                          .as("validate.%s of %s", rule.getKey(), c)
                          .doesNotThrowAnyException();
                    }
                  });
        });
  }

  @ParameterizedTest
  @MethodSource("forms")
  void shouldRenderEveryComponentLabelledWithUniqueIds(String formId) {
    FormView view = FORMS.open(form(formId), variablesOf(formId));

    List<ComponentView> components = all(view);
    assertThat(components).noneMatch(c -> c.getKind().equals("unsupported"));
    assertThat(components)
        .filteredOn(c -> c.getName() != null)
        .allSatisfy(c -> assertThat(c.getLabel()).as(c.getId()).isNotBlank());
    Set<String> ids = new HashSet<>();
    for (ComponentView c : components) {
      assertThat(ids.add(c.getId())).as("unique id %s", c.getId()).isTrue();
      c.getOptions().forEach(o -> assertThat(ids.add(o.id())).as("unique id %s", o.id()).isTrue());
    }
    assertThat(find(view, "f-intro").getHtml()).startsWith("<h2>").doesNotContain("{{");
  }

  /** Sent back untouched, a form submits what it started with: display and parsing agree. */
  @ParameterizedTest
  @MethodSource("forms")
  void shouldSubmitTheInitialValuesWhenNothingIsTyped(String formId) {
    FormSchema schema = form(formId);
    Map<String, Object> variables = variablesOf(formId);
    FormView view = FORMS.open(schema, variables);
    FormOutcome initial =
        FormEvaluator.evaluate(
                FormKit.of(CLOCK, EXPRESSIONS),
                schema,
                FormState.initial(schema, variables),
                variables)
            .outcome();

    Submission submission = FORMS.submit(schema, browser(view), null, variables);

    assertThat(json(submission.outcome().variables())).isEqualTo(json(initial.variables()));
    assertThat(submission.outcome().errors()).isEqualTo(initial.errors());
  }

  // ---------------------------------------------------------------------------------------------
  // each form: sample values, completion variables, errors

  private static Submission submit(String formId, Map<String, String[]> params) {
    return FORMS.submit(form(formId), params, null, variablesOf(formId));
  }

  private static void assertCompletes(Submission submission, String expected) {
    assertThat(submission.outcome().errors()).isEmpty();
    assertThat(submission.completes()).isTrue();
    assertThat(json(submission.outcome().variables())).isEqualTo(json(expected));
  }

  private static List<String> errors(Submission submission) {
    return submission.outcome().errors().stream()
        .map(e -> e.inputId() + ": " + e.message())
        .toList();
  }

  @Test
  void shouldRegularizeTheInventory() {
    assertCompletes(
        submit(
            "regularize-inventory",
            params(
                "regularization", "RETRY",
                "correctedAssetId", "43",
                "regularizationComment", "Identifiant corrigé dans GLPI")),
        "{'regularization': 'RETRY', 'correctedAssetId': 43, 'regularizationComment': 'Identifiant corrigé dans GLPI'}");
    // the corrected id is hidden when withdrawing: not sent, even if typed before
    assertCompletes(
        submit(
            "regularize-inventory",
            params(
                "regularization", "WITHDRAW",
                "correctedAssetId", "43",
                "regularizationComment", "Équipement déjà sorti")),
        "{'regularization': 'WITHDRAW', 'regularizationComment': 'Équipement déjà sorti'}");
    Submission empty = submit("regularize-inventory", params());
    assertThat(errors(empty))
        .containsExactly(
            "f-field-regularization-0: Choisissez une option.",
            "f-field-regularization-comment: Ce champ est obligatoire.");
    assertThat(empty.completes()).isFalse();
    assertThat(
            errors(
                submit(
                    "regularize-inventory",
                    params(
                        "regularization",
                        "RETRY",
                        "correctedAssetId",
                        "0",
                        "regularizationComment",
                        "court"))))
        .containsExactly(
            "f-field-corrected-asset-id: Saisissez une valeur supérieure ou égale à 1.",
            "f-field-regularization-comment: Saisissez au moins 10 caractères (5 actuellement).");
  }

  @Test
  void shouldShowTheIssueOfTheInventoryWithItsCondition() {
    FormView view = FORMS.open(form("regularize-inventory"), variablesOf("regularize-inventory"));
    assertThat(find(view, "f-intro").getHtml())
        .contains("<strong>42</strong>")
        .contains("il est introuvable dans l'inventaire.")
        .doesNotContain("son statut")
        .contains("Aucun équipement 42.");
    assertThat(find(view, "f-field-corrected-asset-id").isHidden()).isTrue();
  }

  @Test
  void shouldCollectAndInspectALaptop() {
    assertCompletes(
        submit(
            "collect-asset",
            params(
                "conditionGrade", "B",
                "functionalTest", "WORKS",
                "batteryHealthPercent", "87",
                "storageDevices[0]._row", "1",
                "storageDevices[0]._src", "0",
                "storageDevices[0].serialNumber", "S4EVNX0M123456",
                "storageDevices[0].type", "NVME",
                "storageDevices[0].capacityGb", "512",
                "storageDevices[1]._row", "1",
                "storageDevices[1]._src", "",
                "storageDevices[1].serialNumber", "WD-WX11A",
                "storageDevices[1].type", "HDD",
                "storageDevices[1].capacityGb", "",
                "tpmCleared", "true",
                "uefiReset", "true",
                "labelsRemoved", "true",
                "removableMediaRemoved", "true",
                "collectedOn", "2025-03-12",
                "collectionLocation", "Magasin DSI, bâtiment B",
                "inspectionNotes", "Rayure sur le capot")),
        """
        {'conditionGrade': 'B', 'functionalTest': 'WORKS', 'batteryHealthPercent': 87,
         'storageDevices': [{'serialNumber': 'S4EVNX0M123456', 'type': 'NVME', 'capacityGb': 512},
                            {'serialNumber': 'WD-WX11A', 'type': 'HDD', 'capacityGb': null}],
         'tpmCleared': true, 'uefiReset': true, 'labelsRemoved': true, 'removableMediaRemoved': true,
         'collectedOn': '2025-03-12', 'collectionLocation': 'Magasin DSI, bâtiment B',
         'inspectionNotes': 'Rayure sur le capot'}""");
  }

  @Test
  void shouldCollectAMonitorWithoutBatteryNorStorage() {
    Map<String, Object> monitor = variablesOf("collect-asset");
    @SuppressWarnings("unchecked")
    Map<String, Object> asset = (Map<String, Object>) monitor.get("asset");
    asset.put("category", "MONITOR");
    Submission submission =
        FORMS.submit(
            form("collect-asset"),
            params(
                "conditionGrade", "A",
                "functionalTest", "WORKS",
                "batteryHealthPercent", "",
                "tpmCleared", "true",
                "uefiReset", "true",
                "labelsRemoved", "true",
                "removableMediaRemoved", "true",
                "collectedOn", "12/03/2025",
                "collectionLocation", "Magasin",
                "inspectionNotes", ""),
            null,
            monitor);
    // every row removed: the list is sent empty; the battery field is hidden: not required, not
    // sent
    assertCompletes(
        submission,
        """
        {'conditionGrade': 'A', 'functionalTest': 'WORKS', 'storageDevices': [],
         'tpmCleared': true, 'uefiReset': true, 'labelsRemoved': true, 'removableMediaRemoved': true,
         'collectedOn': '2025-03-12', 'collectionLocation': 'Magasin', 'inspectionNotes': ''}""");
  }

  @Test
  void shouldRefuseAnIncompleteCollection() {
    Submission submission =
        submit(
            "collect-asset",
            params(
                "batteryHealthPercent", "120",
                "storageDevices[0]._row", "1",
                "storageDevices[0]._src", "0",
                "storageDevices[0].serialNumber", "-bad serial",
                "storageDevices[0].type", "NVME",
                "storageDevices[0].capacityGb", "51,5",
                "collectedOn", "31/02/2025"));
    assertThat(errors(submission))
        .containsExactly(
            "f-field-condition-grade-0: Choisissez une option.",
            "f-field-functional-test-0: Choisissez une option.",
            "f-field-battery-health-percent: Saisissez une valeur inférieure ou égale à 100.",
            "f-field-storage-serial-number-0: Le format saisi n'est pas celui attendu.",
            "f-field-storage-capacity-0: Saisissez un nombre entier.",
            "f-field-tpm-cleared: Cochez cette case : elle est obligatoire.",
            "f-field-uefi-reset: Cochez cette case : elle est obligatoire.",
            "f-field-labels-removed: Cochez cette case : elle est obligatoire.",
            "f-field-removable-media-removed: Cochez cette case : elle est obligatoire.",
            "f-field-collected-on: Saisissez une date valide, au format jj/mm/aaaa.",
            "f-field-collection-location: Ce champ est obligatoire.");
    assertThat(submission.outcome().errors().get(3).label())
        .isEqualTo("Numéro de série (Supports de stockage, ligne 1)");
    // the entered values are shown again
    ComponentView serial = find(submission.view(), "f-field-storage-serial-number-0");
    assertThat(serial.getValue()).isEqualTo("-bad serial");
    assertThat(serial.isInvalid()).isTrue();
    assertThat(serial.getDescribedBy())
        .isEqualTo("f-field-storage-serial-number-0-hint f-field-storage-serial-number-0-err");
    assertThat(find(submission.view(), "f-field-storage-capacity-0").getValue()).isEqualTo("51,5");
  }

  @Test
  void shouldEnterAWipeReportKeepingTheRequiredLevelOfThePlan() {
    assertCompletes(
        submit(
            "enter-wipe-report",
            params(
                "wipeReport.tool", "Blancco Drive Eraser",
                "wipeReport.toolVersion", "7.9",
                "wipeReport.operator", "J. Martin",
                "wipeReport.reportRef", "BL-2025-0042",
                "wipeReport.performedOn", "2025-03-11",
                "wipeReport.drives[0]._row", "1",
                "wipeReport.drives[0]._src", "0",
                "wipeReport.drives[0].serialNumber", "S4EVNX0M123456",
                "wipeReport.drives[0].requiredLevel", "CLEAR",
                "wipeReport.drives[0].methodType", "PURGE",
                "wipeReport.drives[0].method", "CRYPTO_ERASE",
                "wipeReport.drives[0].verification", "FULL",
                "wipeReport.drives[0].result", "PASSED",
                "wipeReport.drives[0].notes", "")),
        """
        {'wipeReport': {'tool': 'Blancco Drive Eraser', 'toolVersion': '7.9', 'operator': 'J. Martin',
          'reportRef': 'BL-2025-0042', 'performedOn': '2025-03-11',
          'drives': [{'serialNumber': 'S4EVNX0M123456', 'requiredLevel': 'PURGE', 'methodType': 'PURGE',
                      'method': 'CRYPTO_ERASE', 'verification': 'FULL', 'result': 'PASSED', 'notes': ''}]}}""");
  }

  @Test
  void shouldRecordTheDestructionOfTheMedia() {
    assertCompletes(
        submit(
            "destroy-media",
            params(
                "destroyedMedia[0]._row", "1",
                "destroyedMedia[0]._src", "0",
                "destroyedMedia[0].serialNumber", "S4EVNX0M123456",
                "destroyedMedia[0].destructionMethod", "SHRED",
                "destroyedMedia[0].dinLevel", "E-4",
                "destroyedOn", "12/03/2025",
                "destructionProvider", "Broyage Normand",
                "destructionCertificateRef", "CD-778",
                "destructionWitness", "")),
        """
        {'destroyedMedia': [{'serialNumber': 'S4EVNX0M123456', 'destructionMethod': 'SHRED', 'dinLevel': 'E-4'}],
         'destroyedOn': '2025-03-12', 'destructionProvider': 'Broyage Normand',
         'destructionCertificateRef': 'CD-778', 'destructionWitness': ''}""");
  }

  @Test
  void shouldArbitrateTheRoute() {
    assertCompletes(
        submit(
            "arbitrate-route",
            params(
                "arbitratedRoute", "DONATION",
                "routeJustification", "Serveur léger reconverti en poste")),
        "{'arbitratedRoute': 'DONATION', 'routeJustification': 'Serveur léger reconverti en poste'}");
    assertThat(
            errors(
                submit(
                    "arbitrate-route",
                    params(
                        "arbitratedRoute", "TELEPORT", "routeJustification", "   trop court   "))))
        .containsExactly(
            "f-field-arbitrated-route: Choisissez une des options proposées.",
            "f-field-route-justification: Saisissez au moins 20 caractères (10 actuellement).");
    assertThat(errors(submit("arbitrate-route", params("arbitratedRoute", ""))))
        .containsExactly(
            "f-field-arbitrated-route: Choisissez une option dans la liste.",
            "f-field-route-justification: Ce champ est obligatoire.");
  }

  @Test
  void shouldApproveADonationSendingOnlyTheDecision() {
    // the legal check is shown, not sent back: a browser cannot change it
    assertCompletes(
        submit(
            "approve-donation",
            params(
                "legalCheck.ageYears", "1",
                "donationDecision", "APPROVED",
                "refusalReason", "",
                "approvalComment", "Accord")),
        "{'donationDecision': 'APPROVED', 'approvalComment': 'Accord'}");
  }

  @Test
  void shouldShowTheLegalCheckAsOneReadableLinePerRule() {
    // given
    Map<String, Object> variables = variablesOf("approve-donation");

    // when
    FormView view = FORMS.open(form("approve-donation"), variables);

    // then
    String html = find(view, "f-legal-check-summary").getHtml();
    assertThat(html)
        .contains("Contrôle de légalité")
        .contains(
            "<li><strong>Âge de 10 ans au plus (décret n° 2023-266)</strong> : respectée"
                + " (âge 4 ans et 2 mois)</li>")
        .contains("non respectée (valeur résiduelle 320,00 €)")
        .doesNotContain("<input");
  }

  @Test
  void shouldRequireAReasonToRefuseADonation() {
    assertThat(
            errors(
                submit(
                    "approve-donation",
                    params("donationDecision", "REFUSED", "refusalReason", ""))))
        .containsExactly("f-field-refusal-reason: Ce champ est obligatoire.");
    assertThat(
            errors(
                submit(
                    "approve-donation",
                    params("donationDecision", "REFUSED", "refusalReason", "Non."))))
        .containsExactly(
            "f-field-refusal-reason: Saisissez au moins 10 caractères (4 actuellement).");
    Submission refused =
        submit(
            "approve-donation",
            params(
                "donationDecision",
                "REFUSED",
                "refusalReason",
                "Bénéficiaire en liquidation",
                "approvalComment",
                ""));
    assertThat(refused.completes()).isTrue();
    assertThat(json(refused.outcome().variables()).get("refusalReason").asText())
        .isEqualTo("Bénéficiaire en liquidation");
  }

  @Test
  void shouldHandOverTheEquipment() {
    assertCompletes(
        submit(
            "hand-over-equipment",
            params(
                "handoverDate", "2025-03-14",
                "recipientName", "Claire Dubois",
                "recipientRole", "Présidente",
                "signedReceiptRef", "BR-2025-031",
                "handedOverItems", "POWER_SUPPLY",
                "handedOverItems", "COMPUTER",
                "handoverNotes", "")),
        """
        {'handoverDate': '2025-03-14', 'recipientName': 'Claire Dubois', 'recipientRole': 'Présidente',
         'signedReceiptRef': 'BR-2025-031', 'handedOverItems': ['COMPUTER', 'POWER_SUPPLY'], 'handoverNotes': ''}""");
    assertThat(errors(submit("hand-over-equipment", params("handedOverItems", "SPACESHIP"))))
        .contains("f-field-handed-over-items-0: Choisissez parmi les options proposées.");
    assertThat(errors(submit("hand-over-equipment", params())))
        .contains("f-field-handed-over-items-0: Cochez au moins une option.");
  }

  @Test
  void shouldConfirmThePickupWithDecimalsTypedTheFrenchWay() {
    assertCompletes(
        submit(
            "confirm-pickup",
            params(
                "pickupDate", "2025-03-20",
                "pickedUpUnitCount", "12",
                "weightKg", "84,5",
                "wasteTrackingNumber", "BSD-20250312-7K2M9P4QX",
                "carrierName", "Transports Adaptés",
                "pickupNotes", "")),
        """
        {'pickupDate': '2025-03-20', 'pickedUpUnitCount': 12, 'weightKg': 84.5,
         'wasteTrackingNumber': 'BSD-20250312-7K2M9P4QX', 'carrierName': 'Transports Adaptés', 'pickupNotes': ''}""");
    assertThat(
            errors(
                submit(
                    "confirm-pickup",
                    params(
                        "pickupDate", "2025-03-20",
                        "pickedUpUnitCount", "0",
                        "weightKg", "84,55",
                        "wasteTrackingNumber", "??",
                        "carrierName", "X"))))
        .containsExactly(
            "f-field-picked-up-unit-count: Saisissez une valeur supérieure ou égale à 1.",
            "f-field-weight-kg: Saisissez au plus 1 décimale.",
            "f-field-waste-tracking-number: Le format saisi n'est pas celui attendu (voir l'aide du champ).");
    assertThat(errors(submit("confirm-pickup", params("weightKg", "lourd"))))
        .contains("f-field-weight-kg: Saisissez un nombre, par exemple 12 ou 12,5.");
  }

  @Test
  void shouldKeepTheLabourCostWithinTheInvoice() {
    Map<String, String[]> tooMuch =
        params(
            "recyclingCertificateRef", "RC-1",
            "recyclingCertificateDate", "2025-03-25",
            "eaAttestationRef", "EA-1",
            "invoiceAmountExclTax", "1 250,00",
            "labourCost", "1300",
            "attestationNotes", "");
    assertThat(errors(submit("enter-attestation", tooMuch)))
        .containsExactly("f-field-labour-cost: Saisissez une valeur inférieure ou égale à 1250.");
    tooMuch.put("labourCost", new String[] {"800,50"});
    assertCompletes(
        submit("enter-attestation", tooMuch),
        """
        {'recyclingCertificateRef': 'RC-1', 'recyclingCertificateDate': '2025-03-25', 'eaAttestationRef': 'EA-1',
         'invoiceAmountExclTax': 1250, 'labourCost': 800.5, 'attestationNotes': ''}""");
  }

  /**
   * A worker that refuses what was typed sends the task back with {@code taskRefusal}: the form
   * shows it right under its title, and not before anything was refused.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {"destroy-media", "hand-over-equipment", "confirm-pickup", "enter-attestation"})
  void shouldShowTheWorkersRefusalAtTheTopOnlyWhenTheTaskCameBack(String formId) {
    // given
    Map<String, Object> sentBack = new HashMap<>(variablesOf(formId));
    sentBack.put(
        "taskRefusal",
        "La date de la remise (01/03/2025) précède la convention de cession CONV-2025-007,"
            + " établie le 05/03/2025.");
    Map<String, Object> completedAgain = new HashMap<>(variablesOf(formId));
    completedAgain.put("taskRefusal", null);

    // when
    FormView first = FORMS.open(form(formId), variablesOf(formId));
    FormView back = FORMS.open(form(formId), sentBack);
    FormView cleared = FORMS.open(form(formId), completedAgain);

    // then
    assertThat(find(first, "f-task-refusal").isHidden()).isTrue();
    assertThat(find(cleared, "f-task-refusal").isHidden()).isTrue();
    ComponentView refusal = find(back, "f-task-refusal");
    assertThat(refusal.isHidden()).isFalse();
    assertThat(refusal.getHtml())
        .startsWith("<blockquote>")
        .contains("<strong>Saisie refusée, à corriger :</strong>")
        .contains("précède la convention de cession CONV-2025-007, établie le 05/03/2025.");
    assertThat(back.components().get(1).getId()).isEqualTo("f-task-refusal");
  }

  @Test
  void shouldTemplateTheTextsWithTheTaskVariablesInWordsWithoutCodes() {
    // given
    Map<String, Object> variables = variablesOf("arbitrate-route");

    // when
    String html = find(FORMS.open(form("arbitrate-route"), variables), "f-intro").getHtml();

    // then
    assertThat(html)
        .contains("<h2>Arbitrer l'orientation</h2>")
        .contains("<strong>CHU76-2019-00042</strong> — HP EliteBook 840 G6")
        .contains("<em>Catégorie à examiner</em>")
        .contains("<li>Catégorie : Serveur — âge : 6 ans et 6 mois</li>")
        .contains(
            "<li>État à la collecte : B — traces d'usage légères — valeur résiduelle : 350,00 €</li>")
        .contains("<li>Effacement : certifié pour chaque support</li>")
        .doesNotContain("SERVER")
        .doesNotContain("PASSED")
        .doesNotContain("6.5");
  }
}
