package fr.secondevie.recycling;

import static fr.secondevie.recycling.RecyclingFixtures.company;
import static fr.secondevie.recycling.RecyclingFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess.JobTypes;
import fr.secondevie.recycling.DismantlingWorkers.AttestationVariable;
import fr.secondevie.recycling.DismantlingWorkers.PickupVariable;
import fr.secondevie.recycling.LotEvents.AssetDismantled;
import fr.secondevie.recycling.LotEvents.LotFull;
import fr.secondevie.recycling.LotEvents.LotOpened;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import fr.secondevie.support.Concurrently;
import fr.secondevie.support.EventPublications;
import fr.secondevie.support.TestClock;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The steps of several lots run at once, as several job execution threads or application replicas
 * run them: each step locks only its own lot, so whatever it writes must not conflict with the
 * writes of another lot's step (the campaign benchmark with 4 threads saw deadlocks and a duplicate
 * key between lots). Same context as {@link DismantlingWorkersTests}: workers closed, process
 * runtime mocked.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
class DismantlingLotConcurrencyTests {

  static final int THREADS = 4;

  @MockitoBean LotProcesses processes;
  @Autowired DismantlingWorkers workers;
  @Autowired AdaptedCompanyRegistry registry;
  @Autowired DismantlingLotRepository lots;
  @Autowired InventoryService inventory;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;
  @Autowired EventPublicationRegistry eventRegistry;
  @Autowired CompletedEventPublications completedEvents;
  @Autowired IncompleteEventPublications incompleteEvents;

  EventPublications publications;

  Assets assets;
  final AtomicLong processKey = new AtomicLong(4_503_599_627_380_000L);

  @BeforeEach
  void setUp() {
    RecyclingFixtures.clean(jdbc);
    assets = new Assets(inventory, planner, certificates);
    publications = new EventPublications(eventRegistry, completedEvents, incompleteEvents);
    when(processes.startLot(anyLong(), anyLong())).thenAnswer(i -> processKey.incrementAndGet());
  }

  @AfterEach
  void awaitLotEvents() {
    RecyclingFixtures.awaitLotEvents(publications, jdbc);
  }

