package fr.secondevie.inventory.workers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.IllegalStatusTransitionException;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.processes.AssetEndOfLifeProcess.ErrorCodes;
import fr.secondevie.processes.AssetEndOfLifeProcess.Headers;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.support.Assets;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** inventory.update-status and inventory.record-inspection, called as the client calls them. */
@SpringBootTest
@AutoConfigureMockMvc
class InventoryWorkersTests {

  @Autowired UpdateStatusWorker updateStatus;
  @Autowired RecordInspectionWorker recordInspection;
  @Autowired InventoryService inventory;
  @Autowired InspectionService inspections;
  @Autowired JdbcTemplate jdbc;

  Asset asset;

  @BeforeEach
  void anAssetInService() {
    TestDatabase.clean(jdbc);
    asset = Assets.desktop(inventory);
  }

  static ActivatedJob statusJob(String element, AssetStatus target) {
    return Jobs.job(JobTypes.UPDATE_STATUS, element, Map.of(Headers.TARGET_STATUS, target.name()));
  }

  @Test
  void shouldMoveTheAssetAndReturnTheAssetVariable() {
    // given
    Assets.withDrive(inventory, asset, "SSD-1", StorageType.SSD);
    ActivatedJob job = statusJob("mark-decommissioning", AssetStatus.DECOMMISSIONING);

    // when
    Map<String, Object> out = updateStatus.updateStatus(job, asset.id());

    // then
    AssetVariable variable = (AssetVariable) out.get("asset");
    assertThat(variable.id()).isEqualTo(asset.id());
    assertThat(variable.inventoryNumber()).isEqualTo(asset.inventoryNumber());
    assertThat(variable.status()).isEqualTo("DECOMMISSIONING");
    assertThat(variable.category()).isEqualTo("DESKTOP");
    assertThat(variable.storageDevices())
        .containsExactly(new AssetVariable.Device("SSD-1", "SSD", 512L));
    assertThat(inventory.findById(asset.id()).orElseThrow().status())
        .isEqualTo(AssetStatus.DECOMMISSIONING);
    assertThat(inventory.custodyOf(asset.id()).get(inventory.custodyOf(asset.id()).size() - 1))
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo(CustodyAction.STATUS_CHANGED);
              assertThat(e.actor()).isEqualTo("worker:inventory.update-status");
              assertThat(e.details()).contains("mark-decommissioning");
            });
  }

  @Test
  void shouldChangeNothingWhenTheSameJobIsDeliveredTwice() {
    // given
    ActivatedJob job = statusJob("mark-decommissioning", AssetStatus.DECOMMISSIONING);
    updateStatus.updateStatus(job, asset.id());
    int custody = inventory.custodyOf(asset.id()).size();

    // when
    Map<String, Object> again = updateStatus.updateStatus(job, asset.id());

    // then
    assertThat(((AssetVariable) again.get("asset")).status()).isEqualTo("DECOMMISSIONING");
    assertThat(inventory.custodyOf(asset.id())).hasSize(custody);
  }

  @Test
  void shouldDoNothingWhenAlreadyInTheTargetStatus() {
    // given
    Assets.moveTo(inventory, asset, AssetStatus.DECOMMISSIONING, AssetStatus.SANITIZING);
    int custody = inventory.custodyOf(asset.id()).size();

    // when
    Map<String, Object> out =
        updateStatus.updateStatus(statusJob("mark-sanitizing", AssetStatus.SANITIZING), asset.id());

    // then
    assertThat(((AssetVariable) out.get("asset")).status()).isEqualTo("SANITIZING");
    assertThat(inventory.custodyOf(asset.id())).hasSize(custody);
  }

  @Test
  void shouldThrowAssetNotFoundWithItsDetailForAnUnknownId() {
    assertThatThrownBy(
            () ->
                updateStatus.updateStatus(
                    statusJob("mark-decommissioning", AssetStatus.DECOMMISSIONING), 987654321L))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.ASSET_NOT_FOUND);
              assertThat(e.getVariables())
                  .isEqualTo(
                      Map.of(
                          "inventoryIssueDetail",
                          "Aucun équipement n° 987654321 dans l'inventaire."));
            });
  }

  @Test
  void shouldThrowNotRetirableWhenAnotherProcedureIsRetiringTheAsset() {
    // given: decommissioned by another process instance
    updateStatus.updateStatus(
        statusJob("mark-decommissioning", AssetStatus.DECOMMISSIONING), asset.id());

    // when, then
    assertThatThrownBy(
            () ->
                updateStatus.updateStatus(
                    statusJob("mark-decommissioning", AssetStatus.DECOMMISSIONING), asset.id()))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.ASSET_NOT_RETIRABLE);
              assertThat(detail(e)).contains("déjà en cours de retrait");
            });
  }

  @Test
  void shouldThrowNotRetirableForAFinalStatusAndFailTheJobElsewhere() {
    // given: a donated asset can be neither retired nor sent to recycling
    Asset donated =
        Assets.moveTo(
            inventory,
            Assets.attestedWithoutStorage(inspections, asset),
            AssetStatus.DECOMMISSIONING,
            AssetStatus.SANITIZING,
            AssetStatus.SANITIZED,
            AssetStatus.DONATION_PENDING,
            AssetStatus.DONATED);

    // then
    assertThatThrownBy(
            () ->
                updateStatus.updateStatus(
                    statusJob("mark-decommissioning", AssetStatus.DECOMMISSIONING), donated.id()))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.ASSET_NOT_RETIRABLE);
              assertThat(detail(e)).contains("« Donné »");
            });
    assertThatThrownBy(
            () ->
                updateStatus.updateStatus(
                    statusJob("mark-recycling-pending", AssetStatus.RECYCLING_PENDING),
                    donated.id()))
        .isInstanceOf(IllegalStatusTransitionException.class);
  }

  static String detail(BpmnError e) {
    return (String) ((Map<?, ?>) e.getVariables()).get("inventoryIssueDetail");
  }

  @Test
  void shouldRecordTheInspectionItsDrivesAndTheAnssiChecklistOnce() {
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
    int custodyBefore = inventory.custodyOf(asset.id()).size();

    // when
    recordInspection.recordInspection(job, input);
    recordInspection.recordInspection(job, input);

    // then
    Asset inspected = inventory.findById(asset.id()).orElseThrow();
    assertThat(inspected.storageDevices())
        .extracting(d -> d.serialNumber(), d -> d.type(), d -> d.capacityBytes())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("SSD-1", StorageType.SSD, 512_000_000_000L),
            org.assertj.core.groups.Tuple.tuple("HDD-9", StorageType.HDD, 1_000_000_000_000L));
    assertThat(inventory.custodyOf(asset.id())).hasSize(custodyBefore + 3);
    assertThat(inventory.custodyOf(asset.id()).get(custodyBefore + 2).details())
        .contains(
            "état B",
            "batterie 82 %",
            "TPM effacée oui",
            "supports amovibles retirés NON",
            "10/03/2026",
            "Magasin DSI");
    assertThat(inspections.latest(asset.id()))
        .hasValueSatisfying(
            i -> {
              assertThat(i.conditionGrade()).isEqualTo("B");
              assertThat(i.anssiChecklistComplete()).isFalse();
              assertThat(i.storageDeviceCount()).isEqualTo(2);
            });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asset_inspection", Integer.class))
        .isEqualTo(1);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void shouldRefuseAGradeOutsideAToD() {
    assertThatThrownBy(
            () ->
                recordInspection.recordInspection(
                    Jobs.job(JobTypes.RECORD_INSPECTION, "record-inspection"),
                    new RecordInspectionWorker.Input(
                        asset.id(),
                        new RecordInspectionWorker.InspectionVariable(
                            "E", true, null, true, true, true, true, null, null, null),
                        List.of())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A, B, C or D");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asset_inspection", Integer.class))
        .isZero();
  }
}
