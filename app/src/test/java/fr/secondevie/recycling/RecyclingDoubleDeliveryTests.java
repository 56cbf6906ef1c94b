package fr.secondevie.recycling;

import static fr.secondevie.recycling.RecyclingFixtures.company;
import static fr.secondevie.recycling.RecyclingFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess.JobTypes;
import fr.secondevie.recycling.DismantlingWorkers.AttestationVariable;
import fr.secondevie.recycling.DismantlingWorkers.PickupVariable;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import fr.secondevie.support.DoubleDelivery;
import fr.secondevie.support.TestClock;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The same recycling job delivered to two workers at the same instant (two threads released
 * together): one lot membership and one lot process, one order document and e-mail, one handover
 * entry per asset. Same context as {@link DismantlingWorkersTests}.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
class RecyclingDoubleDeliveryTests {

  private static final AtomicInteger SERIALS = new AtomicInteger();

  @MockitoBean LotProcesses processes;

  @Autowired DismantlingWorkers workers;
  @Autowired AdaptedCompanyRegistry registry;
  @Autowired DismantlingLotRepository lots;
  @Autowired InventoryService inventory;
  @Autowired DocumentService documents;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;

  Assets assets;
  long processKey = 4_503_599_627_380_000L;

  @BeforeEach
  void setUp() {
    RecyclingFixtures.clean(jdbc);
    assets = new Assets(inventory, planner, certificates);
    when(processes.startLot(anyLong(), anyLong())).thenAnswer(i -> ++processKey);
  }

  /** The answers of the deliveries (a refused one is checked to be refused by the database). */
  static <T> List<T> twiceAtOnce(Callable<T> call) throws Exception {
    return DoubleDelivery.answers(DoubleDelivery.twiceAtOnce(call));
  }

  Asset toRecycle() {
    return assets.sanitizedThen(
        AssetCategory.DESKTOP, AssetStatus.RECYCLING_PENDING, "S-DD-" + SERIALS.incrementAndGet());
  }

  DismantlingLot closedLot(int size) {
    registry.create(company("Les Ateliers du Cailly", size, true));
    long lotId = 0;
    for (int i = 0; i < size; i++) {
      lotId =
          workers
              .addToLot(job(AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT), toRecycle().id())
              .dismantlingLotId();
    }
    workers.closeLot(lotId);
    return lots.findById(lotId).orElseThrow();
  }

  @Test
  void shouldAddTheAssetToOneLotWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    registry.create(company("Les Ateliers du Cailly", 50, true));
    Asset asset = toRecycle();
    ActivatedJob job = job(AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT);

    // when
    List<Long> lotIds = twiceAtOnce(() -> workers.addToLot(job, asset.id()).dismantlingLotId());

