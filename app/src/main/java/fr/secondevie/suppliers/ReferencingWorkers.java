package fr.secondevie.suppliers;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.processes.SupplierReferencingProcess.Closures;
import fr.secondevie.processes.SupplierReferencingProcess.ErrorCodes;
import fr.secondevie.processes.SupplierReferencingProcess.Headers;
import fr.secondevie.processes.SupplierReferencingProcess.JobTypes;
import fr.secondevie.processes.SupplierReferencingProcess.Variables;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.ElementInstanceKey;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Job workers of P4 {@code supplier-referencing}: thin glue from the job's variables to the command
 * services ({@link CandidateRegistration}, {@link SupplierInvitations}, {@link SupplierEvaluation},
 * {@link ReferencingDecisions}). Operation ids name the application, the element and its instance,
 * so a job delivered twice changes nothing twice. Public, as the Camunda client invokes its methods
 * by reflection.
 */
@Component
public class ReferencingWorkers {

  private final CandidateRegistration registration;
  private final SupplierInvitations invitations;
  private final SupplierEvaluation evaluation;
  private final ReferencingDecisions decisions;

  ReferencingWorkers(
      CandidateRegistration registration,
      SupplierInvitations invitations,
      SupplierEvaluation evaluation,
      ReferencingDecisions decisions) {
    this.registration = registration;
    this.invitations = invitations;
    this.evaluation = evaluation;
    this.decisions = decisions;
  }

  /** {@code referencingDecision} as the decision form sets it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ReferencingDecision(String decision, String reason) {}

  /** {@code evidenceEvaluation} as the evaluation form sets it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record EvidenceEvaluationInput(List<ReviewItem> criteria, String comment) {}

  @JobWorker(type = JobTypes.REGISTER_CANDIDATE)
  public Map<String, Object> registerCandidate(
      @Variable(name = Variables.CANDIDATE) Candidate candidate,
      @ProcessInstanceKey long processInstanceKey) {
    try {
      CandidateRegistration.Registration registered =
          registration.register(candidate, processInstanceKey);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(Variables.APPLICATION_ID, registered.applicationId());
      out.put(Variables.SUPPLIER_ID, registered.supplierId());
      out.put(Variables.SUPPLIER_NAME, registered.supplierName());
      out.put(Variables.QUESTIONNAIRE_VERSION, registered.questionnaireVersion());
      return out;
    } catch (CandidateAlreadyInProgressException e) {
      throw CamundaError.bpmnError(ErrorCodes.CANDIDATE_ALREADY_IN_PROGRESS, e.getMessage());
    }
  }

  @JobWorker(type = JobTypes.SEND_QUESTIONNAIRE)
  public Map<String, Object> sendQuestionnaire(
      @Variable(name = Variables.APPLICATION_ID) long applicationId,
      @Variable(name = Variables.REFERENCING_DECISION, optional = true)
          ReferencingDecision decision,
      @ElementInstanceKey long elementInstanceKey) {
    SupplierInvitations.Invitation invitation =
        invitations.sendQuestionnaire(
            applicationId,
            decision == null ? null : decision.reason(),
            operation(applicationId, "send-questionnaire", elementInstanceKey));
    return Map.of(
        Variables.QUESTIONNAIRE_ROUND,
        invitation.round(),
        Variables.ANSWER_DEADLINE,
        invitation.deadline().toString());
  }

  @JobWorker(type = JobTypes.SEND_REMINDER)
  public void sendReminder(
      @Variable(name = Variables.APPLICATION_ID) long applicationId,
      @ElementInstanceKey long elementInstanceKey) {
    invitations.sendReminder(
        applicationId, operation(applicationId, "send-reminder", elementInstanceKey));
  }

  @JobWorker(type = JobTypes.CLOSE_APPLICATION)
  public void closeApplication(
      @Variable(name = Variables.APPLICATION_ID) long applicationId,
      @Variable(name = Variables.REFERENCING_DECISION, optional = true)
          ReferencingDecision decision,
      @CustomHeaders Map<String, String> headers) {
    String closure = headers.get(Headers.CLOSURE);
    if (Closures.REJECTED.equals(closure)) {
      decisions.close(
          applicationId,
          SupplierApplicationStatus.REJECTED,
          decision == null ? null : decision.reason());
    } else if (Closures.NO_ANSWER.equals(closure)) {
      decisions.close(
          applicationId,
          SupplierApplicationStatus.CLOSED_NO_ANSWER,
          "Aucune réponse transmise avant l'échéance.");
    } else {
      throw new IllegalArgumentException(
          "Expected header " + Headers.CLOSURE + " REJECTED or NO_ANSWER but got " + closure);
    }
  }

  @JobWorker(type = JobTypes.PRE_SCORE)
  public Map<String, Object> preScore(
      @Variable(name = Variables.APPLICATION_ID) long applicationId) {
    SupplierEvaluation.PreScore score = evaluation.preScore(applicationId);
    return Map.of(
        Variables.DECLARATIVE_SCORE,
        score.declarativeScore(),
        Variables.EVIDENCE_REVIEW,
        score.review());
  }

  @JobWorker(type = JobTypes.RECORD_EVALUATION)
  public Map<String, Object> recordEvaluation(
      @Variable(name = Variables.APPLICATION_ID) long applicationId,
      @Variable(name = Variables.EVIDENCE_EVALUATION) EvidenceEvaluationInput evaluation) {
    try {
      SupplierEvaluation.EvaluationResult result =
          this.evaluation.recordEvaluation(
              applicationId,
              evaluation.criteria() == null ? List.of() : evaluation.criteria(),
              evaluation.comment(),
              null);
      return Map.of(
          Variables.JUSTIFIED_SCORE,
          result.justifiedScore(),
          Variables.AXES_COVERED,
          result.axesCovered(),
          Variables.EVALUATION_SUMMARY,
          result.summary());
    } catch (InvalidInputException e) {
      List<ReviewItem> review =
          this.evaluation.reviewWith(
              applicationId,
              evaluation.criteria() == null ? List.of() : evaluation.criteria(),
              true);
      throw CamundaError.bpmnError(
          ErrorCodes.EVALUATION_INCOMPLETE,
          e.getMessage(),
          Map.of(Variables.EVIDENCE_REVIEW, review));
    }
  }

  @JobWorker(type = JobTypes.REFERENCE)
  public Map<String, Object> reference(
      @Variable(name = Variables.APPLICATION_ID) long applicationId,
      @Variable(name = Variables.MATURITY_LEVEL) Number maturityLevel,
      @Variable(name = Variables.TENDER_BONUS) Number tenderBonus,
      @Variable(name = Variables.REFERENCING_DECISION, optional = true)
          ReferencingDecision decision) {
    return Map.of(
        Variables.REFERENCED_UNTIL,
        decisions
            .reference(
                applicationId,
                maturityLevel.intValue(),
                tenderBonus.intValue(),
                decision == null ? null : decision.reason())
            .toString());
  }

  @JobWorker(type = JobTypes.NOTIFY)
  public void notifyOutcome(
      @Variable(name = Variables.APPLICATION_ID) long applicationId,
      @Variable(name = Variables.REFERENCING_OUTCOME) String outcome,
      @ElementInstanceKey long elementInstanceKey) {
    decisions.notifyOutcome(
        applicationId, outcome, operation(applicationId, "notify-outcome", elementInstanceKey));
  }

  static String operation(long applicationId, String step, long elementInstanceKey) {
    return "supplier-application:" + applicationId + ":" + step + ":" + elementInstanceKey;
  }
}
