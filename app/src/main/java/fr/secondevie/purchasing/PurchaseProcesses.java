package fr.secondevie.purchasing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts P5 for a request and completes its tasks (the Camunda client in the application). */
interface PurchaseProcesses {

  /** Starts {@code reconditioned-purchase}; returns the process instance key. */
  long start(long purchaseRequestId, String requestedBy);

  /** An open user task: who it is offered or assigned to. */
  record OpenTask(
      long key, String assignee, List<String> candidateGroups, List<String> candidateUsers) {

    /** As the inbox decides: assigned to the user, a candidate user, or one of their roles. */
    boolean offeredTo(String login, java.util.Collection<String> roles) {
      return login.equals(assignee)
          || candidateUsers.contains(login)
          || candidateGroups.stream().anyMatch(roles::contains);
    }

    boolean assignedToAnother(String login) {
      return assignee != null && !assignee.isBlank() && !assignee.equals(login);
    }
  }

  /** The instance's open user task of this element, if it has one. */
  Optional<OpenTask> openTask(long processInstanceKey, String elementId);

  /** Assigns the task to the user when nobody has it, then completes it with the variables. */
  void complete(OpenTask task, String login, Map<String, Object> variables);
}
