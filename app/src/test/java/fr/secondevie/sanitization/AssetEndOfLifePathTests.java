package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.AssetEndOfLifeProcess.Elements;
import fr.secondevie.processes.AssetRouteDecision;
import fr.secondevie.sanitization.WipeReportIntake.JsonSubmission;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.CamundaClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The sanitization and routing path of P2 run by the embedded engine with this application's job
 * workers, driven through the Camunda client (gRPC: deployment, creation with a start instruction,
 * message from the REST intake). User tasks cannot be completed without the engine's REST API, so
 * each case starts after {@code collect-asset} and stops at the next user task or at a job of
 * another module; assertions read what the workers recorded. The Camunda Process Test suite of
 * every path comes when the engine's REST API lands.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AssetEndOfLifePathTests {

  static final Duration PATIENCE = Duration.ofSeconds(30);

  @Autowired CamundaClient camunda;
  @Autowired InventoryService inventory;
  @Autowired fr.secondevie.inventory.InspectionService inspections;
  @Autowired WipeReportIntake intake;
  @Autowired CertificateService certificates;
  @Autowired JdbcTemplate jdbc;

  Asset asset;
  final List<Long> started = new ArrayList<>();

  @BeforeAll
  static void deployTheModels(@Autowired CamundaClient camunda) {
    camunda
        .newDeployResourceCommand()
        .addResourceFromClasspath("models/" + AssetEndOfLifeProcess.RESOURCE)
        .addResourceFromClasspath("models/" + AssetRouteDecision.RESOURCE)
        .send()
        .join();
  }

  @BeforeEach
  void aCollectedDesktopWithTwoDrives() {
    TestDatabase.clean(jdbc);
    asset = Assets.desktop(inventory);
    Assets.withDrive(inventory, asset, "SSD-1", StorageType.SSD);
    Assets.withDrive(inventory, asset, "HDD-1", StorageType.HDD);
    asset = Assets.moveTo(inventory, asset, AssetStatus.DECOMMISSIONING);
  }

  long startAfterCollection() {
    return startAfterCollection(
        asset,
        List.of(
            Map.of("serialNumber", "SSD-1", "type", "SSD", "capacityGb", 512),
            Map.of("serialNumber", "HDD-1", "type", "HDD", "capacityGb", 512)));
  }

  /** Leaves no instance behind for the workers of other modules sharing this engine. */
  @AfterEach
  void cancelTheInstances() {
    for (long key : started) {
      try {
        camunda.newCancelInstanceCommand(key).send().join();
      } catch (RuntimeException alreadyEnded) {
        // nothing to cancel
      }
    }
  }

  long startAfterCollection(Asset asset, List<Map<String, Object>> storageDevices) {
    long key =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId(AssetEndOfLifeProcess.PROCESS_ID)
            .latestVersion()
            .variables(
                Map.of(
                    "assetId", asset.id(),
                    "inspection",
                        Map.of(
                            "conditionGrade", "B",
                            "functional", true,
                            "tpmCleared", true,
                            "uefiReset", true,
                            "labelsRemoved", true,
                            "removableMediaRemoved", true,
                            "collectedOn", "2026-03-10",
                            "collectionLocation", "Magasin DSI"),
                    "storageDevices", storageDevices))
            .startBeforeElement(Elements.PLAN_SANITIZATION)
            .send()
            .join()
            .getProcessInstanceKey();
    started.add(key);
    return key;
  }

  String report(String ssdMethod) {
    return """
        {"assetId": %d, "tool": "Blancco Drive Eraser", "toolVersion": "7.12.1",
         "operator": "Camille Martin", "performedOn": "2026-03-12T10:42:00+01:00",
         "drives": [
           {"serialNumber": "SSD-1", "methodType": "PURGE", "method": "%s", "verification": "FULL", "result": "PASSED"},
           {"serialNumber": "HDD-1", "methodType": "PURGE", "method": "SANITIZE_COMMAND", "verification": "FULL", "result": "PASSED"}
         ]}
        """
        .formatted(asset.id(), ssdMethod);
  }

  AssetStatus status() {
    return inventory.findById(asset.id()).orElseThrow().status();
  }

  @Test
  void shouldWipeCertifyAssessAndRouteAnAssetFromTheToolsReport() {
    // given: the instance waits for the wipe report
    startAfterCollection();
    Awaitility.await().atMost(PATIENCE).until(() -> status() == AssetStatus.SANITIZING);

    // when: the wiping station posts its report
    intake.receive(
        new JsonSubmission(report("CRYPTO_ERASE").getBytes(StandardCharsets.UTF_8), "technicien"));

    // then: certified, sanitized, assessed, routed by asset-route (7 years old, worth 0 €:
    // donation)
    Awaitility.await().atMost(PATIENCE).until(() -> status() == AssetStatus.DONATION_PENDING);
    Asset routed = inventory.findById(asset.id()).orElseThrow();
    assertThat(routed.route()).isEqualTo(DispositionRoute.DONATION);
    assertThat(routed.routeReason()).startsWith("décision asset-route : ");
    assertThat(certificates.certificatesOf(asset.id()))
        .extracting(SanitizationCertificate::serialNumber)
        .containsExactlyInAnyOrder("SSD-1", "HDD-1");
    assertThat(inventory.custodyOf(asset.id()))
        .extracting(
            e ->
                e.action() == CustodyAction.STATUS_CHANGED
                    ? "STATUS_CHANGED:" + e.toStatus()
                    : e.action().name())
        .containsSubsequence(
            "NOTE",
            "STATUS_CHANGED:SANITIZING",
            "EVIDENCE",
            "EVIDENCE",
            "STATUS_CHANGED:SANITIZED",
            "ROUTE_ASSIGNED",
            "STATUS_CHANGED:DONATION_PENDING");
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void shouldSendTheMediaToDestructionWhenAWipeFallsShortOfThePlan() {
    // given
    startAfterCollection();
    Awaitility.await().atMost(PATIENCE).until(() -> status() == AssetStatus.SANITIZING);

    // when: the SSD was only overwritten (Clear), Purge is required
    intake.receive(
        new JsonSubmission(report("OVERWRITE").getBytes(StandardCharsets.UTF_8), "technicien"));

    // then: SANITIZATION_FAILED is caught, the asset waits for the destruction of its media
    Awaitility.await().atMost(PATIENCE).until(() -> status() == AssetStatus.MEDIA_DESTRUCTION);
    assertThat(certificates.certificatesOf(asset.id()))
        .extracting(SanitizationCertificate::serialNumber)
        .containsExactly("HDD-1");
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.action() == CustodyAction.NOTE)
        .anySatisfy(e -> assertThat(e.details()).contains("LEVEL_TOO_LOW", "SSD-1"));
  }

  @ParameterizedTest(name = "{0} bought {1}: {3}")
  @CsvSource({
    "MONITOR, 2024-06-01, INTERNAL_REUSE, RECONDITIONING",
    "DESKTOP, 2014-02-03, RECYCLE, RECYCLING_PENDING",
    "SERVER, 2022-09-15, , AWAITING_ROUTE",
  })
  void shouldRouteAnAssetWithoutStorageByTheDecision(
      AssetCategory category, LocalDate bought, DispositionRoute route, AssetStatus expected) {
    // given: nothing to wipe
    Asset bare =
        Assets.moveTo(
            inventory,
            Assets.register(inventory, category, "Radiologie", bought, 120000L),
            AssetStatus.DECOMMISSIONING);
    if (category.carriesStorage()) {
      // storage is never assumed absent: the collection attested that the computer holds none
      Assets.attestedWithoutStorage(inspections, bare);
    }

    // when
    startAfterCollection(bare, List.of());

    // then: NO_STORAGE, sanitized, then the route of asset-route (or arbitration for a server)
    Awaitility.await()
        .atMost(PATIENCE)
        .until(() -> inventory.findById(bare.id()).orElseThrow().status() == expected);
    assertThat(inventory.findById(bare.id()).orElseThrow().route()).isEqualTo(route);
    assertThat(inventory.custodyOf(bare.id()))
        .anySatisfy(e -> assertThat(e.details()).contains("NO_STORAGE"));
  }
}
