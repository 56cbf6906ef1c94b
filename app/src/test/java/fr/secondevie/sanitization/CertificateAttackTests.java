package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import fr.secondevie.support.Assets;
import fr.secondevie.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Attack: a database user alters the evidence of a wipe — the certificate row (its level, its
 * drive, even with a recomputed fingerprint) or its PDF (bytes, then bytes and recorded hash) — so
 * that an asset leaves on a certificate that no longer says what was issued. The media-clearance
 * guard re-checks each certificate against its fingerprint, its custody entry and its document: the
 * move to SANITIZED is refused with the reason, and nothing is written.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CertificateAttackTests {

  @Autowired InventoryService inventory;
  @Autowired SanitizationPlanner planner;
  @Autowired CertificateService certificates;
  @Autowired DocumentService documents;
  @Autowired JdbcTemplate jdbc;

  Asset desktop;
  SanitizationCertificate issued;

  @BeforeEach
  void aDesktopWhoseSsdWasPurgedWithACertificate() {
    TestDatabase.clean(jdbc);
    desktop = Assets.desktop(inventory);
    Assets.withDrive(inventory, desktop, "SSD-1", StorageType.SSD);
    desktop =
        Assets.moveTo(inventory, desktop, AssetStatus.DECOMMISSIONING, AssetStatus.SANITIZING);
    SanitizationPlan plan = planner.plan(desktop.id(), List.of(), "technicien", "plan-1");
    CertificateService.Outcome outcome =
        certificates.record(
            desktop.id(),
            plan,
            new WipeReportContent(
                "nwipe",
                "0.38",
                "Camille Martin",
                "PV-1",
                "2026-03-12",
                List.of(
                    new ReportedDrive(
                        "SSD-1",
                        SanitizationLevel.PURGE,
                        SanitizationMethod.CRYPTO_ERASE,
                        Verification.FULL,
                        DriveResult.PASSED,
                        null,
                        null,
                        null))),
            true,
            "technicien",
            "certificate-1");
    assertThat(outcome.passed()).isTrue();
    issued = outcome.certificates().get(0);
  }

  int custody() {
    return inventory.custodyOf(desktop.id()).size();
  }

  AssetStatus status() {
    return inventory.findById(desktop.id()).orElseThrow().status();
  }

  void move(AssetStatus target) {
    inventory.changeStatus(
        new ChangeStatus(
            desktop.inventoryNumber(),
            target,
            "worker:inventory.update-status",
            null,
            null,
            "attack-" + target + "-" + System.nanoTime()));
  }

  /** The move to SANITIZED is refused with {@code reason}, and nothing is written. */
  void assertRefused(String reason) {
    int before = custody();
    assertThatThrownBy(() -> move(AssetStatus.SANITIZED))
        .isInstanceOfSatisfying(
            MediaNotClearedException.class,
            e -> {
              assertThat(e.serialNumbers()).containsExactly("SSD-1");
              assertThat(e.getMessage()).contains(reason);
            });
    assertThat(status()).isEqualTo(AssetStatus.SANITIZING);
    assertThat(custody()).isEqualTo(before);
  }

  SanitizationCertificate stored() {
    return certificates.certificatesOf(desktop.id()).get(0);
  }

  StoredDocument document() {
    return documents.find(issued.documentPublicId()).orElseThrow();
  }

  @Test
  void shouldLetTheUntamperedCertificateThrough() {
    // when
    move(AssetStatus.SANITIZED);

    // then
    assertThat(status()).isEqualTo(AssetStatus.SANITIZED);
    assertThat(stored().intact()).isTrue();
  }

  @Test
  void shouldRefuseACertificateRowWhoseLevelWasChangedBySql() {
    // given: the level lowered then raised back "by hand" in another field
    jdbc.update(
        "UPDATE sanitization_certificate SET method_type = 'DESTROY' WHERE id = ?", issued.id());

    // then
    assertThat(stored().intact()).isFalse();
    assertRefused(
        "CE-%06d du support SSD-1 a été modifié après son émission".formatted(issued.id()));
  }

  @Test
  void shouldRefuseACertificateMovedToAnotherDriveBySql() {
    // given: the certificate now names another serial number
    jdbc.update(
        "UPDATE sanitization_certificate SET serial_number = 'SSD-OTHER' WHERE id = ?",
        issued.id());

    // then: SSD-1 has no certificate any more
    assertThat(stored().intact()).isFalse();
    assertRefused("support SSD-1 sans certificat d'effacement ni preuve de destruction");
  }

  @Test
  void shouldRefuseACertificateRewrittenWithAConsistentFingerprint() {
    // given: the forger changes the tool and recomputes the (unkeyed) fingerprint
    SanitizationCertificate forged = withTool(stored(), "Outil maison").sealed();
    jdbc.update(
        "UPDATE sanitization_certificate SET tool = ?, fingerprint = ? WHERE id = ?",
        forged.tool(),
        forged.fingerprint(),
        issued.id());

    // then: the row is self-consistent, but no longer what the chain of custody recorded
    assertThat(stored().intact()).isTrue();
    assertRefused("ne correspond plus à son inscription dans la chaîne de traçabilité");
  }

  @Test
  void shouldRefuseACertificateWhosePdfBytesWereReplaced() {
    // given
    jdbc.update(
        "UPDATE document_content SET content = ? WHERE document_id = ?",
        "%PDF-1.7 faux certificat".getBytes(StandardCharsets.US_ASCII),
        document().id());

    // then
    assertThat(documents.isIntact(document())).isFalse();
    assertRefused("son document PDF a été altéré");
  }

  @Test
  void shouldRefuseACertificateWhosePdfAndRecordedHashWereBothReplaced() throws Exception {
    // given: the forger replaces the bytes and the hash the document table recorded
    byte[] forged = "%PDF-1.7 faux certificat".getBytes(StandardCharsets.US_ASCII);
    jdbc.update(
        "UPDATE document_content SET content = ? WHERE document_id = ?", forged, document().id());
    jdbc.update(
        "UPDATE document SET sha256 = ?, size_bytes = ? WHERE id = ?",
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(forged)),
        forged.length,
        document().id());

    // then: the document is self-consistent, but not the one the chain of custody cites
    assertThat(documents.isIntact(document())).isTrue();
    assertRefused("ne renvoie plus au document cité par la chaîne de traçabilité");
  }

  static SanitizationCertificate withTool(SanitizationCertificate c, String tool) {
    return new SanitizationCertificate(
        c.id(),
        c.assetId(),
        c.inventoryNumber(),
        c.assetSerialNumber(),
        c.assetDescription(),
        c.wipeReportId(),
        c.serialNumber(),
        c.mediaType(),
        c.mediaManufacturer(),
        c.mediaModel(),
        c.mediaCapacityBytes(),
        c.mediaInterface(),
        c.healthData(),
        c.requiredLevel(),
        c.methodType(),
        c.effectiveLevel(),
        c.method(),
        c.methodDetails(),
        tool,
        c.toolVersion(),
        c.verification(),
        c.operator(),
        c.organization(),
        c.location(),
        c.performedOn(),
        c.postClassification(),
        c.destination(),
        c.validatedBy(),
        c.validatedAt(),
        c.fingerprint(),
        c.documentPublicId(),
        c.operationId());
  }
}
