package fr.secondevie.sanitization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InspectionService.RecordInspection;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageAttestation;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.sanitization.SanitizationWorkers.PlanInput;
import fr.secondevie.support.Assets;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestDatabase;
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
 * Attack: a laptop declared with no drive (the technician "forgot" the storage row) tries to leave
 * without any proof. Storage is never assumed absent: the collection, the plan and every move past
 * SANITIZED refuse it, and nothing is written, until the collection attests that the drive was
 * removed and destroyed elsewhere or that its absence was verified.
 */
@SpringBootTest
@AutoConfigureMockMvc
class NoDriveAttackTests {

  @Autowired InventoryService inventory;
  @Autowired InspectionService inspections;
  @Autowired SanitizationWorkers workers;
  @Autowired JdbcTemplate jdbc;

  Asset laptop;

  @BeforeEach
  void aLaptopBeingRetiredWithNoDriveRecorded() {
    TestDatabase.clean(jdbc);
    laptop =
        Assets.moveTo(
            inventory,
            Assets.register(
                inventory, AssetCategory.LAPTOP, "Cardiologie", LocalDate.of(2019, 3, 1), 98_000L),
            AssetStatus.DECOMMISSIONING);
  }

  RecordInspection collected(StorageAttestation attestation, String operationId) {
    return new RecordInspection(
        laptop.id(),
        "B",
        true,
        71,
        true,
        true,
        true,
        true,
        LocalDate.of(2026, 3, 10),
        "Magasin DSI",
        null,
        List.of(),
        "technicien",
        operationId,
        attestation);
  }

  int custody() {
    return inventory.custodyOf(laptop.id()).size();
  }

  long rows(String table) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM " + table + " WHERE asset_id = ?", Long.class, laptop.id());
  }

  AssetStatus status() {
    return inventory.findById(laptop.id()).orElseThrow().status();
  }

  Asset move(AssetStatus target) {
    return inventory
        .changeStatus(
            new ChangeStatus(
                laptop.inventoryNumber(),
                target,
                "worker:inventory.update-status",
                null,
                null,
                "attack-" + target + "-" + System.nanoTime()))
        .asset();
  }

  @Test
  void shouldRefuseTheCollectionOfALaptopWithNoDriveAndNoAttestation() {
    // given
    int before = custody();

    // when / then
    assertThatThrownBy(() -> inspections.record(collected(null, "collect-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(laptop.inventoryNumber())
        .hasMessageContaining("sans support de stockage")
        .hasMessageContaining("attestez");
    assertThat(rows("asset_inspection")).isZero();
    assertThat(custody()).isEqualTo(before);
  }

  @Test
  void shouldRefuseToPlanNoStorageForALaptopWithoutAttestation() {
    // given
    int before = custody();

    // when / then
    assertThatThrownBy(
            () ->
                workers.plan(
                    Jobs.job(JobTypes.PLAN_SANITIZATION, "plan-sanitization"),
                    new PlanInput(laptop.id(), List.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("aucun support de stockage relevé")
        .hasMessageContaining("attesté");
    assertThat(custody()).isEqualTo(before);
  }

  @Test
  void shouldNeverLetTheLaptopWithoutAttestationReachSanitizedNorAnyLeavingStatus() {
    // given: the process would have been bypassed, the laptop is being wiped with no drive known
    move(AssetStatus.SANITIZING);
    int before = custody();

    // when / then: SANITIZED refused, with the reason, nothing written
    assertThatThrownBy(() -> move(AssetStatus.SANITIZED))
        .isInstanceOfSatisfying(
            MediaNotClearedException.class,
            e -> {
              assertThat(e.getMessage())
                  .contains(laptop.inventoryNumber(), "« Effacé »", "aucune attestation");
              assertThat(e.serialNumbers()).isEmpty();
            });
    assertThat(status()).isEqualTo(AssetStatus.SANITIZING);
    assertThat(custody()).isEqualTo(before);

    // and through media destruction neither
    move(AssetStatus.MEDIA_DESTRUCTION);
    int afterDestructionStep = custody();
    assertThatThrownBy(() -> move(AssetStatus.SANITIZED))
        .isInstanceOf(MediaNotClearedException.class);
    assertThat(status()).isEqualTo(AssetStatus.MEDIA_DESTRUCTION);
    assertThat(custody()).isEqualTo(afterDestructionStep);
  }

  @Test
  void shouldRefuseARemovalAttestationWithoutItsDestructionProof() {
    // when / then
    assertThatThrownBy(
            () -> new StorageAttestation(StorageAttestation.Kind.REMOVED_DESTROYED, " ", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("preuve de destruction");
    assertThatThrownBy(
            () -> new StorageAttestation(StorageAttestation.Kind.VERIFIED_ABSENT, null, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vérifiée");
  }

  @Test
  void shouldLetTheLaptopPassWithTheAttestationRecordedAtItsCollection() {
    // given: the drive was pulled out and shredded with the batch of the week
    inspections.record(
        collected(
            new StorageAttestation(
                StorageAttestation.Kind.REMOVED_DESTROYED, "PV-DESTR-2026-031", null),
            "collect-2"));

    // when
    Map<String, Object> plan =
        workers.plan(
            Jobs.job(JobTypes.PLAN_SANITIZATION, "plan-sanitization"),
            new PlanInput(laptop.id(), List.of()));
    move(AssetStatus.SANITIZING);
    Asset sanitized = move(AssetStatus.SANITIZED);

    // then
    assertThat(plan).containsEntry("sanitizationOutcome", "NO_STORAGE");
    assertThat(((SanitizationPlan) plan.get("sanitizationPlan")).noStorageReason())
        .contains("PV-DESTR-2026-031");
    assertThat(sanitized.status()).isEqualTo(AssetStatus.SANITIZED);
    assertThat(inventory.custodyOf(laptop.id()))
        .anySatisfy(
            e ->
                assertThat(e.details())
                    .contains("support retiré et détruit ailleurs (preuve de destruction"));
  }

  @Test
  void shouldStillRequireACertificateForADriveKnownBeforeTheCollection() {
    // given: the inventory knows a drive (recorded before), the collection found none
    Assets.withDrive(inventory, laptop, "NVME-KNOWN", StorageType.NVME);
    inspections.record(collected(null, "collect-3"));
    move(AssetStatus.SANITIZING);

    // when / then
    assertThatThrownBy(() -> move(AssetStatus.SANITIZED))
        .isInstanceOfSatisfying(
            MediaNotClearedException.class,
            e -> assertThat(e.serialNumbers()).containsExactly("NVME-KNOWN"));
    assertThat(status()).isEqualTo(AssetStatus.SANITIZING);
  }

  @Test
  void shouldLetAMonitorWithNoDrivePassWithoutAttestation() {
    // given
    Asset monitor =
        Assets.moveTo(
            inventory,
            Assets.register(inventory, AssetCategory.MONITOR, "Pharmacie", null, null),
            AssetStatus.DECOMMISSIONING,
            AssetStatus.SANITIZING);

    // when
    Asset sanitized = Assets.moveTo(inventory, monitor, AssetStatus.SANITIZED);

    // then
    assertThat(sanitized.status()).isEqualTo(AssetStatus.SANITIZED);
  }
}
