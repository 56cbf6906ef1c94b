package fr.secondevie.inventory.workers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.JobOperations;
import fr.secondevie.common.Redelivery;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InspectionService.FoundDevice;
import fr.secondevie.inventory.InspectionService.RecordInspection;
import fr.secondevie.inventory.StorageAttestation;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code inventory.record-inspection}: records the inspection of form {@code collect-asset} (grade,
 * functional state, battery, ANSSI checklist), the storage devices by serial number and the custody
 * entries (under the technician who completed the task), and for an asset collected with no storage
 * device the technician's attestation (support removed and destroyed elsewhere, or verified
 * absent). Clears {@code completedBy}.
 */
@Component
public class RecordInspectionWorker {

  static final String ACTOR = "worker:" + JobTypes.RECORD_INSPECTION;

  /** The user task this worker follows. */
  static final String COLLECT_TASK = "collect-asset";

  private final InspectionService inspections;

  RecordInspectionWorker(InspectionService inspections) {
    this.inspections = inspections;
  }

  /** Variables read: {@code assetId}, {@code inspection}, {@code storageDevices}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Input(Long assetId, InspectionVariable inspection, List<DeviceVariable> storageDevices) {}

  /** Variable {@code inspection} (output mapping of {@code collect-asset}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record InspectionVariable(
      String conditionGrade,
      Boolean functional,
      Double batteryHealthPercent,
      Boolean tpmCleared,
      Boolean uefiReset,
      Boolean labelsRemoved,
      Boolean removableMediaRemoved,
      String collectedOn,
      String collectionLocation,
      String notes,
      String storageAttestation,
      String storageAttestationRef,
      String storageVerifiedBy) {

    /** The variable of an asset collected with its storage devices (no attestation). */
    InspectionVariable(
        String conditionGrade,
        Boolean functional,
        Double batteryHealthPercent,
        Boolean tpmCleared,
        Boolean uefiReset,
        Boolean labelsRemoved,
        Boolean removableMediaRemoved,
        String collectedOn,
        String collectionLocation,
        String notes) {
      this(
          conditionGrade,
          functional,
          batteryHealthPercent,
          tpmCleared,
          uefiReset,
          labelsRemoved,
          removableMediaRemoved,
          collectedOn,
          collectionLocation,
          notes,
          null,
          null,
          null);
    }
  }

  /** One entry of variable {@code storageDevices}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DeviceVariable(String serialNumber, String type, Double capacityGb) {}

  /**
   * Records the inspection under the technician who completed {@code collect-asset} in the inbox
   * (the worker alone when nobody is known) and clears {@code completedBy}.
   */
  @JobWorker(type = JobTypes.RECORD_INSPECTION)
  public Map<String, Object> recordInspection(ActivatedJob job, @VariablesAsType Input input) {
    InspectionVariable i = input.inspection();
    if (input.assetId() == null || i == null) {
      throw new IllegalArgumentException(
          "Expected variables assetId and inspection but got " + input);
    }
    List<DeviceVariable> devices =
        input.storageDevices() == null ? List.of() : input.storageDevices();
    RecordInspection command =
        new RecordInspection(
            input.assetId(),
            i.conditionGrade(),
            Boolean.TRUE.equals(i.functional()),
            i.batteryHealthPercent() == null ? null : (int) Math.round(i.batteryHealthPercent()),
            Boolean.TRUE.equals(i.tpmCleared()),
            Boolean.TRUE.equals(i.uefiReset()),
            Boolean.TRUE.equals(i.labelsRemoved()),
            Boolean.TRUE.equals(i.removableMediaRemoved()),
            i.collectedOn() == null || i.collectedOn().isBlank()
                ? null
                : LocalDate.parse(i.collectedOn().substring(0, 10)),
            i.collectionLocation(),
            i.notes(),
            devices.stream()
                .map(
                    d ->
                        new FoundDevice(
                            d.serialNumber(),
                            d.type() == null ? null : StorageType.valueOf(d.type()),
                            d.capacityGb() == null
                                ? null
                                : Math.round(d.capacityGb() * 1_000_000_000.0)))
                .toList(),
            CompletedBy.actor(job, COLLECT_TASK, ACTOR),
            JobOperations.operationId(job),
            attestation(i));
    // the same job delivered twice at once: the second finds the first's inspection
    Redelivery.once(() -> inspections.record(command));
    return CompletedBy.cleared();
  }

  /** The attestation of a collection without storage device, when the form asked for one. */
  static StorageAttestation attestation(InspectionVariable i) {
    if (i.storageAttestation() == null || i.storageAttestation().isBlank()) {
      return null;
    }
    StorageAttestation.Kind kind;
    try {
      kind = StorageAttestation.Kind.valueOf(i.storageAttestation().strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Expected storageAttestation REMOVED_DESTROYED or VERIFIED_ABSENT but got "
              + i.storageAttestation());
    }
    return new StorageAttestation(kind, i.storageAttestationRef(), i.storageVerifiedBy());
  }
}
