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
    assertThat(outputs).containsOnly(Map.of("sanitizationOutcome", "PASSED"));
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
}
