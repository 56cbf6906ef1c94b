package fr.secondevie.recycling;

import static fr.secondevie.recycling.RecyclingFixtures.company;
import static fr.secondevie.recycling.RecyclingFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.Notification;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess.ErrorCodes;
import fr.secondevie.processes.DismantlingLotProcess.JobTypes;
import fr.secondevie.processes.DismantlingLotProcess.Variables;
import fr.secondevie.recycling.DismantlingWorkers.AttestationVariable;
import fr.secondevie.recycling.DismantlingWorkers.PickupVariable;
import fr.secondevie.recycling.LotEvents.AssetDismantled;
import fr.secondevie.recycling.LotEvents.LotFull;
import fr.secondevie.recycling.LotEvents.LotOpened;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import fr.secondevie.support.EventPublications;
import fr.secondevie.support.TestClock;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The recycling workers (P2's add-to-lot and P3's) called as the engine would, on the real
 * database, with the process runtime replaced by a mock that records what would be started and
 * published. Its job workers stay closed: with the runtime mocked, they must not take the jobs of
 * the process tests sharing the engine (this context stays cached).
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
class DismantlingWorkersTests {

  /** A waste tracking slip (BSD) number of the given day, in the Trackdéchets form. */
  static String bsdOf(LocalDate day) {
    return "BSD-" + day.format(DateTimeFormatter.BASIC_ISO_DATE) + "-K7P9X2M4Q";
  }

  @MockitoBean LotProcesses processes;
  @Autowired DismantlingWorkers workers;
  @Autowired LotPlacement placement;
  @Autowired AdaptedCompanyRegistry registry;
  @Autowired DismantlingLotRepository lots;
  @Autowired InventoryService inventory;
  @Autowired DocumentService documents;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;
  @Autowired EventPublicationRegistry eventRegistry;
  @Autowired CompletedEventPublications completedEvents;
  @Autowired IncompleteEventPublications incompleteEvents;

  String todayBsd;
  EventPublications publications;

  @BeforeEach
  void dateTheSlip() {
    todayBsd = bsdOf(clock.today());
  }

  Assets assets;
  long processKey = 4_503_599_627_370_000L;

  @BeforeEach
  void setUp() {
    RecyclingFixtures.clean(jdbc);
    assets = new Assets(inventory, planner, certificates);
    publications = new EventPublications(eventRegistry, completedEvents, incompleteEvents);
    when(processes.startLot(anyLong(), anyLong())).thenAnswer(i -> ++processKey);
  }

  @AfterEach
  void awaitLotEvents() {
    RecyclingFixtures.awaitLotEvents(publications, jdbc);
  }

  Asset toRecycle() {
    return assets.sanitizedThen(
        AssetCategory.DESKTOP, AssetStatus.RECYCLING_PENDING, "S-" + System.nanoTime());
  }

  long add(Asset asset) {
    return workers
        .addToLot(job(AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT), asset.id())
        .dismantlingLotId();
  }

  /** A lot of {@code size} assets, full and closed on size. */
  DismantlingLot closedLot(int size) {
    registry.create(company("Les Ateliers du Cailly", size, true));
    long lotId = 0;
    for (int i = 0; i < size; i++) {
      lotId = add(toRecycle());
    }
    workers.closeLot(lotId);
    return lots.findById(lotId).orElseThrow();
  }

