package fr.secondevie.tasks;

/**
 * A search of open user tasks ({@code POST /v2/user-tasks/search}, state {@code CREATED}). Null
 * criteria are not applied.
 *
 * @param candidateGroup tasks offered to this group
 * @param candidateUser tasks offered to this user
 * @param assignee tasks assigned to this user
 * @param processDefinitionId tasks of this process (BPMN process id)
 * @param limit at most this many tasks
 */
public record TaskQuery(
    String candidateGroup,
    String candidateUser,
    String assignee,
    String processDefinitionId,
    int limit) {

  public static TaskQuery offeredTo(String group, String processDefinitionId, int limit) {
    return new TaskQuery(group, null, null, processDefinitionId, limit);
  }

  public static TaskQuery offeredToUser(String login, String processDefinitionId, int limit) {
    return new TaskQuery(null, login, null, processDefinitionId, limit);
  }

  public static TaskQuery assignedTo(String login, String processDefinitionId, int limit) {
    return new TaskQuery(null, null, login, processDefinitionId, limit);
  }
}
