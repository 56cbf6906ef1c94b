package fr.secondevie.engine.record;

import java.util.List;
import java.util.Map;

/** A Camunda user task and its data (dates as ISO-8601 text, {@code formKey} -1 when none). */
public record UserTaskValue(
    long elementInstanceKey,
    String elementId,
    String name,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    String assignee,
    List<String> candidateUsers,
    List<String> candidateGroups,
    String dueDate,
    String followUpDate,
    int priority,
    long formKey,
    String formId,
    String externalFormReference,
    Map<String, String> customHeaders,
    Map<String, Object> variables,
    String action)
    implements RecordValue {

  /** A task with no pending action. */
  public UserTaskValue(
      long elementInstanceKey,
      String elementId,
      String name,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      int processDefinitionVersion,
      String assignee,
      List<String> candidateUsers,
      List<String> candidateGroups,
      String dueDate,
      String followUpDate,
      int priority,
      long formKey,
      String formId,
      String externalFormReference,
      Map<String, String> customHeaders,
      Map<String, Object> variables) {
    this(
        elementInstanceKey,
        elementId,
        name,
        processInstanceKey,
        processDefinitionKey,
        bpmnProcessId,
        processDefinitionVersion,
        assignee,
        candidateUsers,
        candidateGroups,
        dueDate,
        followUpDate,
        priority,
        formKey,
        formId,
        externalFormReference,
        customHeaders,
        variables,
        null);
  }

  /**
   * The same task with the action of the request changing it (custom or {@code assign}, {@code
   * claim}, {@code update}, {@code complete}), which task listeners see.
   */
  public UserTaskValue withAction(String action) {
    return new UserTaskValue(
        elementInstanceKey,
        elementId,
        name,
        processInstanceKey,
        processDefinitionKey,
        bpmnProcessId,
        processDefinitionVersion,
        assignee,
        candidateUsers,
        candidateGroups,
        dueDate,
        followUpDate,
        priority,
        formKey,
        formId,
        externalFormReference,
        customHeaders,
        variables,
        action);
  }

  /** The same task with another assignee (null: unassigned). */
  public UserTaskValue withAssignee(String assignee) {
    return new UserTaskValue(
        elementInstanceKey,
        elementId,
        name,
        processInstanceKey,
        processDefinitionKey,
        bpmnProcessId,
        processDefinitionVersion,
        assignee,
        candidateUsers,
        candidateGroups,
        dueDate,
        followUpDate,
        priority,
        formKey,
        formId,
        externalFormReference,
        customHeaders,
        variables,
        action);
  }

  /** The same task with the attributes of an update (candidates, dates, priority). */
  public UserTaskValue updated(
      List<String> candidateUsers,
      List<String> candidateGroups,
      String dueDate,
      String followUpDate,
      int priority) {
    return new UserTaskValue(
        elementInstanceKey,
        elementId,
        name,
        processInstanceKey,
        processDefinitionKey,
        bpmnProcessId,
        processDefinitionVersion,
        assignee,
        candidateUsers,
        candidateGroups,
        dueDate,
        followUpDate,
        priority,
        formKey,
        formId,
        externalFormReference,
        customHeaders,
        variables,
        action);
  }

  public UserTaskValue withVariables(Map<String, Object> variables) {
    return new UserTaskValue(
        elementInstanceKey,
        elementId,
        name,
        processInstanceKey,
        processDefinitionKey,
        bpmnProcessId,
        processDefinitionVersion,
        assignee,
        candidateUsers,
        candidateGroups,
        dueDate,
        followUpDate,
        priority,
        formKey,
        formId,
        externalFormReference,
        customHeaders,
        variables,
        action);
  }
}