  List<Asset> toRecycle(int count) {
    List<Asset> pending = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      pending.add(
          assets.sanitizedThen(
              AssetCategory.DESKTOP, AssetStatus.RECYCLING_PENDING, "S-" + System.nanoTime()));
    }
    return pending;
  }

  long add(Asset asset) {
    return workers
        .addToLot(job(AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT), asset.id())
        .dismantlingLotId();
  }

  /**
   * The assets reordered so that lots of {@code lotSize} filled in that order interleave in pairs:
   * with 4, a1 a3 a5 a7 then a2 a4 a6 a8, then a9 a11... Consecutive assets in the index of the
   * asset ids then belong to two lots whose steps run at once.
   */
  static List<Asset> interleaved(List<Asset> assets, int lotSize) {
    List<Asset> order = new ArrayList<>();
    for (int pair = 0; pair < assets.size(); pair += 2 * lotSize) {
      for (int parity = 0; parity < 2; parity++) {
        for (int i = pair + parity; i < pair + 2 * lotSize && i < assets.size(); i += 2) {
          order.add(assets.get(i));
        }
      }
    }
    return order;
  }

  /** Closes the lot, sends its order, records its pickup and its attestations, one at a time. */
  void attest(long lotId, int units) {
    String today = clock.today().toString();
    workers.closeLot(lotId);
    workers.sendOrder(
        job(JobTypes.SEND_ORDER), lotId, lots.findById(lotId).orElseThrow().companyId());
    workers.recordPickup(
        job(JobTypes.RECORD_PICKUP),
        lotId,
        new PickupVariable(
            today,
            units,
            new BigDecimal("57.2"),
            DismantlingWorkersTests.bsdOf(clock.today()),
            "Transports Lefebvre",
            null));
    workers.recordAttestation(
        job(JobTypes.RECORD_ATTESTATION),
        lotId,
        new AttestationVariable(
            "CR-" + lotId, today, "ATT-" + lotId, BigDecimal.TEN, BigDecimal.ONE, null));
  }

  static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
    return Concurrently.run(THREADS, tasks);
  }

  void assertCompleted(long lotId, int size) {
    DismantlingLot lot = lots.findById(lotId).orElseThrow();
    assertThat(lot.status()).isEqualTo(LotStatus.COMPLETED);
    assertThat(lot.assets())
        .hasSize(size)
        .allSatisfy(
            a -> {
              AssetDismantled dismantled = new AssetDismantled(lotId, a.assetId());
              publications.awaitCompleted(dismantled);
              assertThat(publications.of(dismantled)).hasSize(1);
              assertThat(lots.findById(lotId).orElseThrow().find(a.assetId()).orElseThrow())
                  .extracting(LotAsset::completionPublishedAt)
                  .isNotNull();
              verify(processes, times(1))
                  .publishDismantlingCompleted(eq(lotId), eq(a.assetId()), any());
            });
  }

  @Test
  void shouldPublishTheCompletionOfSeveralLotsConcurrently() throws Exception {
    // given: 4 attested lots of 8, the assets of lots 1 and 2 (and of lots 3 and 4) interleaved
    registry.create(company("Les Ateliers du Cailly", 8, true));
    List<Asset> pending = interleaved(toRecycle(32), 8);
    List<Long> lotIds = new ArrayList<>();
    for (Asset asset : pending) {
      long lotId = add(asset);
      if (!lotIds.contains(lotId)) {
        lotIds.add(lotId);
      }
    }
    assertThat(lotIds).hasSize(4);
    lotIds.forEach(lotId -> attest(lotId, 8));

    // when: the four lots' publish-completion jobs run at once
    List<Callable<Integer>> completions = new ArrayList<>();
    for (long lotId : lotIds) {
      completions.add(() -> workers.publishCompletion(lotId).completedAssetCount());
    }
    List<Integer> counts = concurrently(completions);

    // then: every lot completed, every asset told once
    assertThat(counts).containsOnly(8);
    lotIds.forEach(lotId -> assertCompleted(lotId, 8));
  }

  @Test
  void shouldFillAndCloseNewLotsWhileOlderLotsComplete() throws Exception {
    // given: two attested lots of 10; 20 assets still to place, whose ids interleave with theirs
    // (the first lot holds a1 a3... a19, the assets to place a2 a4... a20 and so on)
    AdaptedCompany company = registry.create(company("Les Ateliers du Cailly", 10, true));
    List<Asset> all = interleaved(toRecycle(40), 10);
    List<Asset> toPlace = new ArrayList<>(all.subList(10, 20));
    toPlace.addAll(all.subList(30, 40));
    long first = 0;
    long second = 0;
    for (Asset asset : all.subList(0, 10)) {
      first = add(asset);
    }
    for (Asset asset : all.subList(20, 30)) {
      second = add(asset);
    }
    attest(first, 10);
    attest(second, 10);

    // when: their publish-completion jobs run while the add-to-lot jobs of the 20 others do, and
    // a lot they fill is closed at once, as its process does
    List<Callable<Long>> jobs = new ArrayList<>();
    for (long lotId : List.of(first, second)) {
      jobs.add(() -> (long) workers.publishCompletion(lotId).completedAssetCount());
    }
    for (Asset asset : toPlace) {
      jobs.add(
          () -> {
            long lotId = add(asset);
            if (lots.findById(lotId).orElseThrow().status() == LotStatus.FULL) {
              workers.closeLot(lotId);
            }
            return lotId;
          });
    }
    List<Long> results = concurrently(jobs);

    // then: the old lots completed; two new lots of 10 closed on size, started and full once
    assertCompleted(first, 10);
    assertCompleted(second, 10);
    List<Long> newLots = results.subList(2, results.size()).stream().distinct().toList();
    assertThat(newLots).hasSize(2).doesNotContain(first, second);
    for (long lotId : newLots) {
      DismantlingLot lot = lots.findById(lotId).orElseThrow();
      assertThat(lot.assetCount()).isEqualTo(10);
      assertThat(lot.status()).isEqualTo(LotStatus.CLOSED);
      assertThat(lot.closedReason()).isEqualTo(DismantlingLot.ClosedReason.SIZE);
      LotFull full = new LotFull(lotId);
      LotOpened opened = new LotOpened(lotId, company.id());
      publications.awaitCompleted(opened, full);
      assertThat(publications.of(full)).hasSize(1);
      assertThat(publications.of(opened)).hasSize(1);
      verify(processes, times(1)).startLot(eq(lotId), anyLong());
      verify(processes, times(1)).publishLotFull(lotId);
    }
    for (int i = 0; i < toPlace.size(); i++) {
      assertThat(lots.findByAsset(toPlace.get(i).id()).orElseThrow().id())
          .isEqualTo(results.get(i + 2));
    }
  }
}
