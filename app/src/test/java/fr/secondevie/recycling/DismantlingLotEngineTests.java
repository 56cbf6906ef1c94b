package fr.secondevie.recycling;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * P3 through the test JVM's engine (models deployed at startup) and the application's own job
 * workers, over gRPC: the lot opened by {@code dismantling.add-to-lot} starts {@code
 * dismantling-lot}, the {@code DismantlingLotFull} it publishes at the lot's size passes the
 * event-based gateway, and the engine's jobs close the lot and send its order — until the user task
 * {@code confirm-pickup}, whose completion needs the REST API (CPT tests, once it lands).
 */
@SpringBootTest
class DismantlingLotEngineTests {

  @Autowired DismantlingWorkers workers;
  @Autowired AdaptedCompanyRegistry registry;
  @Autowired DismantlingLotRepository lots;
  @Autowired InventoryService inventory;
  @Autowired DocumentService documents;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired NotificationService notifications;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void clean() {
    RecyclingFixtures.clean(jdbc);
  }

  @Test
  void shouldCloseTheLotOnSizeAndSendItsOrderThroughTheProcess() {
    // given
    registry.create(RecyclingFixtures.company("Les Ateliers du Cailly", 2, true));
    Assets assets = new Assets(inventory, planner, certificates);
    var first = assets.sanitizedThen(AssetCategory.DESKTOP, AssetStatus.RECYCLING_PENDING, "E1");
    var second = assets.sanitizedThen(AssetCategory.MONITOR, AssetStatus.RECYCLING_PENDING);

    // when: P2's add-to-lot for both assets
    long lotId =
        workers
            .addToLot(RecyclingFixtures.job(AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT), first.id())
            .dismantlingLotId();
    workers.addToLot(RecyclingFixtures.job(AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT), second.id());

    // then: the process closed the lot on size and sent its order
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> lots.findById(lotId).orElseThrow().status() == LotStatus.ORDER_SENT);
    DismantlingLot lot = lots.findById(lotId).orElseThrow();
    assertThat(lot.processInstanceKey()).isNotNull();
    assertThat(lot.closedReason()).isEqualTo(DismantlingLot.ClosedReason.SIZE);
    assertThat(documents.find(lot.orderDocumentId()).orElseThrow().kind())
        .isEqualTo(DocumentKind.DISMANTLING_ORDER);
    assertThat(notifications.latest(1000))
        .filteredOn(n -> n.operationId().equals("dismantling-order:" + lotId))
        .hasSize(1);
    assertThat(inventory.custodyOf(second.id()))
        .filteredOn(
            e ->
                e.action() == CustodyAction.EVIDENCE
                    && e.actor().equals(DismantlingService.ACTOR_ORDER))
        .hasSize(1);
  }
}
