package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.sanitization.SanitizationWorkers.CertificateInput;
import fr.secondevie.sanitization.SanitizationWorkers.DestroyedMediumVariable;
import fr.secondevie.sanitization.SanitizationWorkers.DestructionInput;
import fr.secondevie.sanitization.SanitizationWorkers.DestructionVariable;
import fr.secondevie.sanitization.SanitizationWorkers.DeviceVariable;
import fr.secondevie.sanitization.SanitizationWorkers.PlanInput;
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
 * sanitization.record-certificate delivered to two workers at the same instant (two threads
 * released together): one wipe report, one certificate and one PDF per drive, one custody entry
 * each. Same context as {@link SanitizationWorkersTests}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SanitizationDoubleDeliveryTests {

  @Autowired SanitizationWorkers workers;
  @Autowired InventoryService inventory;
  @Autowired CertificateService certificates;
  @Autowired DocumentService documents;
  @Autowired DestructionService destructions;
  @Autowired JdbcTemplate jdbc;

  Asset asset;

  @BeforeEach
  void aDesktopWithTwoDrivesBeingSanitized() {
    TestDatabase.clean(jdbc);
    asset = Assets.desktop(inventory);
    Assets.withDrive(inventory, asset, "SSD-1", StorageType.SSD);
    Assets.withDrive(inventory, asset, "HDD-1", StorageType.HDD);
    asset = Assets.moveTo(inventory, asset, AssetStatus.DECOMMISSIONING, AssetStatus.SANITIZING);
  }

  /** The answers of the deliveries (a refused one is checked to be refused by the database). */
  static <T> List<T> twiceAtOnce(Callable<T> call) throws Exception {
    return DoubleDelivery.answers(DoubleDelivery.twiceAtOnce(call));
  }

  @Test
  void shouldCertifyEachDriveOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    ActivatedJob job = Jobs.job(JobTypes.RECORD_CERTIFICATE, "record-certificates");
    CertificateInput input =
        new CertificateInput(
            asset.id(),
            SanitizationWorkersTests.plan(),
            SanitizationWorkersTests.manualReport(
                SanitizationWorkersTests.passed("SSD-1", "BLOCK_ERASE"),
                SanitizationWorkersTests.passed("HDD-1", "SANITIZE_COMMAND")),
            "MANUAL");

    // when
    List<Map<String, Object>> outputs = twiceAtOnce(() -> workers.recordCertificates(job, input));

    // then
    assertThat(outputs).containsOnly(outcome("PASSED"));
    List<SanitizationCertificate> issued = certificates.certificatesOf(asset.id());
    assertThat(issued)
        .extracting(SanitizationCertificate::serialNumber)
        .containsExactlyInAnyOrder("SSD-1", "HDD-1");
    assertThat(issued)
        .allSatisfy(
            c ->
                assertThat(documents.find(c.documentPublicId()))
                    .hasValueSatisfying(
                        d ->
                            assertThat(d.kind()).isEqualTo(DocumentKind.SANITIZATION_CERTIFICATE)));
    assertThat(inventory.custodyOf(asset.id()))
        .filteredOn(e -> e.action() == CustodyAction.EVIDENCE)
        .hasSize(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wipe_report", Integer.class)).isEqualTo(1);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void shouldPlanOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    ActivatedJob job = Jobs.job(JobTypes.PLAN_SANITIZATION, "plan-sanitization");
    PlanInput input =
        new PlanInput(
            asset.id(),
            List.of(
                new DeviceVariable("SSD-1", "SSD", 512.0),
                new DeviceVariable("HDD-1", "HDD", 1000.0)));
    int custody = inventory.custodyOf(asset.id()).size();

    // when
    List<Map<String, Object>> outputs = twiceAtOnce(() -> workers.plan(job, input));

    // then: the same plan to both deliveries, one plan entry in the chain
    assertThat(outputs).containsOnly(outputs.get(0));
    assertThat(outputs.get(0)).containsEntry("sanitizationRequired", true);
    assertThat(
            inventory
                .custodyOf(asset.id())
                .subList(custody, inventory.custodyOf(asset.id()).size()))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).startsWith("Plan d'effacement"));
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  @Test
  void shouldRecordOneDestructionWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
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
    int custody = inventory.custodyOf(asset.id()).size();

    // when
    List<Map<String, Object>> outputs = twiceAtOnce(() -> workers.recordDestruction(job, input));

    // then: one destruction, one document, one custody entry
    assertThat(outputs).containsOnly(outcome("MEDIA_DESTROYED"));
    assertThat(destructions.destructionsOf(asset.id())).hasSize(1);
    assertThat(documents.ownedBy("asset:" + asset.inventoryNumber()))
        .filteredOn(d -> d.kind() == DocumentKind.DESTRUCTION_CERTIFICATE)
        .hasSize(1);
    assertThat(inventory.custodyOf(asset.id())).hasSize(custody + 1);
    assertThat(inventory.verifyCustody(asset.id()).valid()).isTrue();
  }

  /** The worker's output: the outcome, and completedBy cleared (the task it may name is done). */
  private static Map<String, Object> outcome(String outcome) {
    Map<String, Object> output = new java.util.HashMap<>();
    output.put("sanitizationOutcome", outcome);
    output.put("completedBy", null);
    return output;
  }
}
