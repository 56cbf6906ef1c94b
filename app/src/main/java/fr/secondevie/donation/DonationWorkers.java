package fr.secondevie.donation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.JobOperations;
import fr.secondevie.common.Redelivery;
import fr.secondevie.processes.AssetEndOfLifeProcess.ErrorCodes;
import fr.secondevie.processes.AssetEndOfLifeProcess.JobTypes;
import fr.secondevie.processes.AssetEndOfLifeProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job workers of the donation sub-process of {@code asset-end-of-life}: thin glue between the job
 * variables (contract in docs/processes.md) and the donation's command services ({@link
 * DonationProposals}, {@link DonationAgreements}, {@link DonationHandovers}). Operation ids come
 * from the element instance, so a job delivered twice changes nothing twice, while a later pass
 * through the same task (new search after a closed request) is a new operation.
 *
 * <p>Public, with public worker methods: the Camunda starter invokes them by reflection and does
 * not override access checks.
 */
@Component
public class DonationWorkers {

  private final DonationProposals proposals;
  private final DonationAgreements agreements;
  private final DonationHandovers handovers;

  DonationWorkers(
      DonationProposals proposals, DonationAgreements agreements, DonationHandovers handovers) {
    this.proposals = proposals;
    this.agreements = agreements;
    this.handovers = handovers;
  }

  /** {@code assessment} as {@code routing.assess-asset} sets it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Assessment(String category, BigDecimal ageYears, BigDecimal residualUnitValue) {}

  /** {@code donation}: the proposal. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record DonationVariable(
      Long beneficiaryId,
      String beneficiaryName,
      String legalCategory,
      String legalCategoryCode,
      Long requestId) {}

  /** {@code donationApproval}, set by the director's form. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Approval(Boolean approved, String refusalReason, String comment) {}

  /** {@code donationAgreement}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record AgreementVariable(
      String agreementId, String documentRef, String receiptNumber, String receiptRef) {

    AgreementVariable(String agreementId, String documentRef) {
      this(agreementId, documentRef, null, null);
    }
  }

  /** {@code handover}, set by the technician's form (dates as ISO text). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record HandoverVariable(
      String handedOverOn,
      String recipientName,
      String recipientRole,
      String signedReceiptRef,
      List<String> items,
      String notes) {}

  record MatchOutput(DonationVariable donation, Proposal.LegalCheck legalCheck) {}

  /**
   * The agreement, and {@code completedBy} cleared (always null) once the approval it named is
   * recorded.
   */
  record AgreementOutput(AgreementVariable donationAgreement, Object completedBy) {}

  /** The user tasks whose follow-up names the person who completed them. */
  static final String APPROVAL_TASK = "approve-donation";

  static final String HANDOVER_TASK = "hand-over-equipment";

  @JobWorker(type = JobTypes.MATCH_BENEFICIARY)
  public MatchOutput matchBeneficiary(
      ActivatedJob job,
      @Variable(name = "assetId") Long assetId,
      @Variable(name = "assessment", optional = true) Assessment assessment,
      @Variable(name = "sanitizationOutcome", optional = true) String sanitizationOutcome) {
    try {
      Proposal proposal =
          proposals.propose(
              assetId,
              assessment == null ? null : assessment.ageYears(),
              assessment == null ? null : assessment.residualUnitValue(),
              sanitizationOutcome,
              JobOperations.operationId(job));
      Beneficiary b = proposal.beneficiary();
      return new MatchOutput(
          new DonationVariable(
              b.id(),
              b.name(),
              b.legalCategory().label(),
              b.legalCategory().name(),
              proposal.request().id()),
          proposal.legalCheck());
    } catch (DonationExceptions.NotEligible e) {
      throw CamundaError.bpmnError(ErrorCodes.DONATION_NOT_ELIGIBLE, e.getMessage());
    } catch (DonationExceptions.NoBeneficiaryAvailable e) {
      throw CamundaError.bpmnError(ErrorCodes.NO_BENEFICIARY_AVAILABLE, e.getMessage());
    }
  }

  /** The agreement names the director who completed {@code approve-donation} in the inbox. */
  @JobWorker(type = JobTypes.PREPARE_AGREEMENT)
  public AgreementOutput prepareAgreement(
      ActivatedJob job,
      @Variable(name = "assetId") Long assetId,
      @Variable(name = "donation") DonationVariable donation,
      @Variable(name = "donationApproval") Approval approval,
      @Variable(name = "legalCheck", optional = true) Proposal.LegalCheck legalCheck) {
    if (approval == null || !Boolean.TRUE.equals(approval.approved())) {
      throw new IllegalStateException(
          "Expected an approved donation before preparing the agreement but got " + approval);
    }
    try {
      // the same job delivered twice at once: the second finds the first's agreement
      DonationAgreements.Agreement agreement =
          Redelivery.once(
              () ->
                  agreements.prepareAgreement(
                      assetId,
                      donation.requestId(),
                      legalCheck,
                      approval.comment(),
                      CompletedBy.of(job, APPROVAL_TASK),
                      JobOperations.operationId(job)));
      return new AgreementOutput(
          new AgreementVariable(
              agreement.agreementId(),
              agreement.documentRef(),
              agreement.receiptNumber(),
              agreement.receiptRef()),
          null);
    } catch (DonationExceptions.RequestClosed e) {
      throw CamundaError.bpmnError(ErrorCodes.DONATION_REQUEST_CLOSED, e.getMessage());
    }
  }

  /** Recorded under the person who completed {@code hand-over-equipment} in the inbox. */
  @JobWorker(type = JobTypes.RECORD_HANDOVER)
  public Map<String, Object> recordHandover(
      ActivatedJob job,
      @Variable(name = "assetId") Long assetId,
      @Variable(name = "donationAgreement") AgreementVariable agreement,
      @Variable(name = "handover") HandoverVariable handover) {
    Handover recorded =
        new Handover(
            date(handover.handedOverOn()),
            handover.recipientName(),
            handover.recipientRole(),
            handover.signedReceiptRef(),
            handover.items(),
            handover.notes());
    try {
      // the same job delivered twice at once: the second finds the first's handover
      Redelivery.once(
          () ->
              handovers.recordHandover(
                  assetId,
                  agreement.agreementId(),
                  recorded,
                  CompletedBy.of(job, HANDOVER_TASK),
                  JobOperations.operationId(job)));
      return CompletedBy.cleared();
    } catch (DonationExceptions.HandoverRefused e) {
      // nothing recorded: hand-over-equipment comes back with the reason at the top of the form
      throw CamundaError.bpmnError(
          ErrorCodes.HANDOVER_REFUSED,
          e.getMessage(),
          Map.of(Variables.TASK_REFUSAL, e.getMessage()));
    }
  }

  /** "2025-03-12" (form date field) or an ISO date-time whose date part is taken. */
  static LocalDate date(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v);
  }
}
