package fr.secondevie.recycling;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.common.JobOperations;
import fr.secondevie.processes.AssetEndOfLifeProcess;
import fr.secondevie.processes.DismantlingLotProcess.ErrorCodes;
import fr.secondevie.processes.DismantlingLotProcess.JobTypes;
import fr.secondevie.processes.DismantlingLotProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job workers of the recycling route ({@code dismantling.add-to-lot} in {@code asset-end-of-life})
 * and of process {@code dismantling-lot}: thin glue to the lot's command services ({@link
 * LotPlacement}, {@link LotOrdering}, {@link LotPickup}, {@link LotAttestation}, {@link
 * LotCompletion}). Input a person typed that the service refuses (nothing written) becomes a BPMN
 * error ({@code PICKUP_REFUSED}, {@code ATTESTATION_REFUSED}) with variable {@code taskRefusal},
 * every problem in French: the model sends the task back to that person with the reason, instead of
 * an incident nobody in the task inbox can resolve.
 *
 * <p>Public, with public worker methods: the Camunda starter invokes them by reflection and does
 * not override access checks.
 */
@Component
public class DismantlingWorkers {

  /** The user tasks whose follow-up names the person who completed them. */
  static final String PICKUP_TASK = "confirm-pickup";

  static final String ATTESTATION_TASK = "enter-attestation";

  private final LotPlacement placement;
  private final LotOrdering ordering;
  private final LotPickup pickups;
  private final LotAttestation attestations;
  private final LotCompletion completion;

  DismantlingWorkers(
      LotPlacement placement,
      LotOrdering ordering,
      LotPickup pickups,
      LotAttestation attestations,
      LotCompletion completion) {
    this.placement = placement;
    this.ordering = ordering;
    this.pickups = pickups;
    this.attestations = attestations;
    this.completion = completion;
  }

  /** {@code pickup}, from form {@code confirm-pickup}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record PickupVariable(
      String pickedUpOn,
      Integer unitCount,
      BigDecimal weightKg,
      String wasteTrackingNumber,
      String carrier,
      String notes) {}

  /** {@code attestation}, from form {@code enter-attestation} (amounts in euros). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AttestationVariable(
      String recyclingCertificateRef,
      String recyclingCertificateDate,
      String eaAttestationRef,
      BigDecimal invoiceAmountExclTax,
      BigDecimal labourCost,
      String notes) {}

  record AddOutput(long dismantlingLotId) {}

  record CloseOutput(int lotAssetCount) {}

  record OrderOutput(LotOrdering.Order dismantlingOrder) {}

  record CompletionOutput(int completedAssetCount) {}

  @JobWorker(type = AssetEndOfLifeProcess.JobTypes.ADD_TO_LOT)
  public AddOutput addToLot(ActivatedJob job, @Variable(name = "assetId") Long assetId) {
    return new AddOutput(placement.addToLot(assetId, JobOperations.operationId(job)).lotId());
  }

  @JobWorker(type = JobTypes.CLOSE_LOT)
  public CloseOutput closeLot(@Variable(name = "lotId") Long lotId) {
    return new CloseOutput(placement.close(lotId));
  }

  @JobWorker(type = JobTypes.SEND_ORDER)
  public OrderOutput sendOrder(
      ActivatedJob job,
      @Variable(name = "lotId") Long lotId,
      @Variable(name = "adaptedCompanyId") Long adaptedCompanyId) {
    return new OrderOutput(
        ordering.sendOrder(lotId, adaptedCompanyId, JobOperations.operationId(job)));
  }

  /** Recorded under the person who completed {@code confirm-pickup}; clears {@code completedBy}. */
  @JobWorker(type = JobTypes.RECORD_PICKUP)
  public Map<String, Object> recordPickup(
      ActivatedJob job,
      @Variable(name = "lotId") Long lotId,
      @Variable(name = "pickup") PickupVariable pickup) {
    try {
      pickups.recordPickup(
          lotId,
          new LotPickup.PickupInput(
              date(pickup.pickedUpOn()),
              pickup.unitCount(),
              pickup.weightKg(),
              pickup.wasteTrackingNumber(),
              pickup.carrier(),
              pickup.notes()),
          CompletedBy.of(job, PICKUP_TASK),
          JobOperations.operationId(job));
      return CompletedBy.cleared();
    } catch (InvalidInputException e) {
      throw refused(ErrorCodes.PICKUP_REFUSED, e);
    }
  }

  /**
   * Recorded under the person who completed {@code enter-attestation}; clears {@code completedBy}.
   */
  @JobWorker(type = JobTypes.RECORD_ATTESTATION)
  public Map<String, Object> recordAttestation(
      ActivatedJob job,
      @Variable(name = "lotId") Long lotId,
      @Variable(name = "attestation") AttestationVariable attestation) {
    try {
      attestations.recordAttestation(
          lotId,
          new LotAttestation.AttestationInput(
              attestation.recyclingCertificateRef(),
              date(attestation.recyclingCertificateDate()),
              attestation.eaAttestationRef(),
              attestation.invoiceAmountExclTax(),
              attestation.labourCost(),
              attestation.notes()),
          CompletedBy.of(job, ATTESTATION_TASK),
          JobOperations.operationId(job));
      return CompletedBy.cleared();
    } catch (InvalidInputException e) {
      throw refused(ErrorCodes.ATTESTATION_REFUSED, e);
    }
  }

  @JobWorker(type = JobTypes.PUBLISH_COMPLETION)
  public CompletionOutput publishCompletion(@Variable(name = "lotId") Long lotId) {
    return new CompletionOutput(completion.publishCompletion(lotId));
  }

  /** The BPMN error sending the task back, with every problem in {@code taskRefusal}. */
  static BpmnError refused(String code, InvalidInputException e) {
    String refusal = String.join(" ", e.errors().values());
    return CamundaError.bpmnError(code, refusal, Map.of(Variables.TASK_REFUSAL, refusal));
  }

  static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
  }
}