  @Test
  void shouldPutAssetsAddedAtTheSameMomentInOneLot() throws Exception {
    // given: four P2 instances reach add-to-lot together
    AdaptedCompany company = registry.create(company("Les Ateliers du Cailly", 10, true));
    List<Asset> pending = List.of(toRecycle(), toRecycle(), toRecycle(), toRecycle());
    ExecutorService pool = Executors.newFixedThreadPool(pending.size());
    CountDownLatch start = new CountDownLatch(1);

    // when
    List<Future<Long>> placed = new ArrayList<>();
    for (Asset asset : pending) {
      placed.add(
          pool.submit(
              () -> {
                start.await();
                return add(asset);
              }));
    }
    start.countDown();
    Set<Long> lotIds = new HashSet<>();
    for (Future<Long> lotId : placed) {
      lotIds.add(lotId.get(30, TimeUnit.SECONDS));
    }
    pool.shutdown();

    // then: one lot holds them all, one process started
    assertThat(lotIds).hasSize(1);
    long lotId = lotIds.iterator().next();
    assertThat(lots.findById(lotId).orElseThrow().assetCount()).isEqualTo(4);
    LotOpened opened = new LotOpened(lotId, company.id());
    publications.awaitCompleted(opened);
    assertThat(publications.of(opened)).hasSize(1);
    verify(processes, times(1)).startLot(anyLong(), anyLong());
  }

