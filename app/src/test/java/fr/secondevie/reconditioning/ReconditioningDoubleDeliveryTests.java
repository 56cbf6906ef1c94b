package fr.secondevie.reconditioning;

import static fr.secondevie.reconditioning.ReconditioningTestSupport.job;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.reconditioning.ReconditioningWorkers.Inspection;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.support.Assets;
import fr.secondevie.support.DoubleDelivery;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * reconditioning.create-order delivered to two workers at the same instant (two threads released
 * together): one order, one custody entry. Same context as {@link ReconditioningWorkersTests}.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
class ReconditioningDoubleDeliveryTests {

  @MockitoBean CompletionMessages messages;

  @Autowired ReconditioningWorkers workers;
  @Autowired ReconditionerRegistry registry;
  @Autowired ReconditioningOrderRepository orders;
  @Autowired InventoryService inventory;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired JdbcTemplate jdbc;

  Assets assets;

  @BeforeEach
  void setUp() {
    ReconditioningTestSupport.clean(jdbc);
    assets = new Assets(inventory, planner, certificates);
  }

  /** The answers of the deliveries (a refused one is checked to be refused by the database). */
  static <T> List<T> twiceAtOnce(Callable<T> call) throws Exception {
    return DoubleDelivery.answers(DoubleDelivery.twiceAtOnce(call));
  }

  @Test
  void shouldCreateOneOrderWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    ReconditioningTestSupport.workshop(registry);
    ReconditioningTestSupport.supplier(registry, "Recyclea Normandie");
    Asset asset =
        assets.sanitizedThen(AssetCategory.LAPTOP, AssetStatus.RECONDITIONING, "S-RC-DD-1");
    ActivatedJob job = job(JobTypes.CREATE_RECONDITIONING_ORDER);

    // when
    var outputs =
        twiceAtOnce(
            () -> workers.createOrder(job, asset.id(), "RECONDITION", new Inspection("B", true)));

    // then: the same order to both deliveries, written once
    assertThat(outputs).containsOnly(outputs.get(0));
    assertThat(orders.findByAsset(asset.id())).hasSize(1);
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.actor().equals(ReconditioningService.ACTOR_ORDER))
        .hasSize(1);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }
}