    // then: one lot, the asset once in it, one lot process, one custody entry
    assertThat(lotIds).containsOnly(lotIds.get(0));
    DismantlingLot lot = lots.findById(lotIds.get(0)).orElseThrow();
    assertThat(lot.assets()).extracting(LotAsset::assetId).containsExactly(asset.id());
    // (started after the commit, by the listener of the lot's one LotOpened event)
    verify(processes, timeout(30_000).times(1)).startLot(eq(lot.id()), anyLong());
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.actor().equals(LotPlacement.ACTOR))
        .hasSize(1);
  }

  @Test
  void shouldSendOneOrderWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    DismantlingLot lot = closedLot(2);
    ActivatedJob job = job(JobTypes.SEND_ORDER);

    // when
    List<LotOrdering.Order> orders =
        twiceAtOnce(() -> workers.sendOrder(job, lot.id(), lot.companyId()).dismantlingOrder());

    // then: the same order, one document, one e-mail
    assertThat(orders).containsOnly(orders.get(0));
    assertThat(documents.ownedBy("dismantling-lot:" + lot.id())).hasSize(1);
    assertThat(notifications.latest(1000))
        .filteredOn(n -> n.operationId().equals("dismantling-order:" + lot.id()))
        .hasSize(1);
  }

  @Test
  void shouldRecordOnePickupWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    DismantlingLot lot = closedLot(2);
    workers.sendOrder(job(JobTypes.SEND_ORDER), lot.id(), lot.companyId());
    String bsd = DismantlingWorkersTests.bsdOf(clock.today());
    PickupVariable pickup =
        new PickupVariable(
            clock.today().toString(), 2, new BigDecimal("14.35"), bsd, "Transports Lefebvre", null);
    ActivatedJob job = job(JobTypes.RECORD_PICKUP);

    // when
    twiceAtOnce(
        () -> {
          workers.recordPickup(job, lot.id(), pickup);
          return null;
        });

    // then: picked up once, one handover entry per asset
    DismantlingLot picked = lots.findById(lot.id()).orElseThrow();
    assertThat(picked.status()).isEqualTo(LotStatus.PICKED_UP);
    for (LotAsset a : picked.assets()) {
      assertThat(inventory.custodyOf(a.assetId()))
          .filteredOn(e -> e.action() == CustodyAction.HANDOVER)
          .hasSize(1);
      assertThat(inventory.verifyCustody(a.assetId()).valid()).isTrue();
    }
  }

  /** A closed lot of {@code size} assets, ordered and picked up today. */
  DismantlingLot pickedUpLot(int size) {
    DismantlingLot lot = closedLot(size);
    workers.sendOrder(job(JobTypes.SEND_ORDER), lot.id(), lot.companyId());
    workers.recordPickup(
        job(JobTypes.RECORD_PICKUP),
        lot.id(),
        new PickupVariable(
            clock.today().toString(),
            size,
            new BigDecimal("14.35"),
            DismantlingWorkersTests.bsdOf(clock.today()),
            "Transports Lefebvre",
            null));
    return lots.findById(lot.id()).orElseThrow();
  }

  @Test
  void shouldCloseTheLotOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given: an open lot of two assets out of ten
    registry.create(company("Les Ateliers du Cailly", 10, true));
    long lotId = 0;
    for (int i = 0; i < 2; i++) {
      lotId =
          workers
              .addToLot(job(AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT), toRecycle().id())
              .dismantlingLotId();
    }
    long lot = lotId;

    // when
    List<Integer> counts = twiceAtOnce(() -> workers.closeLot(lot).lotAssetCount());

    // then: both deliveries answer the two assets; the lot closed once
    assertThat(counts).containsOnly(2);
    DismantlingLot closed = lots.findById(lot).orElseThrow();
    assertThat(closed.status()).isNotEqualTo(LotStatus.OPEN);
    assertThat(closed.assets()).hasSize(2);
  }

  @Test
  void shouldRecordOneAttestationWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    DismantlingLot lot = pickedUpLot(2);
    ActivatedJob job = job(JobTypes.RECORD_ATTESTATION);
    AttestationVariable attestation =
        new AttestationVariable(
            "CR-2026-0042",
            clock.today().toString(),
            "ATT-EA-2026-17",
            new BigDecimal("420.50"),
            new BigDecimal("312.8"),
            null);

    // when
    twiceAtOnce(
        () -> {
          workers.recordAttestation(job, lot.id(), attestation);
          return null;
        });

    // then: the amounts once, one attestation entry per asset, chains still valid
    DismantlingLot attested = lots.findById(lot.id()).orElseThrow();
    assertThat(attested.invoiceCents()).isEqualTo(42_050L);
    assertThat(attested.labourCostCents()).isEqualTo(31_280L);
    for (LotAsset a : attested.assets()) {
      assertThat(inventory.custodyOf(a.assetId()))
          .filteredOn(e -> e.actor().equals(LotAttestation.ACTOR))
          .hasSize(1);
      assertThat(inventory.verifyCustody(a.assetId()).valid()).isTrue();
    }
  }

  @Test
  void shouldPublishEachCompletionOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    DismantlingLot lot = pickedUpLot(3);
    workers.recordAttestation(
        job(JobTypes.RECORD_ATTESTATION),
        lot.id(),
        new AttestationVariable(
            "CR-1", clock.today().toString(), "ATT-1", new BigDecimal("90"), BigDecimal.TEN, null));

    // when
    List<Integer> counts =
        twiceAtOnce(() -> workers.publishCompletion(lot.id()).completedAssetCount());

    // then: each asset's completion published once (by the event listener, after the commit),
    // the lot completed
    assertThat(counts).containsOnly(3);
    for (LotAsset a : lot.assets()) {
      verify(processes, timeout(30_000).atLeastOnce())
          .publishDismantlingCompleted(eq(lot.id()), eq(a.assetId()), anyMap());
      verify(processes, times(1))
          .publishDismantlingCompleted(eq(lot.id()), eq(a.assetId()), anyMap());
    }
    assertThat(lots.findById(lot.id()).orElseThrow().status()).isEqualTo(LotStatus.COMPLETED);
  }
}