  @Test
  void shouldOpenALotAndStartItsProcessOnceWhenTheJobIsDeliveredTwice() {
    // given
    AdaptedCompany company = registry.create(company("Les Ateliers du Cailly", 50, true));
    Asset asset = toRecycle();
    ActivatedJob job = job(AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT);

    // when
    long first = workers.addToLot(job, asset.id()).dismantlingLotId();
    long second = workers.addToLot(job, asset.id()).dismantlingLotId();

    // then
    assertThat(second).isEqualTo(first);
    publications.awaitCompleted(new LotOpened(first, company.id()));
    assertThat(publications.of(new LotOpened(first, company.id()))).hasSize(1);
    assertThat(publications.of(new LotFull(first))).isEmpty();
    DismantlingLot lot = lots.findById(first).orElseThrow();
    assertThat(lot.status()).isEqualTo(LotStatus.OPEN);
    assertThat(lot.number()).matches("LOT-\\d{4}-\\d{4}");
    assertThat(lot.assets()).extracting(LotAsset::assetId).containsExactly(asset.id());
    assertThat(lot.processInstanceKey()).isEqualTo(processKey);
    verify(processes, times(1)).startLot(first, company.id());
    verify(processes, never()).publishLotFull(anyLong());
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.actor().equals(LotPlacement.ACTOR))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains(lot.number(), "1/50"));
  }

  @Test
  void shouldPublishLotFullOnceWhenTheLotReachesItsSizeThenOpenANewLot() {
    // given
    AdaptedCompany company = registry.create(company("Les Ateliers du Cailly", 2, true));
    Asset a1 = toRecycle();
    Asset a2 = toRecycle();
    Asset a3 = toRecycle();
    ActivatedJob secondJob = job(AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT);

    // when
    long lot1 = add(a1);
    long lotOfSecond = workers.addToLot(secondJob, a2.id()).dismantlingLotId();
    workers.addToLot(secondJob, a2.id());
    long lot2 = add(a3);

    // then
    assertThat(lotOfSecond).isEqualTo(lot1);
    assertThat(lot2).isNotEqualTo(lot1);
    assertThat(lots.findById(lot1).orElseThrow().status()).isEqualTo(LotStatus.FULL);
    publications.awaitCompleted(
        new LotOpened(lot1, company.id()), new LotFull(lot1), new LotOpened(lot2, company.id()));
    assertThat(publications.of(new LotFull(lot1))).hasSize(1);
    assertThat(publications.of(new LotFull(lot2))).isEmpty();
    verify(processes, times(1)).publishLotFull(lot1);
    verify(processes, never()).publishLotFull(lot2);
    verify(processes, times(1)).startLot(eq(lot1), anyLong());
    verify(processes, times(1)).startLot(eq(lot2), anyLong());
  }

  @Test
  void shouldStartTheProcessOfALotOpenedWhileTheRuntimeWasDownOnceItIsBack() {
    // given: the runtime is down when the lot opens; the asset is placed all the same
    AdaptedCompany company = registry.create(company("Les Ateliers du Cailly", 5, true));
    Asset asset = toRecycle();
    ActivatedJob job = job(AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT);
    when(processes.startLot(anyLong(), anyLong())).thenThrow(new IllegalStateException("down"));
    long lotId = workers.addToLot(job, asset.id()).dismantlingLotId();
    LotOpened opened = new LotOpened(lotId, company.id());
    publications.awaitIncomplete(opened, () -> verify(processes).startLot(lotId, company.id()));
    assertThat(lots.findById(lotId).orElseThrow().processInstanceKey()).isNull();

    // when: the runtime is back and the incomplete publication is submitted again (as at the next
    // start of the application)
    org.mockito.Mockito.doReturn(77L).when(processes).startLot(anyLong(), anyLong());
    publications.resubmit(opened);

    // then: the asset stayed in its lot and the lot has its process
    publications.awaitCompleted(opened);
    DismantlingLot lot = lots.findById(lotId).orElseThrow();
    assertThat(lot.assetCount()).isEqualTo(1);
    assertThat(lot.processInstanceKey()).isEqualTo(77L);
    verify(processes, times(2)).startLot(lotId, company.id());
  }

  @Test
  void shouldPublishLotFullAgainAfterAFailedPublication() {
    // given: a lot of one asset out of one, whose "full" message could not be published
    AdaptedCompany company = registry.create(company("Les Ateliers du Cailly", 1, true));
    doThrow(new IllegalStateException("down")).when(processes).publishLotFull(anyLong());
    long lotId = add(toRecycle());
    LotFull full = new LotFull(lotId);
    publications.awaitIncomplete(full, () -> verify(processes).publishLotFull(lotId));

    // when
    org.mockito.Mockito.doNothing().when(processes).publishLotFull(anyLong());
    publications.resubmit(full);

    // then: published again, then the publication is complete
    publications.awaitCompleted(full, new LotOpened(lotId, company.id()));
    assertThat(publications.of(full)).hasSize(1);
    verify(processes, times(2)).publishLotFull(lotId);
  }

  @Test
  void shouldRefuseWithoutADefaultCompanyOrForAnAssetNotPendingRecycling() {
    // given
    Asset asset = toRecycle();
    registry.create(company("Pas par défaut", 5, false));

    // when / then
    assertThatThrownBy(() -> add(asset))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("par défaut");
    registry.create(company("Par défaut", 5, true));
    Asset notWiped = assets.inService(AssetCategory.DESKTOP);
    assertThatThrownBy(() -> add(notWiped))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("« En service »");
    assertThat(lots.findAll()).isEmpty();
    verify(processes, never()).startLot(anyLong(), anyLong());
  }

  @Test
  void shouldCloseAnOpenLotOnRequestOnceAndOpenANewLotForTheNextAsset() throws IOException {
    // given: a lot of one asset out of ten
    AdaptedCompany company = registry.create(company("Les Ateliers du Cailly", 10, true));
    long lot = add(toRecycle());

    // when: the asset manager closes it now, twice (double click)
    boolean first = placement.closeNow(lot, "Camille Martin");
    boolean second = placement.closeNow(lot, "Camille Martin");
    int count = workers.closeLot(lot).lotAssetCount();

    // then: closed on request, said once to its process; the next asset opens a new lot
    assertThat(first).isTrue();
    assertThat(second).isFalse();
    assertThat(count).isEqualTo(1);
    DismantlingLot closed = lots.findById(lot).orElseThrow();
    assertThat(closed.status()).isEqualTo(LotStatus.CLOSED);
    assertThat(closed.closedReason()).isEqualTo(DismantlingLot.ClosedReason.MANUAL);
    assertThat(closed.closeRequestedBy()).isEqualTo("Camille Martin");
    publications.awaitCompleted(new LotOpened(lot, company.id()), new LotFull(lot));
    assertThat(publications.of(new LotFull(lot))).hasSize(1);
    verify(processes, times(1)).publishLotFull(lot);
    assertThat(add(toRecycle())).isNotEqualTo(lot);
    // and the pickup order names who closed it
    LotOrdering.Order order =
        workers.sendOrder(job(JobTypes.SEND_ORDER), lot, company.id()).dismantlingOrder();
    StoredDocument pdf = documents.find(order.documentRef()).orElseThrow();
    assertThat(text(documents.content(pdf)))
        .contains("clos le ", ", à la demande de Camille Martin (1 équipement(s))");
  }

  @Test
  void shouldNotCloseAnEmptyOrClosedLotOnRequest() {
    // given
    AdaptedCompany company = registry.create(company("Les Ateliers du Cailly", 10, true));
    long lot = add(toRecycle());
    workers.closeLot(lot);

    // when / then
    assertThat(placement.closeNow(lot, "Camille Martin")).isFalse();
    assertThat(lots.findById(lot).orElseThrow().closedReason())
        .isEqualTo(DismantlingLot.ClosedReason.TIME);
    publications.awaitCompleted(new LotOpened(lot, company.id()));
    assertThat(publications.of(new LotFull(lot))).isEmpty();
    verify(processes, never()).publishLotFull(anyLong());
  }

  @Test
  void shouldCloseOnSizeOrOnTimeAndReturnTheAssetCount() {
    // given
    registry.create(company("Les Ateliers du Cailly", 2, true));
    long full = add(toRecycle());
    add(toRecycle());
    long partial = add(toRecycle());

    // when
    int fullCount = workers.closeLot(full).lotAssetCount();
    int partialCount = workers.closeLot(partial).lotAssetCount();
    workers.closeLot(partial);

    // then
    assertThat(fullCount).isEqualTo(2);
    assertThat(partialCount).isEqualTo(1);
    assertThat(lots.findById(full).orElseThrow().closedReason())
        .isEqualTo(DismantlingLot.ClosedReason.SIZE);
    assertThat(lots.findById(partial).orElseThrow().closedReason())
        .isEqualTo(DismantlingLot.ClosedReason.TIME);
    // a closed lot takes no more asset: the next one opens a new lot
    long next = add(toRecycle());
    assertThat(next).isNotIn(full, partial);
  }

  @Test
  void shouldSendTheOrderOnceWithItsPdfByEmailAndCiteItInEveryChain() throws IOException {
    // given
    DismantlingLot lot = closedLot(2);
    ActivatedJob job = job(JobTypes.SEND_ORDER);

    // when
    LotOrdering.Order first = workers.sendOrder(job, lot.id(), lot.companyId()).dismantlingOrder();
    LotOrdering.Order second = workers.sendOrder(job, lot.id(), lot.companyId()).dismantlingOrder();

    // then
    assertThat(second).isEqualTo(first);
    assertThat(first.orderId()).isEqualTo("BE-" + lot.number());
    assertThat(documents.ownedBy("dismantling-lot:" + lot.id()))
        .singleElement()
        .satisfies(d -> assertThat(d.kind()).isEqualTo(DocumentKind.DISMANTLING_ORDER));
    List<Notification> sent =
        notifications.latest(1000).stream()
            .filter(n -> n.operationId().equals("dismantling-order:" + lot.id()))
            .toList();
    assertThat(sent)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.recipient()).isEqualTo("commandes@ea-normandie.example");
              assertThat(n.subject()).contains(first.orderId(), lot.number(), "2 équipements");
              assertThat(n.attachmentIds()).containsExactly(first.documentRef());
              assertThat(n.body())
                  .startsWith(
                      "Bonjour,\n\nVous trouverez ci-joint le bon d'enlèvement " + first.orderId())
                  .contains(
                      "du lot de démantèlement " + lot.number() + " : 2 équipement(s)",
                      "pour un poids estimé de 15,0 kg.",
                      "\n\nAdresse d'enlèvement : ")
                  .endsWith("Cordialement,\nCentre hospitalier universitaire\n");
            });
    StoredDocument pdf = documents.find(first.documentRef()).orElseThrow();
    String text = text(documents.content(pdf));
    assertThat(text)
        .contains(
            "Bon d'enlèvement et de démantèlement",
            first.orderId(),
            lot.number(),
            "Les Ateliers du Cailly",
            "Entreprise adaptée",
            "ecosystem",
            "16 02 14",
            "Trackdéchets",
            "R541-43",
            "coût de main-d'œuvre",
            "Adresse d'enlèvement",
            "15,0");
    for (LotAsset a : lot.assets()) {
      assertThat(text).contains(a.inventoryNumber(), a.serialNumber());
      assertThat(inventory.custodyOf(a.assetId()))
          .filteredOn(
              e -> e.action() == CustodyAction.EVIDENCE && e.actor().equals(LotOrdering.ACTOR))
          .singleElement()
          .satisfies(e -> assertThat(e.evidence()).isEqualTo(pdf.evidence()));
    }
  }

  PickupVariable pickup(String bsd) {
    return new PickupVariable(
        clock.today().toString(), 2, new BigDecimal("14.35"), bsd, "Transports Lefebvre", null);
  }

  DismantlingLot ordered(int size) {
    DismantlingLot lot = closedLot(size);
    workers.sendOrder(job(JobTypes.SEND_ORDER), lot.id(), lot.companyId());
    return lots.findById(lot.id()).orElseThrow();
  }

  @Test
  void shouldRecordThePickupOnceAndHandEachAssetOverToTheCompany() {
    // given
    DismantlingLot lot = ordered(2);
    ActivatedJob job = job(JobTypes.RECORD_PICKUP);

    // when
    workers.recordPickup(job, lot.id(), pickup(todayBsd.toLowerCase()));
    workers.recordPickup(job, lot.id(), pickup(todayBsd));

    // then
    DismantlingLot picked = lots.findById(lot.id()).orElseThrow();
    assertThat(picked.status()).isEqualTo(LotStatus.PICKED_UP);
    assertThat(picked.weightKg()).isEqualByComparingTo("14.4");
    assertThat(picked.wasteTrackingNumber()).isEqualTo(todayBsd);
    for (LotAsset a : picked.assets()) {
      assertThat(inventory.custodyOf(a.assetId()))
          .filteredOn(e -> e.action() == CustodyAction.HANDOVER)
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.details()).contains("Les Ateliers du Cailly", "14,4 kg", todayBsd);
                assertThat(e.evidence()).isEqualTo("bordereau " + todayBsd);
              });
    }
  }

  @Test
  void shouldRecordThePickupAndAttestationUnderThePeopleWhoCompletedTheirTasks() {
    // given: the technician confirmed the pickup and the manager entered the attestation in the
    // inbox
    DismantlingLot lot = ordered(1);
    ActivatedJob pickupJob = job(JobTypes.RECORD_PICKUP);
    org.mockito.Mockito.when(pickupJob.getVariablesAsMap())
        .thenReturn(completedBy("tech1", "Camille Martin", "confirm-pickup"));
    ActivatedJob attestationJob = job(JobTypes.RECORD_ATTESTATION);
    org.mockito.Mockito.when(attestationJob.getVariablesAsMap())
        .thenReturn(completedBy("gest1", "Paul Leroy", "enter-attestation"));
    String today = clock.today().toString();

    // when
    Map<String, Object> afterPickup = workers.recordPickup(pickupJob, lot.id(), pickup(todayBsd));
    Map<String, Object> afterAttestation =
        workers.recordAttestation(
            attestationJob,
            lot.id(),
            new AttestationVariable(
                "CR-2026-0043",
                today,
                "ATT-EA-2026-18",
                new BigDecimal("100"),
                new BigDecimal("50"),
                null));

    // then
    List<CustodyEntry> chain = inventory.custodyOf(lot.assets().get(0).assetId());
    assertThat(chain.get(chain.size() - 2).actor())
        .isEqualTo("Camille Martin [tech1] via " + LotPickup.ACTOR);
    assertThat(chain.get(chain.size() - 2).details())
        .endsWith("enlèvement confirmé par Camille Martin");
    assertThat(chain.get(chain.size() - 1).actor())
        .isEqualTo("Paul Leroy [gest1] via " + LotAttestation.ACTOR);
    assertThat(afterPickup).containsEntry("completedBy", null);
    assertThat(afterAttestation).containsEntry("completedBy", null);
  }

  private static Map<String, Object> completedBy(
      String userId, String displayName, String taskElementId) {
    return Map.of(
        "completedBy",
        Map.of("userId", userId, "displayName", displayName, "taskElementId", taskElementId));
  }

  @Test
  void shouldSendBackAPickupWithAWrongWasteTrackingNumberAndWriteNothing() {
    // given
    DismantlingLot lot = ordered(1);
    long assetId = lot.assets().get(0).assetId();
    int custody = inventory.custodyOf(assetId).size();

    // when / then
    assertThatThrownBy(
            () -> workers.recordPickup(job(JobTypes.RECORD_PICKUP), lot.id(), pickup("BSD 12345")))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.PICKUP_REFUSED);
              assertThat(e.getErrorMessage())
                  .contains("n'est pas un numéro de bordereau Trackdéchets");
              assertThat(e.getVariables())
                  .isEqualTo(Map.of(Variables.TASK_REFUSAL, e.getErrorMessage()));
            });
    assertThat(lots.findById(lot.id()).orElseThrow().status()).isEqualTo(LotStatus.ORDER_SENT);
    assertThat(inventory.custodyOf(assetId)).hasSize(custody);
  }

  @Test
  void shouldRecordTheAttestationInCentsAndSendBackALabourCostAboveTheInvoice() {
    // given
    DismantlingLot lot = ordered(1);
    workers.recordPickup(job(JobTypes.RECORD_PICKUP), lot.id(), pickup(todayBsd));
    String today = clock.today().toString();

    // when / then
    assertThatThrownBy(
            () ->
                workers.recordAttestation(
                    job(JobTypes.RECORD_ATTESTATION),
                    lot.id(),
                    new AttestationVariable(
                        "CR-88",
                        today,
                        "ATT-88",
                        new BigDecimal("100"),
                        new BigDecimal("100.01"),
                        null)))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.ATTESTATION_REFUSED);
              assertThat(e.getErrorMessage()).contains("ne peut dépasser le montant facturé");
              assertThat(e.getVariables())
                  .isEqualTo(Map.of(Variables.TASK_REFUSAL, e.getErrorMessage()));
            });
    workers.recordAttestation(
        job(JobTypes.RECORD_ATTESTATION),
        lot.id(),
        new AttestationVariable(
            "CR-2026-0042",
            today,
            "ATT-EA-2026-17",
            new BigDecimal("420.50"),
            new BigDecimal("312.8"),
            null));

    // then
    DismantlingLot attested = lots.findById(lot.id()).orElseThrow();
    assertThat(attested.invoiceCents()).isEqualTo(42_050L);
    assertThat(attested.labourCostCents()).isEqualTo(31_280L);
    assertThat(inventory.custodyOf(lot.assets().get(0).assetId()))
        .filteredOn(e -> e.actor().equals(LotAttestation.ACTOR))
        .singleElement()
        .satisfies(
            e -> assertThat(e.details()).contains("CR-2026-0042", "ATT-EA-2026-17", "312,80"));
  }

  @Test
  void shouldPublishCompletionForEveryAssetOnceEvenWhenDeliveredTwice() {
    // given
    DismantlingLot lot = ordered(3);
    workers.recordPickup(job(JobTypes.RECORD_PICKUP), lot.id(), pickup(todayBsd));
    workers.recordAttestation(
        job(JobTypes.RECORD_ATTESTATION),
        lot.id(),
        new AttestationVariable(
            "CR-1",
            clock.today().toString(),
            "ATT-1",
            new BigDecimal("90"),
            new BigDecimal("60"),
            null));

    // when
    int first = workers.publishCompletion(lot.id()).completedAssetCount();
    int second = workers.publishCompletion(lot.id()).completedAssetCount();

    // then: one event per asset, each told once to the runtime
    assertThat(first).isEqualTo(3);
    assertThat(second).isEqualTo(3);
    for (LotAsset a : lot.assets()) {
      AssetDismantled dismantled = new AssetDismantled(lot.id(), a.assetId());
      publications.awaitCompleted(dismantled);
      assertThat(publications.of(dismantled)).hasSize(1);
    }
    @SuppressWarnings("unchecked")
    ArgumentCaptor<Map<String, Object>> dismantling = ArgumentCaptor.forClass(Map.class);
    for (LotAsset a : lot.assets()) {
      verify(processes, times(1))
          .publishDismantlingCompleted(eq(lot.id()), eq(a.assetId()), dismantling.capture());
    }
    assertThat(dismantling.getValue())
        .containsEntry("lotId", lot.id())
        .containsEntry("adaptedCompanyId", lot.companyId())
        .containsEntry("wasteTrackingNumber", todayBsd)
        .containsEntry("recyclingCertificateRef", "CR-1")
        .containsEntry("eaAttestationRef", "ATT-1")
        .containsEntry("pickedUpOn", clock.today().toString());
    DismantlingLot completed = lots.findById(lot.id()).orElseThrow();
    assertThat(completed.status()).isEqualTo(LotStatus.COMPLETED);
    assertThat(completed.assets())
        .allSatisfy(a -> assertThat(a.completionPublishedAt()).isNotNull());
  }

  @Test
  void shouldPublishTheCompletionOfAnAssetAgainAfterAFailedPublication() {
    // given: the lot completed while the runtime failed on its second asset
    DismantlingLot lot = ordered(2);
    workers.recordPickup(job(JobTypes.RECORD_PICKUP), lot.id(), pickup(todayBsd));
    workers.recordAttestation(
        job(JobTypes.RECORD_ATTESTATION),
        lot.id(),
        new AttestationVariable(
            "CR-1", clock.today().toString(), "ATT-1", BigDecimal.TEN, BigDecimal.ONE, null));
    long firstAsset = lot.assets().get(0).assetId();
    long secondAsset = lot.assets().get(1).assetId();
    org.mockito.Mockito.doThrow(new IllegalStateException("down"))
        .doNothing()
        .when(processes)
        .publishDismantlingCompleted(
            eq(lot.id()), eq(secondAsset), org.mockito.ArgumentMatchers.any());
    assertThat(workers.publishCompletion(lot.id()).completedAssetCount()).isEqualTo(2);
    AssetDismantled second = new AssetDismantled(lot.id(), secondAsset);
    publications.awaitCompleted(new AssetDismantled(lot.id(), firstAsset));
    publications.awaitIncomplete(
        second,
        () ->
            verify(processes)
                .publishDismantlingCompleted(
                    eq(lot.id()), eq(secondAsset), org.mockito.ArgumentMatchers.any()));
    assertThat(lots.findById(lot.id()).orElseThrow().find(secondAsset).orElseThrow())
        .extracting(LotAsset::completionPublishedAt)
        .isNull();

    // when: its publication is submitted again (as at the next start of the application)
    publications.resubmit(second);

    // then: the second asset told again, the first one not
    publications.awaitCompleted(second);
    verify(processes, times(1))
        .publishDismantlingCompleted(
            eq(lot.id()), eq(firstAsset), org.mockito.ArgumentMatchers.any());
    verify(processes, times(2))
        .publishDismantlingCompleted(
            eq(lot.id()), eq(secondAsset), org.mockito.ArgumentMatchers.any());
    assertThat(lots.findById(lot.id()).orElseThrow().assets())
        .allSatisfy(a -> assertThat(a.completionPublishedAt()).isNotNull());
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document).replaceAll("\\s+", " ");
    }
  }

  static List<CustodyEntry> none() {
    return List.of();
  }
}
