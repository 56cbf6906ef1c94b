package fr.secondevie.tasks;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A user task as the runtime describes it ({@code GET /v2/user-tasks/{key}}).
 *
 * @param state {@code CREATED} while it can be worked; {@code COMPLETED}, {@code CANCELED}...
 */
public record TaskInfo(
    long key,
    String name,
    String elementId,
    String processDefinitionId,
    String processName,
    long processInstanceKey,
    String state,
    String assignee,
    List<String> candidateGroups,
    List<String> candidateUsers,
    OffsetDateTime creationDate,
    OffsetDateTime dueDate,
    OffsetDateTime followUpDate,
    Integer priority,
    Long formKey,
    String externalFormReference) {

  public TaskInfo {
    candidateGroups = candidateGroups == null ? List.of() : List.copyOf(candidateGroups);
    candidateUsers = candidateUsers == null ? List.of() : List.copyOf(candidateUsers);
  }

  public boolean isOpen() {
    return "CREATED".equals(state);
  }

  public boolean isAssigned() {
    return assignee != null && !assignee.isBlank();
  }

  public boolean isAssignedTo(String login) {
    return isAssigned() && assignee.equals(login);
  }

  /** The name to show: the task's name, else its element id. */
  public String title() {
    return name == null || name.isBlank() ? elementId : name;
  }

  /** The process's name, else its id. */
  public String processTitle() {
    return processName == null || processName.isBlank() ? processDefinitionId : processName;
  }
}
