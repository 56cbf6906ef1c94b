package fr.secondevie.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.donation.Beneficiaries;
import fr.secondevie.indicators.OutcomeFact;
import fr.secondevie.indicators.OutcomeService;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.AssetEndOfLifeProcess.Elements;
import fr.secondevie.processes.AssetEndOfLifeProcess.ReconditioningResults;
import fr.secondevie.reconditioning.Reconditioners;
import fr.secondevie.recycling.AdaptedCompanies;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationCertificate;
import fr.secondevie.sanitization.WipeReportIntake;
import fr.secondevie.support.Assets;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda Process Test (REMOTE mode, against the embedded engine) of P2 {@code asset-end-of-life}
 * from the decision to the end, with this application's job workers and the real {@code
 * asset-route} decision: each route carried out (internal reuse, donation, reconditioning,
 * recycling through P3), the reconditioning reminder, and the fallbacks (no beneficiary, an asset
 * beyond repair). Assertions check the path and what the workers wrote: inventory status, chain of
 * custody (verified), certificates and documents, outcome facts, outbox.
 */
@SpringBootTest
@CamundaSpringProcessTest
class DispositionRouteProcessTests {

  @Autowired CamundaClient camunda;
  @Autowired CamundaProcessTestContext context;
  @Autowired ApplicationContext application;
  @Autowired InventoryService inventory;
  @Autowired WipeReportIntake intake;
  @Autowired CertificateService certificates;
  @Autowired DocumentService documents;
  @Autowired OutcomeService outcomes;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired Clock clock;

  @AfterAll
  static void restore(@Autowired Environment environment, @Autowired ApplicationContext context) {
    EndOfLifeFixtures.restoreEngineAndReconditioners(environment, context);
  }

  @BeforeEach
  void emptyRegistries() {
    EndOfLifeFixtures.emptyRegistries(jdbc);
  }

  // ---------------------------------------------------------------- fixtures

  /** A desktop bought in 2019 for 712.40 € (7 years old, no residual value: a donation). */
  Asset oldDesktop() {
    return Assets.desktop(inventory);
  }

  /** A desktop bought in 2015: over 10 years, recycled. */
  Asset veryOldDesktop() {
    return Assets.register(
        inventory, AssetCategory.DESKTOP, "Pharmacie", LocalDate.of(2015, 2, 3), 68_000L);
  }

  /** A desktop bought in 2023 for 950 € (recent: repaired when broken). */
  Asset recentDesktop() {
    return Assets.register(
        inventory, AssetCategory.DESKTOP, "Radiologie", LocalDate.of(2023, 4, 20), 95_000L);
  }

  /** A monitor bought in 2023 (internal reuse when it works). */
  Asset recentMonitor() {
    return Assets.register(
        inventory, AssetCategory.MONITOR, "Accueil", LocalDate.of(2023, 6, 1), 21_000L);
  }

  ProcessInstanceEvent retire(Asset asset) {
    return EndOfLifeFixtures.retire(camunda, asset);
  }

  static Map<String, Object> inspected(String grade, boolean works, String... drives) {
    return EndOfLifeFixtures.inspected(grade, works, drives);
  }

  void collect(ProcessInstanceEvent instance, Map<String, Object> form) {
    context.completeUserTask(
        UserTaskSelectors.byElementId(Elements.COLLECT_ASSET, instance.getProcessInstanceKey()),
        form);
  }

  void postReport(Asset asset, String serial) {
    EndOfLifeFixtures.postPassingReport(intake, asset, serial);
  }

  void complete(ProcessInstanceEvent instance, String elementId, Map<String, Object> form) {
    context.completeUserTask(
        UserTaskSelectors.byElementId(elementId, instance.getProcessInstanceKey()), form);
  }

  static Map<String, Object> approval() {
    return EndOfLifeFixtures.approval("Accord, convention à signer sur place");
  }

  Map<String, Object> handover() {
    return EndOfLifeFixtures.handover(today());
  }

  LocalDate today() {
    return EndOfLifeFixtures.today(clock);
  }

  void dismantleTheLot(int units) {
    EndOfLifeFixtures.dismantleTheLot(context, today(), units);
  }

  Asset reload(Asset asset) {
    return inventory.findById(asset.id()).orElseThrow();
  }

  List<CustodyAction> custodyActions(Asset asset) {
    return inventory.custodyOf(asset.id()).stream().map(e -> e.action()).toList();
  }

  OutcomeFact outcomeOf(Asset asset) {
    List<OutcomeFact> facts = outcomes.factsOf(asset.id());
    assertThat(facts).hasSize(1);
    return facts.get(0);
  }

