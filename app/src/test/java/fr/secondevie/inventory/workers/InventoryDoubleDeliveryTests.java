package fr.secondevie.inventory.workers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.support.Assets;
import fr.secondevie.support.DoubleDelivery;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The same job delivered to two workers at the same instant (two threads released together, as
 * after a job timeout while the first worker still runs): one effect only. Same context as {@link
 * InventoryWorkersTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InventoryDoubleDeliveryTests {

  @Autowired UpdateStatusWorker updateStatus;
  @Autowired RecordInspectionWorker recordInspection;
  @Autowired InventoryService inventory;
  @Autowired JdbcTemplate jdbc;

  Asset asset;

  @BeforeEach
  void anAssetInService() {
    TestDatabase.clean(jdbc);
    asset = Assets.desktop(inventory);
  }

  /** The answers of the deliveries (a refused one is checked to be refused by the database). */
  static <T> List<T> twiceAtOnce(Callable<T> call) throws Exception {
    return DoubleDelivery.answers(DoubleDelivery.twiceAtOnce(call));
  }

  @Test
  void shouldChangeTheStatusOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    ActivatedJob job =
        InventoryWorkersTests.statusJob("mark-decommissioning", AssetStatus.DECOMMISSIONING);
    int custody = inventory.custodyOf(asset.id()).size();

    // when
    List<Map<String, Object>> results =
        twiceAtOnce(() -> updateStatus.updateStatus(job, asset.id()));

    // then: one status change, one custody entry, the same answer to both deliveries
    assertThat(results)
        .extracting(r -> ((AssetVariable) r.get("asset")).status())
        .containsOnly("DECOMMISSIONING");
    assertThat(inventory.custodyOf(asset.id())).hasSize(custody + 1);
    assertThat(inventory.custodyOf(asset.id()).get(custody).action())
        .isEqualTo(CustodyAction.STATUS_CHANGED);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void shouldRecordTheInspectionOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    Assets.moveTo(inventory, asset, AssetStatus.DECOMMISSIONING);
    ActivatedJob job = Jobs.job(JobTypes.RECORD_INSPECTION, "record-inspection");
    RecordInspectionWorker.Input input =
        new RecordInspectionWorker.Input(
            asset.id(),
            new RecordInspectionWorker.InspectionVariable(
                "B", true, 82.0, true, true, true, false, "2026-03-10", "Magasin DSI", "Rayure"),
            List.of(
                new RecordInspectionWorker.DeviceVariable("SSD-1", "SSD", 512.0),
                new RecordInspectionWorker.DeviceVariable("HDD-9", "HDD", 1000.0)));
    int custody = inventory.custodyOf(asset.id()).size();

    // when
    List<DoubleDelivery.Outcome<Object>> outcomes =
        DoubleDelivery.twiceAtOnce(
            () -> {
              recordInspection.recordInspection(job, input);
              return null;
            });

    // then: both deliveries complete (the second finds the first's inspection), no refusal
    DoubleDelivery.allAnswered(outcomes);
    // and: two drives and one inspection, three custody entries
    assertThat(inventory.findById(asset.id()).orElseThrow().storageDevices()).hasSize(2);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asset_inspection", Integer.class))
        .isEqualTo(1);
    assertThat(inventory.custodyOf(asset.id())).hasSize(custody + 3);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }
}
