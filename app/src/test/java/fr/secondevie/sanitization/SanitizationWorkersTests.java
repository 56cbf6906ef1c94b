package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.AssetEndOfLifeProcess.ErrorCodes;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.sanitization.SanitizationWorkers.CertificateInput;
import fr.secondevie.sanitization.SanitizationWorkers.DestroyedMediumVariable;
import fr.secondevie.sanitization.SanitizationWorkers.DestructionInput;
import fr.secondevie.sanitization.SanitizationWorkers.DestructionVariable;
import fr.secondevie.sanitization.SanitizationWorkers.DeviceVariable;
import fr.secondevie.sanitization.SanitizationWorkers.PlanInput;
import fr.secondevie.sanitization.SanitizationWorkers.PlanVariable;
import fr.secondevie.sanitization.SanitizationWorkers.PlannedDriveVariable;
import fr.secondevie.sanitization.SanitizationWorkers.ReportedDriveVariable;
import fr.secondevie.sanitization.SanitizationWorkers.WipeReportVariable;
import fr.secondevie.support.Assets;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestDatabase;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The three sanitization workers on the real database, and the invariant: no asset past SANITIZED
 * with a drive lacking a passing certificate or a destruction proof.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SanitizationWorkersTests {

  @Autowired SanitizationWorkers workers;
  @Autowired InventoryService inventory;
  @Autowired CertificateService certificates;
  @Autowired DestructionService destructions;
  @Autowired DocumentService documents;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.test.web.servlet.MockMvc mvc;

  Asset asset;

  @BeforeEach
  void aDesktopWithTwoDrivesBeingSanitized() {
    TestDatabase.clean(jdbc);
    asset = Assets.desktop(inventory);
    Assets.withDrive(inventory, asset, "SSD-1", StorageType.SSD);
    Assets.withDrive(inventory, asset, "HDD-1", StorageType.HDD);
    asset = Assets.moveTo(inventory, asset, AssetStatus.DECOMMISSIONING, AssetStatus.SANITIZING);
  }

  static PlanVariable plan() {
    return new PlanVariable(
        true,
        List.of(
            new PlannedDriveVariable("HDD-1", "HDD", "PURGE", "—"),
            new PlannedDriveVariable("SSD-1", "SSD", "PURGE", "—")));
  }

  static ReportedDriveVariable passed(String serial, String method) {
    return new ReportedDriveVariable(serial, "PURGE", method, "FULL", "PASSED", "ok");
  }

  static WipeReportVariable manualReport(ReportedDriveVariable... drives) {
    return new WipeReportVariable(
        "Blancco Drive Eraser",
        "7.12.1",
        "Camille Martin",
        "PV-2026-17",
        "2026-03-12",
        List.of(drives));
  }

  CertificateInput certificateInput(WipeReportVariable report) {
    return new CertificateInput(asset.id(), plan(), report, "MANUAL");
  }

  @Test
  void shouldPlanPurgeForEveryKnownDriveOfAHospitalAsset() {
    // given: the inspection found an extra eMMC the inventory did not know
    ActivatedJob job = Jobs.job(JobTypes.PLAN_SANITIZATION, "plan-sanitization");

    // when
    Map<String, Object> out =
        workers.plan(
            job,
            new PlanInput(
                asset.id(),
                List.of(
                    new DeviceVariable("SSD-1", "SSD", 512.0),
                    new DeviceVariable("EMMC-7", "EMMC", 32.0))));

    // then
    SanitizationPlan plan = (SanitizationPlan) out.get("sanitizationPlan");
    assertThat(plan.healthData()).isTrue();
    assertThat(plan.drives())
        .extracting(
            SanitizationPlan.PlannedDrive::serialNumber,
            SanitizationPlan.PlannedDrive::requiredLevel)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("HDD-1", SanitizationLevel.PURGE),
            org.assertj.core.groups.Tuple.tuple("SSD-1", SanitizationLevel.PURGE),
            org.assertj.core.groups.Tuple.tuple("EMMC-7", SanitizationLevel.PURGE));
    assertThat(plan.drives().get(1).recommendedMethod()).contains("ATA SANITIZE BLOCK ERASE EXT");
    assertThat(out)
        .containsEntry("sanitizationRequired", true)
        .doesNotContainKey("sanitizationOutcome");
    assertThat(lastEntry().details()).startsWith("Plan d'effacement (données de santé : oui");
  }

  @Test
  void shouldPlanNothingAndSayNoStorageForAMonitor() {
    // given
    Asset monitor =
        Assets.register(
            inventory, AssetCategory.MONITOR, "Pharmacie", LocalDate.of(2018, 1, 2), 19900L);
    ActivatedJob job = Jobs.job(JobTypes.PLAN_SANITIZATION, "plan-sanitization");

    // when
    Map<String, Object> out = workers.plan(job, new PlanInput(monitor.id(), List.of()));
    workers.plan(job, new PlanInput(monitor.id(), List.of()));

    // then
    assertThat(out)
        .containsEntry("sanitizationRequired", false)
        .containsEntry("sanitizationOutcome", "NO_STORAGE");
    assertThat(inventory.custodyOf(monitor.id()))
        .filteredOn(e -> e.action() == CustodyAction.NOTE)
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains("NO_STORAGE"));
  }

  @Test
  void shouldCertifyEveryDriveWithItsPdfAndCustodyEntryOnce() {
    // given
    ActivatedJob job = Jobs.job(JobTypes.RECORD_CERTIFICATE, "record-certificates");
    CertificateInput input =
        certificateInput(
            manualReport(passed("SSD-1", "BLOCK_ERASE"), passed("HDD-1", "SANITIZE_COMMAND")));

    // when
    Map<String, Object> out = workers.recordCertificates(job, input);
    Map<String, Object> again = workers.recordCertificates(job, input);

    // then
    // (completedBy cleared: the wipe report task it may name is done)
    assertThat(out)
        .containsEntry("sanitizationOutcome", "PASSED")
        .containsEntry("completedBy", null)
        .hasSize(2)
        .isEqualTo(again);
    List<SanitizationCertificate> issued = certificates.certificatesOf(asset.id());
    assertThat(issued).hasSize(2);
    assertThat(issued)
        .allSatisfy(
            c -> {
              assertThat(c.intact()).isTrue();
              assertThat(c.operator()).isEqualTo("Camille Martin");
              assertThat(c.tool()).isEqualTo("Blancco Drive Eraser");
              assertThat(c.toolVersion()).isEqualTo("7.12.1");
              assertThat(c.inventoryNumber()).isEqualTo(asset.inventoryNumber());
              assertThat(c.mediaModel()).isEqualTo("Model " + c.serialNumber());
              assertThat(c.requiredLevel()).isEqualTo("PURGE");
              assertThat(c.effectiveLevel()).isEqualTo("PURGE");
              assertThat(c.verification()).isEqualTo("FULL");
              assertThat(c.destination()).contains("orientation");
              assertThat(c.postClassification()).contains("PURGE");
              assertThat(c.validatedBy()).startsWith("worker:sanitization.record-certificate");
              assertThat(documents.find(c.documentPublicId()))
                  .hasValueSatisfying(
                      d -> {
                        assertThat(d.kind()).isEqualTo(DocumentKind.SANITIZATION_CERTIFICATE);
                        assertThat(new String(documents.content(d), 0, 5)).isEqualTo("%PDF-");
                      });
            });
    List<CustodyEntry> evidence =
        inventory.custodyOf(asset.id()).stream()
            .filter(e -> e.action() == CustodyAction.EVIDENCE)
            .toList();
    assertThat(evidence).hasSize(3);
    assertThat(evidence.get(0).details()).contains("saisi par un technicien");
    assertThat(evidence.get(1).evidence())
        .startsWith("SANITIZATION_CERTIFICATE " + issued.get(0).documentPublicId());
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wipe_report", Integer.class)).isEqualTo(1);
  }

  @Test
  void shouldKeepThePassingCertificatesAndRaiseSanitizationFailedWithTheFailedDrives() {
    // given: the SSD was only overwritten
    ActivatedJob job = Jobs.job(JobTypes.RECORD_CERTIFICATE, "record-certificates");
    CertificateInput input =
        certificateInput(
            manualReport(passed("SSD-1", "OVERWRITE"), passed("HDD-1", "SANITIZE_COMMAND")));

    // when, then (twice: a re-delivered job fails the same way and stores nothing more)
    for (int delivery = 0; delivery < 2; delivery++) {
      assertThatThrownBy(() -> workers.recordCertificates(job, input))
          .isInstanceOfSatisfying(
              BpmnError.class,
              e -> {
                assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.SANITIZATION_FAILED);
                assertThat(e.getVariables())
                    .isEqualTo(
                        Map.of(
                            "failedDrives",
                            List.of("SSD-1"),
                            "sanitizationFailures",
                            List.of(Map.of("serialNumber", "SSD-1", "reason", "LEVEL_TOO_LOW"))));
              });
    }
    assertThat(certificates.certificatesOf(asset.id()))
        .extracting(SanitizationCertificate::serialNumber)
        .containsExactly("HDD-1");
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.action() == CustodyAction.NOTE)
        .singleElement()
        .satisfies(e -> assertThat(e.details()).contains("LEVEL_TOO_LOW"));
  }

  @Test
  void shouldUseTheReportReceivedByTheIntakeForAToolReport() {
    // given: the intake stored the report (with media make and model) and published it
    WipeReport received = storeToolReport();
    ActivatedJob job = Jobs.job(JobTypes.RECORD_CERTIFICATE, "record-certificates");

    // when
    workers.recordCertificates(
        job,
        new CertificateInput(
            asset.id(),
            plan(),
            new WipeReportVariable(
                "nwipe",
                "0.38",
                "Camille Martin",
                received.reference(),
                "2026-03-12T11:02:25+01:00",
                List.of(passed("SSD-1", "BLOCK_ERASE"), passed("HDD-1", "SANITIZE_COMMAND"))),
            "TOOL"));

    // then
    assertThat(certificates.certificatesOf(asset.id()))
        .allSatisfy(
            c -> {
              assertThat(c.wipeReportId()).isEqualTo(received.id());
              assertThat(c.mediaManufacturer()).isEqualTo("Maker");
            });
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wipe_report", Integer.class)).isEqualTo(1);
  }

  @Autowired WipeReportRepository reports;

  WipeReport storeToolReport() {
    WipeReportContent content =
        new WipeReportContent(
            "nwipe",
            "0.38",
            "Camille Martin",
            null,
            "2026-03-12T11:02:25+01:00",
            List.of(
                new WipeReportContent.ReportedDrive(
                    "SSD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.BLOCK_ERASE,
                    Verification.FULL,
                    WipeReportContent.DriveResult.PASSED,
                    null,
                    "Maker",
                    "SSD model"),
                new WipeReportContent.ReportedDrive(
                    "HDD-1",
                    SanitizationLevel.PURGE,
                    SanitizationMethod.SANITIZE_COMMAND,
                    Verification.FULL,
                    WipeReportContent.DriveResult.PASSED,
                    null,
                    "Maker",
                    "HDD model")));
    var document =
        documents.store(
            new fr.secondevie.documents.NewDocument(
                DocumentKind.WIPE_REPORT,
                "r.log",
                "text/plain",
                "log".getBytes(),
                "asset:" + asset.inventoryNumber(),
                "technicien"));
    return reports.save(
        WipeReport.received(
            asset.id(),
            WipeReport.Source.NWIPE_LOG,
            content,
            document.sha256(),
            document.publicId(),
            "technicien",
            java.time.Instant.parse("2026-03-12T10:05:00Z"),
            null));
  }

  @Test
  void shouldRecordACompleteDestructionOnce() {
    // given
    Assets.moveTo(inventory, asset, AssetStatus.MEDIA_DESTRUCTION);
    ActivatedJob job = Jobs.job(JobTypes.RECORD_DESTRUCTION, "record-destruction");
    DestructionInput input =
        new DestructionInput(
            asset.id(),
            List.of("SSD-1"),
            new DestructionVariable(
                "2026-03-13",
                "Broyage Normandie",
                "BN-2026-0311",
                "R. Leroy",
                List.of(new DestroyedMediumVariable("SSD-1", "SHRED", "E-5"))));

    // when
    Map<String, Object> out = workers.recordDestruction(job, input);
    workers.recordDestruction(job, input);

    // then
    assertThat(out)
        .containsEntry("sanitizationOutcome", "MEDIA_DESTROYED")
        .containsEntry("completedBy", null)
        .hasSize(2);
    assertThat(destructions.destructionsOf(asset.id()))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.dinLevel()).isEqualTo("E-5");
              assertThat(d.mediaType()).isEqualTo("SSD");
              assertThat(documents.find(d.documentPublicId()))
                  .hasValueSatisfying(
                      doc ->
                          assertThat(doc.kind()).isEqualTo(DocumentKind.DESTRUCTION_CERTIFICATE));
            });
    assertThat(lastEntry().details())
        .contains("Destruction physique de 1 support", "BN-2026-0311", "E-5");
  }

  @Test
  void shouldRaiseDestructionProofIncompleteAndStoreNothing() {
    // given: the HDD has no proof, the SSD a level of the wrong class and too low for health data
    ActivatedJob job = Jobs.job(JobTypes.RECORD_DESTRUCTION, "record-destruction");
    DestructionInput input =
        new DestructionInput(
            asset.id(),
            List.of("SSD-1", "HDD-1"),
            new DestructionVariable(
                "2026-03-13",
                "Broyage Normandie",
                "",
                null,
                List.of(new DestroyedMediumVariable("SSD-1", "SHRED", "H-3"))));

    // when, then
    assertThatThrownBy(() -> workers.recordDestruction(job, input))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.DESTRUCTION_PROOF_INCOMPLETE);
              assertThat(e.getErrorMessage())
                  .contains("référence du certificat")
                  .contains("HDD-1 n'a pas de preuve")
                  .contains("pas de sa classe de matériau")
                  .contains("niveau H-3 insuffisant");
              // passed out by destruction-proof-incomplete, shown at the top of destroy-media
              assertThat(e.getVariables())
                  .isEqualTo(
                      Map.of(AssetEndOfLifeProcess.Variables.TASK_REFUSAL, e.getErrorMessage()));
            });
    assertThat(destructions.destructionsOf(asset.id())).isEmpty();
  }

  @Test
  void shouldNeverLetAnAssetPastSanitizedWithAnUnclearedDrive() {
    // given: only the HDD has a certificate
    assertThatThrownBy(
            () ->
                workers.recordCertificates(
                    Jobs.job(JobTypes.RECORD_CERTIFICATE, "record-certificates"),
                    certificateInput(manualReport(passed("HDD-1", "SANITIZE_COMMAND")))))
        .isInstanceOf(BpmnError.class);
    int custody = inventory.custodyOf(asset.id()).size();

    // when, then: refused, nothing written
    assertThatThrownBy(() -> move(AssetStatus.SANITIZED))
        .isInstanceOfSatisfying(
            MediaNotClearedException.class,
            e -> assertThat(e.serialNumbers()).containsExactly("SSD-1"));
    assertThat(inventory.findById(asset.id()).orElseThrow().status())
        .isEqualTo(AssetStatus.SANITIZING);
    assertThat(inventory.custodyOf(asset.id())).hasSize(custody);

    // and once the SSD is destroyed with proof, the asset may go on
    move(AssetStatus.MEDIA_DESTRUCTION);
    workers.recordDestruction(
        Jobs.job(JobTypes.RECORD_DESTRUCTION, "record-destruction"),
        new DestructionInput(
            asset.id(),
            List.of("SSD-1"),
            new DestructionVariable(
                "2026-03-13",
                "Broyage Normandie",
                "BN-1",
                null,
                List.of(new DestroyedMediumVariable("SSD-1", "SHRED", "E-4")))));
    assertThat(move(AssetStatus.SANITIZED).status()).isEqualTo(AssetStatus.SANITIZED);
  }

  @Test
  void shouldRefuseEveryLeavingStatusForADriveAddedAfterTheWipe() {
    // given: sanitized, then a forgotten drive is recorded
    workers.recordCertificates(
        Jobs.job(JobTypes.RECORD_CERTIFICATE, "record-certificates"),
        certificateInput(
            manualReport(passed("SSD-1", "CRYPTO_ERASE"), passed("HDD-1", "SANITIZE_COMMAND"))));
    move(AssetStatus.SANITIZED);
    move(AssetStatus.DONATION_PENDING);
    Assets.withDrive(
        inventory, inventory.findById(asset.id()).orElseThrow(), "USB-3", StorageType.USB_FLASH);

    // then
    assertThatThrownBy(() -> move(AssetStatus.DONATED))
        .isInstanceOf(MediaNotClearedException.class);
    assertThatThrownBy(() -> move(AssetStatus.RECYCLING_PENDING))
        .isInstanceOf(MediaNotClearedException.class);
    assertThat(inventory.findById(asset.id()).orElseThrow().status())
        .isEqualTo(AssetStatus.DONATION_PENDING);
  }

  Asset move(AssetStatus target) {
    return inventory
        .changeStatus(
            new ChangeStatus(
                asset.inventoryNumber(), target, "test", null, null, "test-move-" + target))
        .asset();
  }

  CustodyEntry lastEntry() {
    List<CustodyEntry> entries = inventory.custodyOf(asset.id());
    return entries.get(entries.size() - 1);
  }

  @Test
  void shouldListTheCertificatesAndDestructionsForAuditors() throws Exception {
    // given
    assertThatThrownBy(
            () ->
                workers.recordCertificates(
                    Jobs.job(JobTypes.RECORD_CERTIFICATE, "record-certificates"),
                    certificateInput(manualReport(passed("HDD-1", "SANITIZE_COMMAND")))))
        .isInstanceOf(BpmnError.class);
    workers.recordDestruction(
        Jobs.job(JobTypes.RECORD_DESTRUCTION, "record-destruction"),
        new DestructionInput(
            asset.id(),
            List.of("SSD-1"),
            new DestructionVariable(
                "2026-03-13",
                "Broyage Normandie",
                "BN-1",
                null,
                List.of(new DestroyedMediumVariable("SSD-1", "SHRED", "E-4")))));

    // when, then
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                    "/api/sanitization/certificates")
                .param("assetId", asset.id().toString())
                .with(
                    org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("auditeur")
                        .roles("AUDITOR")))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                    "$.certificates[0].serialNumber")
                .value("HDD-1"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                    "$.certificates[0].intact")
                .value(true))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                    "$.certificates[0].effectiveLevel")
                .value("PURGE"))
        .andExpect(
            org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                    "$.destructions[0].dinLevel")
                .value("E-4"));
  }
}