  boolean isPdf(StoredDocument document) {
    return new String(documents.content(document), 0, 5, StandardCharsets.ISO_8859_1)
        .equals("%PDF-");
  }

  // ---------------------------------------------------------------- routes

  @Test
  void shouldDonateThroughTheDirectorsApprovalAndTheHandover() {
    // given: a wiped desktop and an association asking for desktops
    Asset desktop = oldDesktop();
    Beneficiaries.openRequest(application, "APE école Jean-Jaurès", 3, AssetCategory.DESKTOP);
    ProcessInstanceEvent instance =
        EndOfLifeFixtures.wipedAndRoutedToDonation(camunda, context, intake, desktop);
    assertThatUserTask(
            UserTaskSelectors.byElementId(
                Elements.APPROVE_DONATION, instance.getProcessInstanceKey()))
        .isCreated()
        .hasCandidateGroup(CandidateGroups.DIRECTOR);
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.DONATION_PENDING);

    // when
    complete(instance, Elements.APPROVE_DONATION, approval());
    assertThatUserTask(
            UserTaskSelectors.byElementId(
                Elements.HAND_OVER_EQUIPMENT, instance.getProcessInstanceKey()))
        .isCreated()
        .hasCandidateGroup(CandidateGroups.TECHNICIAN);
    complete(instance, Elements.HAND_OVER_EQUIPMENT, handover());

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder(
            Elements.RECORD_ROUTE,
            Elements.MARK_DONATION_PENDING,
            Elements.MATCH_BENEFICIARY,
            Elements.APPROVE_DONATION,
            Elements.PREPARE_DONATION_AGREEMENT,
            Elements.HAND_OVER_EQUIPMENT,
            Elements.RECORD_HANDOVER,
            Elements.MARK_DONATED,
            Elements.DONATION_COMPLETED,
            Elements.RECORD_OUTCOME,
            Elements.ASSET_PROCESSED)
        .hasVariable("outcome", "DONATION")
        .hasVariableSatisfies(
            "donationApproval", Map.class, a -> assertThat(a).containsEntry("approved", true))
        .hasVariableSatisfies(
            "donation",
            Map.class,
            d -> assertThat(d).containsEntry("beneficiaryName", "APE école Jean-Jaurès"));
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.DONATED);
    assertThat(reload(desktop).route()).isEqualTo(DispositionRoute.DONATION);
    SanitizationCertificate certificate =
        certificates.certificatesOf(desktop.id()).stream().findFirst().orElseThrow();
    assertThat(certificate.intact()).isTrue();
    StoredDocument certificatePdf = documents.find(certificate.documentPublicId()).orElseThrow();
    assertThat(certificatePdf.kind()).isEqualTo(DocumentKind.SANITIZATION_CERTIFICATE);
    assertThat(isPdf(certificatePdf)).isTrue();
    List<StoredDocument> agreements =
        documents.ownedBy("asset:" + desktop.inventoryNumber()).stream()
            .filter(d -> d.kind() == DocumentKind.DONATION_AGREEMENT)
            .toList();
    assertThat(agreements).singleElement().satisfies(d -> assertThat(isPdf(d)).isTrue());
    assertThat(inventory.custodyOf(desktop.id()))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(CustodyAction.EVIDENCE);
              assertThat(e.evidence()).isEqualTo(agreements.get(0).evidence());
            })
        .anySatisfy(e -> assertThat(e.action()).isEqualTo(CustodyAction.HANDOVER));
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
    assertThat(outcomeOf(desktop))
        .satisfies(
            f -> {
              assertThat(f.outcome()).isEqualTo("DONATION");
              assertThat(f.reuseOriented()).isTrue();
              assertThat(f.sanitizationOutcome()).isEqualTo("PASSED");
            });
  }

  @Test
  void shouldSendTheHandoverBackToTheTechnicianWhenItIsDatedBeforeTheAgreement() {
    // given: an approved donation, the agreement prepared today
    Asset desktop = oldDesktop();
    Beneficiaries.openRequest(application, "APE école Jean-Jaurès", 3, AssetCategory.DESKTOP);
    ProcessInstanceEvent instance =
        EndOfLifeFixtures.wipedAndRoutedToDonation(camunda, context, intake, desktop);
    complete(instance, Elements.APPROVE_DONATION, approval());
    assertThatUserTask(
            UserTaskSelectors.byElementId(
                Elements.HAND_OVER_EQUIPMENT, instance.getProcessInstanceKey()))
        .isCreated();
    int custody = inventory.custodyOf(desktop.id()).size();

    // when: the technician types the day before the agreement
    Map<String, Object> early = handover();
    early.put("handoverDate", today().minusDays(1).toString());
    complete(instance, Elements.HAND_OVER_EQUIPMENT, early);

    // then: the task is back with the reason, nothing is recorded, no incident
    assertThat(instance)
        .isActive()
        .hasCompletedElements(Elements.HANDOVER_REFUSED)
        .hasCompletedElement(Elements.HAND_OVER_EQUIPMENT, 1)
        .hasActiveElements(Elements.HAND_OVER_EQUIPMENT)
        .hasNotActivatedElements(Elements.MARK_DONATED)
        .hasVariableSatisfies(
            AssetEndOfLifeProcess.Variables.TASK_REFUSAL,
            String.class,
            reason ->
                assertThat(reason)
                    .contains("précède la convention de cession")
                    .contains(
                        today()
                            .minusDays(1)
                            .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.DONATION_PENDING);
    assertThat(inventory.custodyOf(desktop.id())).hasSize(custody);

    // when: the right date
    complete(instance, Elements.HAND_OVER_EQUIPMENT, handover());

    // then: donated once, the reason cleared
    assertThat(instance)
        .isCompleted()
        .hasCompletedElement(Elements.HAND_OVER_EQUIPMENT, 2)
        .hasCompletedElements(Elements.RECORD_HANDOVER, Elements.MARK_DONATED)
        .hasVariable("outcome", "DONATION")
        .hasVariable(AssetEndOfLifeProcess.Variables.TASK_REFUSAL, null);
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.DONATED);
    assertThat(custodyActions(desktop)).filteredOn(a -> a == CustodyAction.HANDOVER).hasSize(1);
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
  }

  @Test
  void shouldReuseAMonitorInternallyOnceTheWorkshopReportsItDone() {
    // given
    Reconditioners.workshop(application);
    Asset monitor = recentMonitor();
    ProcessInstanceEvent instance = retire(monitor);
    collect(instance, inspected("A", true));
    assertThat(instance)
        .hasVariable("sanitizationOutcome", "NO_STORAGE")
        .hasVariable("route", "INTERNAL_REUSE")
        .isWaitingForMessage(
            AssetEndOfLifeProcess.Messages.RECONDITIONING_COMPLETED, monitor.id().toString());
    assertThat(reload(monitor).status()).isEqualTo(AssetStatus.RECONDITIONING);

    // when
    String order =
        Reconditioners.completeTheOrderOf(
            application, monitor.id(), ReconditioningResults.RECONDITIONED);

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder(
            Elements.STORAGE_GATEWAY,
            Elements.MARK_SANITIZED,
            Elements.DECIDE_ROUTE,
            Elements.RECORD_ROUTE,
            Elements.MARK_RECONDITIONING,
            Elements.CREATE_RECONDITIONING_ORDER,
            Elements.WAIT_FOR_RECONDITIONING,
            Elements.MARK_IN_STOCK,
            Elements.RECONDITIONING_COMPLETED,
            Elements.RECORD_OUTCOME)
        .hasNotActivatedElements(Elements.WAIT_FOR_WIPE_REPORT)
        .hasVariable("outcome", "INTERNAL_REUSE")
        .hasVariable("reconditioningResult", "RECONDITIONED");
    assertThat(reload(monitor).status()).isEqualTo(AssetStatus.IN_STOCK);
    assertThat(inventory.custodyOf(monitor.id()))
        .anySatisfy(e -> assertThat(e.details()).contains("Remise en état", order));
    assertThat(inventory.verifyCustody(monitor.id()).valid()).isTrue();
    assertThat(outcomeOf(monitor))
        .satisfies(
            f -> {
              assertThat(f.outcome()).isEqualTo("INTERNAL_REUSE");
              assertThat(f.reconditioningCostCents()).isEqualTo(4_500L);
              assertThat(f.lifetimeExtensionYears()).isEqualByComparingTo("2");
            });
  }

  @Test
  void shouldReconditionABrokenRecentDesktopAndRemindEveryTwoWeeks() {
    // given: broken but recent, sent to a supplier
    Reconditioners.supplier(application, "Recyclerie numérique normande");
    Asset desktop = recentDesktop();
    ProcessInstanceEvent instance = retire(desktop);
    collect(instance, inspected("B", false));
    assertThat(instance)
        .hasVariable("route", "RECONDITION")
        .hasActiveElements(Elements.WAIT_FOR_RECONDITIONING);
    assertThat(custodyActions(desktop)).contains(CustodyAction.HANDOVER);

    // when: four weeks without news
    context.increaseTime(Duration.ofDays(14));
    assertThat(instance).hasCompletedElement(Elements.SEND_RECONDITIONING_REMINDER, 1);
    context.increaseTime(Duration.ofDays(14));

    // then: one e-mail per firing to the asset managers
    assertThat(instance)
        .hasCompletedElement(Elements.SEND_RECONDITIONING_REMINDER, 2)
        .hasActiveElements(Elements.WAIT_FOR_RECONDITIONING);
    assertThat(
            notifications.latest(500).stream()
                .filter(
                    n ->
                        n.operationId()
                            .startsWith(
                                "reminder:RECONDITIONING_OVERDUE:"
                                    + instance.getProcessInstanceKey()
                                    + ":"))
                .toList())
        .hasSize(2)
        .allSatisfy(
            n -> {
              assertThat(n.recipient()).isEqualTo("gestion-parc@chu.example");
              assertThat(n.subject()).endsWith(desktop.inventoryNumber());
              assertThat(n.body()).contains("Recyclerie numérique normande");
            });

    // when: the supplier reports it repaired
    Reconditioners.completeTheOrderOf(
        application, desktop.id(), ReconditioningResults.RECONDITIONED);

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElements(Elements.MARK_IN_STOCK, Elements.RECORD_OUTCOME)
        .hasVariable("outcome", "RECONDITION");
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.IN_STOCK);
    assertThat(custodyActions(desktop))
        .filteredOn(a -> a == CustodyAction.HANDOVER)
        .hasSize(2); // to the supplier and back
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
    assertThat(outcomeOf(desktop).outcome()).isEqualTo("RECONDITION");
  }

  @Test
  void shouldRecycleThroughADismantlingLotOfTheAdaptedCompany() {
    // given: a lot closes at one asset
    AdaptedCompanies.underContract(application, "Les Ateliers du Cailly", 1);
    Asset desktop = veryOldDesktop();
    ProcessInstanceEvent instance = retire(desktop);
    collect(instance, inspected("B", true));
    assertThat(instance)
        .hasVariable("route", "RECYCLE")
        .hasCompletedElements(Elements.MARK_RECYCLING_PENDING, Elements.ADD_TO_DISMANTLING_LOT)
        .isWaitingForMessage(
            AssetEndOfLifeProcess.Messages.DISMANTLING_COMPLETED, desktop.id().toString());
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.RECYCLING_PENDING);

    // when: the adapted company picks the lot up and sends its attestation
    dismantleTheLot(1);

    // then
    assertThat(ProcessInstanceSelectors.byProcessId(DismantlingLotProcess.PROCESS_ID))
        .isCompleted()
        .hasCompletedElements(
            DismantlingLotProcess.Elements.LOT_FULL,
            DismantlingLotProcess.Elements.RECORD_PICKUP,
            DismantlingLotProcess.Elements.PUBLISH_DISMANTLING_COMPLETED);
    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder(
            Elements.ADD_TO_DISMANTLING_LOT,
            Elements.WAIT_FOR_DISMANTLING,
            Elements.MARK_RECYCLED,
            Elements.RECORD_OUTCOME)
        .hasVariable("outcome", "RECYCLE")
        .hasVariableSatisfies(
            "dismantling",
            Map.class,
            d ->
                assertThat(d)
                    .containsEntry(
                        "wasteTrackingNumber",
                        "BSD-" + today().toString().replace("-", "") + "-A1B2C3D4E"));
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.RECYCLED);
    assertThat(custodyActions(desktop)).contains(CustodyAction.HANDOVER, CustodyAction.EVIDENCE);
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
    assertThat(outcomeOf(desktop))
        .satisfies(
            f -> {
              assertThat(f.outcome()).isEqualTo("RECYCLE");
              assertThat(f.reuseOriented()).isFalse();
            });
  }

  // ---------------------------------------------------------------- fallbacks

  @Test
  void shouldFallBackToReconditioningAfterFourSearchesWithoutBeneficiary() {
    // given: a donation, but no association asks for anything
    Reconditioners.supplier(application, "Recyclerie numérique normande");
    Asset desktop = oldDesktop();
    ProcessInstanceEvent instance = retire(desktop);
    collect(instance, inspected("B", true));
    assertThat(instance)
        .hasVariable("route", "DONATION")
        .hasTerminatedElement(Elements.MATCH_BENEFICIARY, 1)
        .hasActiveElements(Elements.WAIT_FOR_DONATION_REQUEST);

    // when: three weeks, a search each week
    for (int week = 1; week <= 3; week++) {
      context.increaseTime(Duration.ofDays(7));
      assertThat(instance).hasTerminatedElement(Elements.MATCH_BENEFICIARY, week + 1);
    }

    // then: the donation is abandoned, the working desktop goes to reconditioning
    assertThat(instance)
        .hasCompletedElement(Elements.NO_BENEFICIARY_AVAILABLE, 4)
        .hasCompletedElement(Elements.WAIT_FOR_DONATION_REQUEST, 3)
        .hasTerminatedElements(Elements.NO_BENEFICIARY_FOUND, Elements.DONATION)
        .hasCompletedElements(
            Elements.DONATION_ABANDONED,
            Elements.CHOOSE_FALLBACK_ROUTE,
            Elements.MARK_RECONDITIONING,
            Elements.CREATE_RECONDITIONING_ORDER)
        .hasCompletedElement(Elements.RECORD_ROUTE, 2)
        .hasActiveElements(Elements.WAIT_FOR_RECONDITIONING)
        .hasVariable("route", "RECONDITION")
        .hasVariable("routeArbitrated", false);
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.RECONDITIONING);
    assertThat(reload(desktop).route()).isEqualTo(DispositionRoute.RECONDITION);
    assertThat(inventory.custodyOf(desktop.id()))
        .filteredOn(e -> e.action() == CustodyAction.ROUTE_ASSIGNED)
        .hasSize(2);
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
  }

  @Test
  void shouldFallBackToReconditioningWhenTheDirectorRefusesTheDonation() {
    // given
    Reconditioners.supplier(application, "Recyclerie numérique normande");
    Asset desktop = oldDesktop();
    Beneficiaries.openRequest(application, "APE école Jean-Jaurès", 3, AssetCategory.DESKTOP);
    ProcessInstanceEvent instance = retire(desktop);
    collect(instance, inspected("B", true));
    assertThat(instance).hasActiveElements(Elements.APPROVE_DONATION);

    // when
    complete(
        instance,
        Elements.APPROVE_DONATION,
        Map.of(
            "donationDecision",
            "REFUSED",
            "refusalReason",
            "Le service garde ce poste en réserve pour les urgences"));

    // then
    assertThat(instance)
        .hasTerminatedElements(Elements.DONATION_REFUSED, Elements.DONATION)
        .hasCompletedElements(Elements.DONATION_ABANDONED, Elements.CHOOSE_FALLBACK_ROUTE)
        .hasNotActivatedElements(Elements.PREPARE_DONATION_AGREEMENT)
        .hasActiveElements(Elements.WAIT_FOR_RECONDITIONING)
        .hasVariableSatisfies(
            "donationApproval",
            Map.class,
            a ->
                assertThat(a)
                    .containsEntry("approved", false)
                    .containsEntry(
                        "refusalReason", "Le service garde ce poste en réserve pour les urgences"))
        .hasVariable("route", "RECONDITION");
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.RECONDITIONING);
    assertThat(
            documents.ownedBy("asset:" + desktop.inventoryNumber()).stream()
                .filter(d -> d.kind() == DocumentKind.DONATION_AGREEMENT))
        .isEmpty();
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
  }

  @Test
  void shouldFallBackToRecyclingWhenTheAssetIsBeyondRepair() {
    // given
    Reconditioners.supplier(application, "Recyclerie numérique normande");
    AdaptedCompanies.underContract(application, "Les Ateliers du Cailly", 1);
    Asset desktop = recentDesktop();
    ProcessInstanceEvent instance = retire(desktop);
    collect(instance, inspected("B", false));
    assertThat(instance).hasActiveElements(Elements.WAIT_FOR_RECONDITIONING);

    // when
    Reconditioners.completeTheOrderOf(
        application, desktop.id(), ReconditioningResults.BEYOND_REPAIR);

    // then
    assertThat(instance)
        .hasTerminatedElements(Elements.RECONDITIONING_FAILED, Elements.RECONDITIONING)
        .hasCompletedElements(
            Elements.RECONDITIONING_ABANDONED,
            Elements.CHOOSE_FALLBACK_ROUTE,
            Elements.MARK_RECYCLING_PENDING,
            Elements.ADD_TO_DISMANTLING_LOT)
        .hasVariable("route", "RECYCLE")
        .isWaitingForMessage(
            AssetEndOfLifeProcess.Messages.DISMANTLING_COMPLETED, desktop.id().toString());
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.RECYCLING_PENDING);

    // when
    dismantleTheLot(1);

    // then
    assertThat(instance).isCompleted().hasVariable("outcome", "RECYCLE");
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.RECYCLED);
    assertThat(outcomeOf(desktop))
        .satisfies(
            f -> {
              assertThat(f.outcome()).isEqualTo("RECYCLE");
              assertThat(f.route()).isEqualTo("RECYCLE");
            });
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
  }
}
