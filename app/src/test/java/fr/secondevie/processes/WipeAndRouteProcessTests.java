package fr.secondevie.processes;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.DispositionRoute;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.AssetEndOfLifeProcess.Elements;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.WipeReportIntake;
import fr.secondevie.support.Assets;
import fr.secondevie.support.EngineModels;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda Process Test (REMOTE mode, against the embedded engine) of P2 {@code asset-end-of-life}
 * from retirement to the recorded route, with this application's job workers: the wipe report by
 * the tool's message or typed in after the timeout, a wipe failure then the destruction of the
 * media (an incomplete proof first), arbitration of a review, an unknown asset withdrawn, a
 * non-retirable asset retried with another id, and the collection reminder. Assertions check the
 * path and what the workers wrote (inventory, certificates, custody, outbox). The routes' own
 * sub-processes (donation, second life, recycling) belong to their modules' tests.
 */
@SpringBootTest
@CamundaSpringProcessTest
class WipeAndRouteProcessTests {

  @Autowired CamundaClient camunda;
  @Autowired CamundaProcessTestContext context;
  @Autowired InventoryService inventory;
  @Autowired WipeReportIntake intake;
  @Autowired CertificateService certificates;
  @Autowired NotificationService notifications;
  @Autowired DocumentService documents;
  @Autowired JdbcTemplate jdbc;

  Asset desktop;

  /** Leaves the shared engine with the application's models, as its startup deployed them. */
  @AfterAll
  static void redeployTheModels(@Autowired Environment environment) {
    EngineModels.redeploy(environment);
  }

  @BeforeEach
  void aDesktopInService() {
    TestDatabase.clean(jdbc);
    desktop = Assets.desktop(inventory);
  }

  ProcessInstanceEvent retire(long assetId) {
    return camunda
        .newCreateInstanceCommand()
        .bpmnProcessId(AssetEndOfLifeProcess.PROCESS_ID)
        .latestVersion()
        .variables(Map.of("assetId", assetId))
        .send()
        .join();
  }

  /** What a technician types in form collect-asset. */
  static Map<String, Object> collected(String... drives) {
    Map<String, Object> form = new HashMap<>();
    form.put("conditionGrade", "B");
    form.put("functionalTest", "WORKS");
    form.put("tpmCleared", true);
    form.put("uefiReset", true);
    form.put("labelsRemoved", true);
    form.put("removableMediaRemoved", true);
    form.put("collectedOn", "2026-03-10");
    form.put("collectionLocation", "Magasin DSI");
    form.put(
        "storageDevices",
        java.util.Arrays.stream(drives)
            .map(
                serial ->
                    Map.<String, Object>of(
                        "serialNumber", serial, "type", "SSD", "capacityGb", 512))
            .toList());
    if (drives.length == 0) {
      // a computer collected with no drive leaves only with the technician's attestation
      form.put("storageAttestation", "VERIFIED_ABSENT");
      form.put("storageVerifiedBy", "Camille Martin (DSI)");
    }
    return form;
  }

  void collect(ProcessInstanceEvent instance, String... drives) {
    assertThatUserTask(
            UserTaskSelectors.byElementId(Elements.COLLECT_ASSET, instance.getProcessInstanceKey()))
        .isCreated()
        .hasCandidateGroup(CandidateGroups.TECHNICIAN);
    context.completeUserTask(
        UserTaskSelectors.byElementId(Elements.COLLECT_ASSET, instance.getProcessInstanceKey()),
        collected(drives));
  }

  /** The form completed, then the inspection recorded: the instance waits for the report. */
  void collectAndAwaitTheReport(ProcessInstanceEvent instance, String... drives) {
    collect(instance, drives);
    assertThat(instance).hasActiveElements(Elements.WAIT_FOR_WIPE_REPORT);
  }

  void postReport(Asset asset, String method) {
    EndOfLifeFixtures.postReport(intake, asset, "SSD-1", method);
  }

  Asset reload(Asset asset) {
    return inventory.findById(asset.id()).orElseThrow();
  }

