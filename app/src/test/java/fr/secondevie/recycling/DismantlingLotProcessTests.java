package fr.secondevie.recycling;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.Notification;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess;
import fr.secondevie.processes.DismantlingLotProcess.Elements;
import fr.secondevie.processes.Reminders;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.CamundaClient;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Process tests of P3 {@code dismantling-lot} (Camunda Process Test, REMOTE mode against the test
 * JVM's engine) with the application's own job workers: assets enter the lot the way P2 puts them
 * there (P2 instances started at {@code add-to-dismantling-lot}, the real {@code
 * dismantling.add-to-lot} worker), the user tasks are completed with the variables their forms
 * submit, and each P2 instance waiting for its asset receives {@code DismantlingCompleted}.
 */
@SpringBootTest
@CamundaSpringProcessTest
class DismantlingLotProcessTests {

  static final Duration PATIENCE = Duration.ofSeconds(30);
  static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired AdaptedCompanyRegistry registry;
  @Autowired DismantlingLotRepository lots;
  @Autowired InventoryService inventory;
  @Autowired DocumentService documents;
  @Autowired NotificationService notifications;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired fr.secondevie.inventory.InspectionService inspections;
  @Autowired Clock clock;
  @Autowired JdbcTemplate jdbc;

  Assets assets;
  LocalDate today;

  @BeforeEach
  void clean() {
    RecyclingFixtures.clean(jdbc);
    TestDatabase.clean(jdbc);
    assets = new Assets(inventory, planner, certificates, inspections);
    today = LocalDate.now(clock.withZone(LotCommands.PARIS));
  }

  @Test
  void shouldCloseTheLotOnSizeThenRecordPickupAndAttestationAndTellEveryAsset() {
    // given: an adapted company taking lots of two
    AdaptedCompany company =
        registry.create(RecyclingFixtures.company("Les Ateliers du Cailly", 2, true));
    Asset desktop =
        assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.RECYCLING_PENDING, "E1");
    Asset monitor = assets.sanitizedThen(AssetCategory.MONITOR, AssetStatus.RECYCLING_PENDING);

    // when: P2 adds both assets to the lot
    long firstAsset = startAtAddToLot(desktop);
    long secondAsset = startAtAddToLot(monitor);

    // then: the second fills the lot, DismantlingLotFull closes it and its order is sent
    DismantlingLot lot = awaitLotOf(desktop, LotStatus.ORDER_SENT);
    assertThat(lots.findByAsset(monitor.id()).orElseThrow().id()).isEqualTo(lot.id());
    long lotInstance = lot.processInstanceKey();
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasActiveElements(Elements.CONFIRM_PICKUP)
        .hasCompletedElementsInOrder(
            Elements.LOT_OPENED,
            Elements.LOT_CLOSING_GATEWAY,
            Elements.LOT_FULL,
            Elements.CLOSE_LOT,
            Elements.SEND_DISMANTLING_ORDER)
        .hasNotActivatedElements(Elements.LOT_MAX_DURATION)
        .hasCorrelatedMessage(
            DismantlingLotProcess.Messages.DISMANTLING_LOT_FULL, Long.toString(lot.id()))
        .hasVariable(DismantlingLotProcess.Variables.LOT_ID, json(lot.id()))
        .hasVariable(DismantlingLotProcess.Variables.ADAPTED_COMPANY_ID, json(company.id()))
        .hasVariable(DismantlingLotProcess.Variables.LOT_ASSET_COUNT, 2);
    assertThat(lot.closedReason()).isEqualTo(DismantlingLot.ClosedReason.SIZE);
    assertThat(documents.find(lot.orderDocumentId()).orElseThrow().kind())
        .isEqualTo(DocumentKind.DISMANTLING_ORDER);
    assertThat(notifications.latest(1000))
        .filteredOn(n -> n.operationId().equals("dismantling-order:" + lot.id()))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo(company.email());
              assertThat(n.attachmentIds()).containsExactly(lot.orderDocumentId());
            });
    for (long p2 : List.of(firstAsset, secondAsset)) {
      assertThatProcessInstance(ProcessInstanceSelectors.byKey(p2))
          .hasActiveElements(AssetEndOfLifeProcess.Elements.WAIT_FOR_DISMANTLING)
          .hasVariable(AssetEndOfLifeProcess.Variables.DISMANTLING_LOT_ID, json(lot.id()));
    }

    // when: the technician confirms the pickup, the manager enters the attestation
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.CONFIRM_PICKUP, lotInstance),
        pickupForm(2, "23.5", slip(today)));
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasActiveElements(Elements.ENTER_ATTESTATION);
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.ENTER_ATTESTATION, lotInstance),
        attestationForm("180.00", "120.50"));

    // then: the lot is done and each waiting P2 instance received its DismantlingCompleted once
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .isCompleted()
        .hasCompletedElementsInOrder(
            Elements.CONFIRM_PICKUP,
            Elements.RECORD_PICKUP,
            Elements.ENTER_ATTESTATION,
            Elements.RECORD_ATTESTATION,
            Elements.PUBLISH_DISMANTLING_COMPLETED,
            Elements.LOT_COMPLETED)
        .hasVariable(DismantlingLotProcess.Variables.COMPLETED_ASSET_COUNT, 2);
    for (Asset asset : List.of(desktop, monitor)) {
      long p2 = asset.id() == desktop.id() ? firstAsset : secondAsset;
      assertThatProcessInstance(ProcessInstanceSelectors.byKey(p2))
          .isCompleted()
          .hasCorrelatedMessage(
              AssetEndOfLifeProcess.Messages.DISMANTLING_COMPLETED, Long.toString(asset.id()))
          .hasCompletedElement(AssetEndOfLifeProcess.Elements.WAIT_FOR_DISMANTLING, 1)
          .hasCompletedElements(
              AssetEndOfLifeProcess.Elements.MARK_RECYCLED,
              AssetEndOfLifeProcess.Elements.RECORD_OUTCOME)
          .hasVariableSatisfies(
              AssetEndOfLifeProcess.Variables.DISMANTLING,
              Map.class,
              d -> {
                assertThat(d.get("lotId")).isEqualTo(json(lot.id()));
                assertThat(d.get("wasteTrackingNumber")).isEqualTo(slip(today));
                assertThat(d.get("recyclingCertificateRef")).isEqualTo("CR-2026-0412");
              });
      assertThat(inventory.findById(asset.id()).orElseThrow().status())
          .isEqualTo(AssetStatus.RECYCLED);
      assertThat(inventory.custodyOf(asset.id()))
          .extracting(DismantlingLotProcessTests::step)
          .containsSubsequence(
              "NOTE:" + LotPlacement.ACTOR,
              "EVIDENCE:" + LotOrdering.ACTOR,
              "HANDOVER:" + LotPickup.ACTOR,
              "EVIDENCE:" + LotAttestation.ACTOR,
              "STATUS_CHANGED:RECYCLED");
      assertThat(inventory.custodyOf(asset.id()))
          .filteredOn(e -> e.action() == CustodyAction.HANDOVER)
          .singleElement()
          .satisfies(e -> assertThat(e.details()).contains("23,5 kg", slip(today)));
      assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
    }
    DismantlingLot done = lots.findById(lot.id()).orElseThrow();
    assertThat(done.status()).isEqualTo(LotStatus.COMPLETED);
    assertThat(done.pickedUpOn()).isEqualTo(today);
    assertThat(done.pickedUpUnits()).isEqualTo(2);
    assertThat(done.weightKg()).isEqualByComparingTo("23.5");
    assertThat(done.wasteTrackingNumber()).isEqualTo(slip(today));
    assertThat(done.carrier()).isEqualTo("Transports Lemarchand");
    assertThat(done.recyclingCertificateRef()).isEqualTo("CR-2026-0412");
    assertThat(done.eaAttestationRef()).isEqualTo("ATT-EA-2026-88");
    assertThat(done.invoiceCents()).isEqualTo(18_000L);
    assertThat(done.labourCostCents()).isEqualTo(12_050L);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(lots.findById(lot.id()).orElseThrow().assets())
                    .allSatisfy(a -> assertThat(a.completionPublishedAt()).isNotNull()));
    assertThat(notifications.latest(1000))
        .filteredOn(n -> n.operationId().equals("dismantling-order:" + lot.id()))
        .hasSize(1);
  }

  @Test
  void shouldCloseALotThatDoesNotFillUpAfterThirtyDays() {
    // given: lots of five, only two assets to recycle
    registry.create(RecyclingFixtures.company("ESAT La Chaloupe", 5, true));
    Asset desktop =
        assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.RECYCLING_PENDING, "E2");
    Asset printer = assets.sanitizedThen(AssetCategory.PRINTER, AssetStatus.RECYCLING_PENDING);
    long firstAsset = startAtAddToLot(desktop);
    startAtAddToLot(printer);
    DismantlingLot open = awaitLotOf(desktop, LotStatus.OPEN);
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> lots.findById(open.id()).orElseThrow().assetCount() == 2);
    long lotInstance = lots.findById(open.id()).orElseThrow().processInstanceKey();
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasActiveElements(Elements.LOT_CLOSING_GATEWAY);
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(firstAsset))
        .isWaitingForMessage(
            AssetEndOfLifeProcess.Messages.DISMANTLING_COMPLETED, Long.toString(desktop.id()));

    // when: thirty days pass
    processTestContext.increaseTime(Duration.ofDays(30).plusMinutes(1));

    // then: the timer closed the lot with its two assets and the order went out
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasActiveElements(Elements.CONFIRM_PICKUP)
        .hasCompletedElementsInOrder(
            Elements.LOT_OPENED,
            Elements.LOT_CLOSING_GATEWAY,
            Elements.LOT_MAX_DURATION,
            Elements.CLOSE_LOT,
            Elements.SEND_DISMANTLING_ORDER)
        .hasNotActivatedElements(Elements.LOT_FULL)
        .hasVariable(DismantlingLotProcess.Variables.LOT_ASSET_COUNT, 2);
    DismantlingLot lot = lots.findById(open.id()).orElseThrow();
    assertThat(lot.status()).isEqualTo(LotStatus.ORDER_SENT);
    assertThat(lot.closedReason()).isEqualTo(DismantlingLot.ClosedReason.TIME);
    assertThat(lot.targetSize()).isEqualTo(5);
    assertThat(documents.find(lot.orderDocumentId()).orElseThrow().kind())
        .isEqualTo(DocumentKind.DISMANTLING_ORDER);
    assertThat(notifications.latest(1000))
        .filteredOn(n -> n.operationId().equals("dismantling-order:" + lot.id()))
        .hasSize(1);

    // when: the lot is picked up and attested
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.CONFIRM_PICKUP, lotInstance),
        pickupForm(2, "31", slip(today)));
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.ENTER_ATTESTATION, lotInstance),
        attestationForm("95.00", "60.00"));

    // then
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .isCompleted()
        .hasCompletedElements(Elements.PUBLISH_DISMANTLING_COMPLETED, Elements.LOT_COMPLETED);
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(firstAsset))
        .isCompleted()
        .hasCompletedElements(AssetEndOfLifeProcess.Elements.MARK_RECYCLED);
    for (Asset asset : List.of(desktop, printer)) {
      Awaitility.await()
          .atMost(PATIENCE)
          .until(
              () -> inventory.findById(asset.id()).orElseThrow().status() == AssetStatus.RECYCLED);
      assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
    }
    assertThat(lots.findById(lot.id()).orElseThrow().status()).isEqualTo(LotStatus.COMPLETED);
  }

  @Test
  void shouldRemindTheTechniciansWeeklyOfThePickupThenTheAssetManagersOfTheAttestation() {
    // given: a lot of one, ordered, waiting for its pickup
    registry.create(RecyclingFixtures.company("Les Ateliers du Cailly", 1, true));
    Asset desktop =
        assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.RECYCLING_PENDING, "E4");
    startAtAddToLot(desktop);
    DismantlingLot lot = awaitLotOf(desktop, LotStatus.ORDER_SENT);
    long lotInstance = lot.processInstanceKey();
    // the lot is ORDER_SENT before the engine completes the order job and arms the reminder timer
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasActiveElements(Elements.CONFIRM_PICKUP);

    // when: two weeks without pickup
    processTestContext.increaseTime(Duration.ofDays(7));
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasCompletedElement(Elements.SEND_PICKUP_REMINDER, 1);
    processTestContext.increaseTime(Duration.ofDays(7));

    // then: one e-mail per week to the technicians, the task still open
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasCompletedElement(Elements.SEND_PICKUP_REMINDER, 2)
        .hasCompletedElement(Elements.PICKUP_REMINDER_SENT, 2)
        .hasActiveElements(Elements.CONFIRM_PICKUP);
    assertThat(reminders(Reminders.PICKUP_OVERDUE, lotInstance))
        .hasSize(2)
        .allSatisfy(
            n -> {
              assertThat(n.recipient()).isEqualTo("dsi-techniciens@chu.example");
              assertThat(n.subject()).endsWith("lot de démantèlement n° " + lot.id());
              assertThat(n.body()).contains("bon de commande " + lot.orderNumber());
            });

    // when: picked up, then two weeks without the attestation
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.CONFIRM_PICKUP, lotInstance),
        pickupForm(1, "8.4", slip(today)));
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasActiveElements(Elements.ENTER_ATTESTATION);
    processTestContext.increaseTime(Duration.ofDays(14));

    // then: the asset managers are asked for it once; the pickup reminder ended with its task
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasCompletedElement(Elements.SEND_ATTESTATION_REMINDER, 1)
        .hasCompletedElement(Elements.SEND_PICKUP_REMINDER, 2)
        .hasActiveElements(Elements.ENTER_ATTESTATION);
    assertThat(reminders(Reminders.ATTESTATION_OVERDUE, lotInstance))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo("gestion-parc@chu.example");
              assertThat(n.subject())
                  .endsWith("attestation du lot de démantèlement n° " + lot.id());
            });
    assertThat(reminders(Reminders.PICKUP_OVERDUE, lotInstance)).hasSize(2);

    // when: the attestation arrives
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.ENTER_ATTESTATION, lotInstance),
        attestationForm("40.00", "25.00"));

    // then
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .isCompleted()
        .hasCompletedElements(Elements.PUBLISH_DISMANTLING_COMPLETED, Elements.LOT_COMPLETED);
    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () -> inventory.findById(desktop.id()).orElseThrow().status() == AssetStatus.RECYCLED);
  }

  /** The reminders of this kind sent by the lot's instance. */
  List<Notification> reminders(String reminder, long lotInstance) {
    return notifications.latest(500).stream()
        .filter(n -> n.operationId().startsWith("reminder:" + reminder + ":" + lotInstance + ":"))
        .toList();
  }

  @Test
  void shouldSendBackAPickupWhoseWasteTrackingSlipIsDatedAfterItAndGoOnOnceCorrected() {
    // given: a lot of one, ordered
    registry.create(RecyclingFixtures.company("Les Ateliers du Cailly", 1, true));
    Asset desktop =
        assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.RECYCLING_PENDING, "E3");
    startAtAddToLot(desktop);
    DismantlingLot lot = awaitLotOf(desktop, LotStatus.ORDER_SENT);
    long lotInstance = lot.processInstanceKey();

    // when: the slip number has the form's shape but a date after the pickup
    String tomorrowsSlip = slip(today.plusDays(1));
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.CONFIRM_PICKUP, lotInstance),
        pickupForm(1, "9.2", tomorrowsSlip));

    // then: the technician gets the task back with the reason; nothing is recorded
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasNoActiveIncidents()
        .hasCompletedElements(Elements.PICKUP_REFUSED)
        .hasActiveElements(Elements.CONFIRM_PICKUP)
        .hasNotActivatedElements(Elements.ENTER_ATTESTATION)
        .hasVariableSatisfies(
            DismantlingLotProcess.Variables.TASK_REFUSAL,
            String.class,
            reason -> assertThat(reason).contains("La date du bordereau (" + today.plusDays(1)));
    DismantlingLot refused = lots.findById(lot.id()).orElseThrow();
    assertThat(refused.status()).isEqualTo(LotStatus.ORDER_SENT);
    assertThat(refused.pickedUpOn()).isNull();
    assertThat(refused.wasteTrackingNumber()).isNull();
    assertThat(inventory.custodyOf(desktop.id()))
        .noneMatch(e -> e.action() == CustodyAction.HANDOVER);

    // when: the technician corrects the slip in the same task
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.CONFIRM_PICKUP, lotInstance),
        pickupForm(1, "9.2", slip(today)));

    // then: the pickup is recorded and the lot waits for its attestation
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(lotInstance))
        .hasNoActiveIncidents()
        .hasCompletedElements(Elements.RECORD_PICKUP)
        .hasActiveElements(Elements.ENTER_ATTESTATION)
        .hasVariable(DismantlingLotProcess.Variables.TASK_REFUSAL, null);
    DismantlingLot pickedUp = lots.findById(lot.id()).orElseThrow();
    assertThat(pickedUp.status()).isEqualTo(LotStatus.PICKED_UP);
    assertThat(pickedUp.wasteTrackingNumber()).isEqualTo(slip(today));
    assertThat(inventory.custodyOf(desktop.id()))
        .filteredOn(e -> e.action() == CustodyAction.HANDOVER)
        .singleElement()
        .satisfies(e -> assertThat(e.evidence()).isEqualTo("bordereau " + slip(today)));
    assertThat(inventory.verifyCustody(desktop.id()).valid()).isTrue();
  }

  /** P2 from the task that adds the asset to a lot, with what P2 holds by then. */
  long startAtAddToLot(Asset asset) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(AssetEndOfLifeProcess.PROCESS_ID)
        .latestVersion()
        .variables(
            Map.of(
                "assetId", asset.id(),
                "route", "RECYCLE",
                "routeReason", "décision asset-route : hors d'usage",
                "routeArbitrated", false,
                "sanitizationOutcome", "PASSED"))
        .startBeforeElement(AssetEndOfLifeProcess.Elements.ADD_TO_DISMANTLING_LOT)
        .send()
        .join()
        .getProcessInstanceKey();
  }

  DismantlingLot awaitLotOf(Asset asset, LotStatus status) {
    Awaitility.await()
        .atMost(PATIENCE)
        .until(
            () ->
                lots.findByAsset(asset.id())
                    .filter(l -> l.status() == status && l.processInstanceKey() != null)
                    .isPresent());
    return lots.findByAsset(asset.id()).orElseThrow();
  }

  /** What form {@code confirm-pickup} submits. */
  Map<String, Object> pickupForm(int units, String weightKg, String slip) {
    return Map.of(
        "pickupDate",
        today.toString(),
        "pickedUpUnitCount",
        units,
        "weightKg",
        new BigDecimal(weightKg),
        "wasteTrackingNumber",
        slip,
        "carrierName",
        "Transports Lemarchand",
        "pickupNotes",
        "Palette filmée, enlèvement quai B");
  }

  /** What form {@code enter-attestation} submits. */
  Map<String, Object> attestationForm(String invoice, String labour) {
    return Map.of(
        "recyclingCertificateRef",
        "CR-2026-0412",
        "recyclingCertificateDate",
        today.toString(),
        "eaAttestationRef",
        "ATT-EA-2026-88",
        "invoiceAmountExclTax",
        new BigDecimal(invoice),
        "labourCost",
        new BigDecimal(labour),
        "attestationNotes",
        "");
  }

  static String slip(LocalDate createdOn) {
    return "BSD-" + BASIC.format(createdOn) + "-A1B2C3D4E";
  }

  /** An id as CPT reads it back from the variable's JSON (an Integer while it fits). */
  static Object json(long id) {
    return id <= Integer.MAX_VALUE ? (Object) (int) id : (Object) id;
  }

  static String step(CustodyEntry e) {
    return e.action() == CustodyAction.STATUS_CHANGED
        ? "STATUS_CHANGED:" + e.toStatus()
        : e.action() + ":" + e.actor();
  }
}
