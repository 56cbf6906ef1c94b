package fr.secondevie.purchasing;

import fr.secondevie.processes.ReconditionedPurchaseProcess;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.UserTaskState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** {@link PurchaseProcesses} through the Camunda Java client. */
@Component
class CamundaPurchaseProcesses implements PurchaseProcesses {

  private final CamundaClient client;

  CamundaPurchaseProcesses(CamundaClient client) {
    this.client = client;
  }

  @Override
  public long start(long purchaseRequestId, String requestedBy) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(ReconditionedPurchaseProcess.PROCESS_ID)
        .latestVersion()
        .variables(
            Map.of(
                ReconditionedPurchaseProcess.Variables.PURCHASE_REQUEST_ID, purchaseRequestId,
                ReconditionedPurchaseProcess.Variables.REQUESTED_BY, requestedBy))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  @Override
  public Optional<OpenTask> openTask(long processInstanceKey, String elementId) {
    return client
        .newUserTaskSearchRequest()
        .filter(
            f ->
                f.processInstanceKey(processInstanceKey)
                    .elementId(elementId)
                    .state(UserTaskState.CREATED))
        .send()
        .join()
        .items()
        .stream()
        .findFirst()
        .map(
            t ->
                new OpenTask(
                    t.getUserTaskKey(),
                    t.getAssignee(),
                    t.getCandidateGroups() == null ? List.of() : t.getCandidateGroups(),
                    t.getCandidateUsers() == null ? List.of() : t.getCandidateUsers()));
  }

  @Override
  public void complete(OpenTask task, String login, Map<String, Object> variables) {
    if (task.assignee() == null || task.assignee().isBlank()) {
      client
          .newAssignUserTaskCommand(task.key())
          .assignee(login)
          .allowOverride(false)
          .send()
          .join();
    }
    client.newCompleteUserTaskCommand(task.key()).variables(variables).send().join();
  }
}
