package fr.secondevie.inventory;

import java.time.Instant;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/**
 * What a technician found when collecting an asset: its condition, whether it works, the battery
 * health of a laptop and the ANSSI preparation checklist (TPM cleared, UEFI reset, labels and
 * removable media removed). The storage devices found are recorded on the asset itself.
 *
 * @param conditionGrade A (as new) to D (unusable)
 * @param batteryHealthPercent laptops only, else null
 * @param operationId the operation that recorded it (idempotence)
 * @param storageAttestation with no storage device found: {@link StorageAttestation.Kind} name
 *     attested at collection, else null
 * @param storageAttestationRef reference of the destruction proof of a removed medium, else null
 * @param storageVerifiedBy who verified that the asset holds no medium, else null
 */
@NamedInterface("api")
@Table("asset_inspection")
public record Inspection(
    @Id Long id,
    long assetId,
    String operationId,
    String conditionGrade,
    boolean functional,
    Integer batteryHealthPercent,
    boolean tpmCleared,
    boolean uefiReset,
    boolean labelsRemoved,
    boolean removableMediaRemoved,
    LocalDate collectedOn,
    String collectionLocation,
    String notes,
    int storageDeviceCount,
    String recordedBy,
    Instant recordedAt,
    StorageAttestation.Kind storageAttestation,
    String storageAttestationRef,
    String storageVerifiedBy) {

  /** The attestation recorded with this inspection, if it is complete. */
  public java.util.Optional<StorageAttestation> attestation() {
    if (storageAttestation == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          new StorageAttestation(storageAttestation, storageAttestationRef, storageVerifiedBy));
    } catch (IllegalArgumentException incomplete) {
      return java.util.Optional.empty();
    }
  }

  /** Whether every point of the ANSSI checklist was done. */
  public boolean anssiChecklistComplete() {
    return tpmCleared && uefiReset && labelsRemoved && removableMediaRemoved;
  }
}
