package fr.secondevie.suppliers;

import fr.secondevie.processes.SupplierReferencingProcess;
import fr.secondevie.processes.SupplierReferencingProcess.Elements;
import fr.secondevie.processes.SupplierReferencingProcess.Messages;
import fr.secondevie.processes.SupplierReferencingProcess.Variables;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@link SupplierProcesses} through the Camunda Java client. */
@Component
class CamundaSupplierProcesses implements SupplierProcesses {

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(CamundaSupplierProcesses.class);

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final CamundaClient camunda;

  CamundaSupplierProcesses(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @Override
  public long startReferencing(Candidate candidate) {
    try {
      return camunda
          .newCreateInstanceCommand()
          .bpmnProcessId(SupplierReferencingProcess.PROCESS_ID)
          .latestVersion()
          .variables(Map.of(Variables.CANDIDATE, candidate))
          .send()
          .join(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
          .getProcessInstanceKey();
    } catch (RuntimeException e) {
      LOG.warn("Could not start {}", SupplierReferencingProcess.PROCESS_ID, e);
      throw new ProcessUnavailableException(
          "Le processus de référencement n'a pas pu démarrer (moteur de processus injoignable ou"
              + " processus non déployé) : rien n'a été enregistré, réessayez plus tard.",
          e);
    }
  }

  @Override
  public void publishQuestionnaireSubmitted(
      long applicationId, int round, Map<String, Object> submission) {
    try {
      camunda
          .newPublishMessageCommand()
          .messageName(Messages.QUESTIONNAIRE_SUBMITTED)
          .correlationKey(String.valueOf(applicationId))
          .messageId(applicationId + "-" + round)
          .timeToLive(Duration.parse(SupplierReferencingProcess.SUBMISSION_MESSAGE_TTL))
          .variables(Map.of(Variables.SUBMISSION, submission))
          .send()
          .join(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      LOG.warn(
          "Could not publish {} for application {}",
          Messages.QUESTIONNAIRE_SUBMITTED,
          applicationId,
          e);
      throw new ProcessUnavailableException(
          "La transmission n'a pas pu être enregistrée, réessayez dans quelques minutes.", e);
    }
  }

  @Override
  public void completeEvidenceEvaluation(long processInstanceKey, Map<String, Object> variables) {
    List<UserTask> tasks;
    try {
      tasks =
          camunda
              .newUserTaskSearchRequest()
              .filter(
                  f ->
                      f.processInstanceKey(processInstanceKey)
                          .elementId(Elements.EVALUATE_EVIDENCE)
                          .state(UserTaskState.CREATED))
              .send()
              .join(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
              .items();
    } catch (RuntimeException e) {
      LOG.warn("Could not search the evaluation task of instance {}", processInstanceKey, e);
      throw new ProcessUnavailableException(
          "La tâche « Évaluer les justificatifs » n'a pas pu être retrouvée (moteur de processus"
              + " injoignable).",
          e);
    }
    if (tasks.isEmpty()) {
      throw new ProcessUnavailableException(
          "Aucune tâche « Évaluer les justificatifs » n'est ouverte pour cette candidature.", null);
    }
    try {
      camunda
          .newCompleteUserTaskCommand(tasks.get(0).getUserTaskKey())
          .variables(variables)
          .send()
          .join(TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      LOG.warn("Could not complete the evaluation task of instance {}", processInstanceKey, e);
      throw new ProcessUnavailableException(
          "La tâche « Évaluer les justificatifs » n'a pas pu être terminée (moteur de processus"
              + " injoignable).",
          e);
    }
  }
}