  /** The asset's PDF of that kind, checked to be a PDF and cited as evidence in its custody. */
  StoredDocument pdfCitedInCustody(Asset asset, DocumentKind kind) {
    StoredDocument document =
        documents.ownedBy("asset:" + asset.inventoryNumber()).stream()
            .filter(d -> d.kind() == kind)
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + kind + " for " + asset));
    assertThat(new String(documents.content(document), 0, 5, StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    assertThat(inventory.custodyOf(asset.id()))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo(CustodyAction.EVIDENCE);
              assertThat(e.evidence()).isEqualTo(document.evidence());
            });
    return document;
  }

  @Test
  void shouldCollectWipeCertifyAndRouteFromTheToolsReport() {
    // given
    ProcessInstanceEvent instance = retire(desktop.id());
    collectAndAwaitTheReport(instance, "SSD-1");
    assertThat(instance).isWaitingForMessage("SanitizationReported", desktop.id().toString());

    // when
    postReport(desktop, "CRYPTO_ERASE");

    // then
    assertThat(instance)
        .hasCompletedElementsInOrder(
            Elements.MARK_DECOMMISSIONING,
            Elements.COLLECT_ASSET,
            Elements.RECORD_INSPECTION,
            Elements.PLAN_SANITIZATION,
            Elements.MARK_SANITIZING,
            Elements.WAIT_FOR_WIPE_REPORT,
            Elements.RECORD_CERTIFICATES,
            Elements.MARK_SANITIZED,
            Elements.ASSESS_ASSET,
            Elements.DECIDE_ROUTE,
            Elements.RECORD_ROUTE)
        .hasVariable("wipeReportSource", "TOOL")
        .hasVariable("sanitizationOutcome", "PASSED")
        .hasVariable("sanitizationRequired", true)
        .hasVariable("route", "DONATION")
        .hasVariable("routeArbitrated", false);
    assertThat(reload(desktop).route()).isEqualTo(DispositionRoute.DONATION);
    assertThat(reload(desktop).storageDevices())
        .extracting(d -> d.serialNumber())
        .containsExactly("SSD-1");
    assertThat(reload(desktop).status()).isIn(AssetStatus.SANITIZED, AssetStatus.DONATION_PENDING);
    StoredDocument certificatePdf =
        pdfCitedInCustody(desktop, DocumentKind.SANITIZATION_CERTIFICATE);
    assertThat(certificates.certificatesOf(desktop.id()))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.intact()).isTrue();
              assertThat(c.documentPublicId()).isEqualTo(certificatePdf.publicId());
            });
    assertThat(inventory.custodyOf(desktop.id()))
        .extracting(e -> e.action())
        .contains(CustodyAction.STORAGE_RECORDED, CustodyAction.ROUTE_ASSIGNED);
    assertThat(inventory.verifyCustody(desktop.id()).problem()).isNull();
  }

  @Test
  void shouldTypeTheReportInWhenTheToolsReportIsLate() {
    // given
    ProcessInstanceEvent instance = retire(desktop.id());
    collectAndAwaitTheReport(instance, "SSD-1");

    // when: two days without the tool's report
    context.increaseTime(Duration.ofDays(2));
    assertThatUserTask(
            UserTaskSelectors.byElementId(
                Elements.ENTER_WIPE_REPORT, instance.getProcessInstanceKey()))
        .isCreated()
        .hasCandidateGroup(CandidateGroups.TECHNICIAN);
    context.completeUserTask(
        UserTaskSelectors.byElementId(Elements.ENTER_WIPE_REPORT, instance.getProcessInstanceKey()),
        Map.of(
            "wipeReport",
            Map.of(
                "tool", "Blancco Drive Eraser",
                "toolVersion", "7.12.1",
                "operator", "Camille Martin",
                "reportRef", "PV-2026-17",
                "performedOn", "2026-03-12",
                "drives",
                    List.of(
                        Map.of(
                            "serialNumber", "SSD-1",
                            "requiredLevel", "PURGE",
                            "methodType", "PURGE",
                            "method", "BLOCK_ERASE",
                            "verification", "SAMPLING",
                            "result", "PASSED")))));

    // then
    assertThat(instance)
        .hasTerminatedElements(Elements.WAIT_FOR_WIPE_REPORT)
        .hasCompletedElements(
            Elements.SANITIZATION_REPORT_TIMEOUT,
            Elements.ENTER_WIPE_REPORT,
            Elements.RECORD_CERTIFICATES,
            Elements.MARK_SANITIZED)
        .hasVariable("wipeReportSource", "MANUAL")
        .hasVariable("sanitizationOutcome", "PASSED");
    assertThat(certificates.certificatesOf(desktop.id()))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.verification()).isEqualTo("SAMPLING");
              assertThat(c.wipeReportReference()).startsWith("WR-");
              assertThat(c.intact()).isTrue();
            });
    pdfCitedInCustody(desktop, DocumentKind.SANITIZATION_CERTIFICATE);
    assertThat(inventory.verifyCustody(desktop.id()).problem()).isNull();
  }

  Map<String, Object> destruction(String dinLevel) {
    return Map.of(
        "destroyedMedia",
            List.of(
                Map.of(
                    "serialNumber", "SSD-1", "destructionMethod", "SHRED", "dinLevel", dinLevel)),
        "destroyedOn", "2026-03-13",
        "destructionProvider", "Broyage Normandie",
        "destructionCertificateRef", "BN-2026-0311",
        "destructionWitness", "R. Leroy");
  }

  @Test
  void shouldDestroyTheMediaWhenTheWipeFallsShortAndInsistOnACompleteProof() {
    // given: the SSD was only overwritten, Purge is required
    ProcessInstanceEvent instance = retire(desktop.id());
    collectAndAwaitTheReport(instance, "SSD-1");
    postReport(desktop, "OVERWRITE");
    assertThat(instance)
        .hasCompletedElements(Elements.SANITIZATION_FAILED, Elements.MARK_MEDIA_DESTRUCTION)
        .hasVariable("failedDrives", List.of("SSD-1"))
        .hasVariable(
            "sanitizationFailures",
            List.of(Map.of("serialNumber", "SSD-1", "reason", "LEVEL_TOO_LOW")));
    assertThat(reload(desktop).status()).isEqualTo(AssetStatus.MEDIA_DESTRUCTION);
    assertThatUserTask(
            UserTaskSelectors.byElementId(Elements.DESTROY_MEDIA, instance.getProcessInstanceKey()))
        .isCreated();

    // when: a level of the wrong class and too low for health data
    context.completeUserTask(
        UserTaskSelectors.byElementId(Elements.DESTROY_MEDIA, instance.getProcessInstanceKey()),
        destruction("H-3"));

    // then: the proof is refused and the task comes back, with the reason for its form
    assertThat(instance)
        .hasCompletedElements(Elements.DESTRUCTION_PROOF_INCOMPLETE)
        .hasActiveElements(Elements.DESTROY_MEDIA)
        .hasVariableSatisfies(
            AssetEndOfLifeProcess.Variables.TASK_REFUSAL,
            String.class,
            reason -> assertThat(reason).contains("SSD-1").contains("H-3"));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM media_destruction WHERE asset_id = ?",
                Integer.class,
                desktop.id()))
        .isZero();

    // when: a proper proof
    context.completeUserTask(
        UserTaskSelectors.byElementId(Elements.DESTROY_MEDIA, instance.getProcessInstanceKey()),
        destruction("E-5"));

    // then
    assertThat(instance)
        .hasCompletedElement(Elements.DESTROY_MEDIA, 2)
        .hasCompletedElements(
            Elements.RECORD_DESTRUCTION, Elements.MARK_SANITIZED, Elements.RECORD_ROUTE)
        .hasVariable("sanitizationOutcome", "MEDIA_DESTROYED")
        .hasVariable(AssetEndOfLifeProcess.Variables.TASK_REFUSAL, null);
    assertThat(certificates.certificatesOf(desktop.id())).isEmpty();
    assertThat(
            jdbc.queryForObject(
                "SELECT din_level FROM media_destruction WHERE asset_id = ?",
                String.class,
                desktop.id()))
        .isEqualTo("E-5");
    pdfCitedInCustody(desktop, DocumentKind.DESTRUCTION_CERTIFICATE);
    assertThat(reload(desktop).status()).isNotEqualTo(AssetStatus.MEDIA_DESTRUCTION);
    assertThat(inventory.verifyCustody(desktop.id()).problem()).isNull();
  }

  @Test
  void shouldLetTheAssetManagerArbitrateAReview() {
    // given: a server, no storage left in it
    Asset server =
        Assets.register(
            inventory, AssetCategory.SERVER, "Salle serveurs", LocalDate.of(2022, 9, 15), 450000L);
    ProcessInstanceEvent instance = retire(server.id());
    collect(instance);
    assertThat(instance)
        .hasCompletedElements(Elements.DECIDE_ROUTE, Elements.MARK_AWAITING_ROUTE)
        .hasVariable("sanitizationOutcome", "NO_STORAGE")
        .hasVariable("route", "REVIEW");
    assertThatUserTask(
            UserTaskSelectors.byElementId(
                Elements.ARBITRATE_ROUTE, instance.getProcessInstanceKey()))
        .isCreated()
        .hasCandidateGroup(CandidateGroups.ASSET_MANAGER);

    // when
    context.completeUserTask(
        UserTaskSelectors.byElementId(Elements.ARBITRATE_ROUTE, instance.getProcessInstanceKey()),
        Map.of(
            "arbitratedRoute",
            "RECYCLE",
            "routeJustification",
            "Châssis hors garantie, pièces introuvables"));

    // then
    assertThat(instance)
        .hasCompletedElements(Elements.RECORD_ROUTE, Elements.MARK_RECYCLING_PENDING)
        .hasVariable("route", "RECYCLE")
        .hasVariable("routeArbitrated", true);
    assertThat(reload(server).route()).isEqualTo(DispositionRoute.RECYCLE);
    assertThat(reload(server).routeReason())
        .isEqualTo("arbitrage : Châssis hors garantie, pièces introuvables");
    assertThat(reload(server).status()).isEqualTo(AssetStatus.RECYCLING_PENDING);
    assertThat(inventory.custodyOf(server.id()))
        .filteredOn(e -> e.action() == CustodyAction.ROUTE_ASSIGNED)
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains("Châssis hors garantie"));
    assertThat(inventory.verifyCustody(server.id()).problem()).isNull();
  }

  @Test
  void shouldWithdrawAnUnknownAssetAtRegularization() {
    // given
    ProcessInstanceEvent instance = retire(987654321L);
    assertThat(instance)
        .hasCompletedElements(Elements.ASSET_NOT_FOUND)
        .hasVariable("inventoryIssue", "ASSET_NOT_FOUND")
        .hasVariable("inventoryIssueDetail", "Aucun équipement n° 987654321 dans l'inventaire.");

    // when
    context.completeUserTask(
        UserTaskSelectors.byElementId(
            Elements.REGULARIZE_INVENTORY, instance.getProcessInstanceKey()),
        Map.of(
            "regularization",
            "WITHDRAW",
            "regularizationComment",
            "Numéro erroné dans la campagne"));

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElements(Elements.ASSET_WITHDRAWN)
        .hasVariable("outcome", "WITHDRAWN");
  }

  @Test
  void shouldRetryWithTheCorrectedAssetWhenTheFirstIsNotRetirable() {
    // given: another procedure retires the desktop already
    Assets.moveTo(inventory, desktop, AssetStatus.DECOMMISSIONING);
    Asset other = Assets.desktop(inventory);
    ProcessInstanceEvent instance = retire(desktop.id());
    assertThat(instance)
        .hasCompletedElements(Elements.ASSET_NOT_RETIRABLE)
        .hasVariable("inventoryIssue", "ASSET_NOT_RETIRABLE");

    // when
    context.completeUserTask(
        UserTaskSelectors.byElementId(
            Elements.REGULARIZE_INVENTORY, instance.getProcessInstanceKey()),
        Map.of(
            "regularization",
            "RETRY",
            "correctedAssetId",
            other.id(),
            "regularizationComment",
            "Étiquette inversée"));

    // then
    assertThat(instance)
        .hasCompletedElement(Elements.MARK_DECOMMISSIONING, 1)
        .hasActiveElements(Elements.COLLECT_ASSET)
        .hasVariableSatisfies("assetId", Long.class, id -> assertThat(id).isEqualTo(other.id()));
    assertThat(reload(other).status()).isEqualTo(AssetStatus.DECOMMISSIONING);
    assertThat(inventory.custodyOf(desktop.id()))
        .filteredOn(e -> e.action() == CustodyAction.STATUS_CHANGED)
        .hasSize(1); // the other procedure's retirement only
  }

  @Test
  void shouldRemindTheTechniciansEveryThreeDaysWhileTheCollectionWaits() {
    // given
    ProcessInstanceEvent instance = retire(desktop.id());
    assertThat(instance).hasActiveElements(Elements.COLLECT_ASSET);

    // when
    context.increaseTime(Duration.ofDays(3));
    assertThat(instance).hasCompletedElement(Elements.SEND_COLLECTION_REMINDER, 1);
    context.increaseTime(Duration.ofDays(3));

    // then
    assertThat(instance)
        .hasCompletedElement(Elements.SEND_COLLECTION_REMINDER, 2)
        .hasActiveElements(Elements.COLLECT_ASSET);
    assertThat(
            notifications.latest(500).stream()
                .filter(n -> n.operationId().contains(":" + instance.getProcessInstanceKey() + ":"))
                .toList())
        .hasSize(2)
        .allSatisfy(
            n -> {
              assertThat(n.recipient()).isEqualTo("dsi-techniciens@chu.example");
              assertThat(n.subject()).endsWith(desktop.inventoryNumber());
            });
  }
}
