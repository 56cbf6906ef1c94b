package fr.secondevie.routing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.support.Assets;
import fr.secondevie.support.DoubleDelivery;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * routing.record-route delivered to two workers at the same instant (two threads released
 * together): the route recorded once. Same context as {@link RoutingWorkersTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RoutingDoubleDeliveryTests {

  @Autowired RoutingWorkers workers;
  @Autowired InventoryService inventory;
  @Autowired InspectionService inspections;
  @Autowired JdbcTemplate jdbc;

  Asset asset;

  @BeforeEach
  void aSanitizedDesktop() {
    TestDatabase.clean(jdbc);
    asset =
        Assets.moveTo(
            inventory,
            Assets.attestedWithoutStorage(inspections, Assets.desktop(inventory)),
            AssetStatus.DECOMMISSIONING,
            AssetStatus.SANITIZING,
            AssetStatus.SANITIZED);
  }

  @Test
  void shouldRecordTheRouteOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    ActivatedJob job = Jobs.job(JobTypes.RECORD_ROUTE, "record-route");
    int before = inventory.custodyOf(asset.id()).size();
    Callable<Void> record =
        () -> {
          workers.recordRoute(job, asset.id(), "DONATION", "Don possible : valeur ≤ 300 €", false);
          return null;
        };

    // when
    DoubleDelivery.answers(DoubleDelivery.twiceAtOnce(record));

    // then
    assertThat(inventory.findById(asset.id()).orElseThrow().route())
        .isEqualTo(DispositionRoute.DONATION);
    assertThat(inventory.custodyOf(asset.id()))
        .hasSize(before + 1)
        .filteredOn(e -> e.action() == CustodyAction.ROUTE_ASSIGNED)
        .hasSize(1);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }
}
