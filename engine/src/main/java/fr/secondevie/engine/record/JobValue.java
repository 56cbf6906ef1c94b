package fr.secondevie.engine.record;

import java.util.Map;

/**
 * A job for a worker. {@code deadline} is set while activated; {@code recurAt} while waiting for
 * its retry back-off (both epoch milliseconds of the engine clock, -1 when unset). {@code kind} is
 * {@code null} for the job of a BPMN element, else {@link #EXECUTION_LISTENER} or {@link
 * #TASK_LISTENER} with the listener's event type (as the APIs name it: START, END, CREATING,
 * ASSIGNING, UPDATING, COMPLETING); a task listener job carries the user task as the listener sees
 * it.
 */
public record JobValue(
    String type,
    String worker,
    int retries,
    long deadline,
    long recurAt,
    String errorMessage,
    String errorCode,
    Map<String, String> customHeaders,
    long elementInstanceKey,
    String elementId,
    long processInstanceKey,
    String bpmnProcessId,
    int processDefinitionVersion,
    long processDefinitionKey,
    String kind,
    String listenerEventType,
    ListenerTask userTask)
    implements RecordValue {

  public static final String EXECUTION_LISTENER = "EXECUTION_LISTENER";
  public static final String TASK_LISTENER = "TASK_LISTENER";

  /** The user task a task listener job is about, with what its event changes. */
  public record ListenerTask(
      long userTaskKey,
      String action,
      java.util.List<String> changedAttributes,
      UserTaskValue task) {}

  /** The job of a BPMN element (not a listener). */
  public JobValue(
      String type,
      String worker,
      int retries,
      long deadline,
      long recurAt,
      String errorMessage,
      String errorCode,
      Map<String, String> customHeaders,
      long elementInstanceKey,
      String elementId,
      long processInstanceKey,
      String bpmnProcessId,
      int processDefinitionVersion,
      long processDefinitionKey) {
    this(
        type,
        worker,
        retries,
        deadline,
        recurAt,
        errorMessage,
        errorCode,
        customHeaders,
        elementInstanceKey,
        elementId,
        processInstanceKey,
        bpmnProcessId,
        processDefinitionVersion,
        processDefinitionKey,
        null,
        null,
        null);
  }

  /** The kind as the APIs name it. */
  public String kindName() {
    return kind == null ? "BPMN_ELEMENT" : kind;
  }

  /** The listener event type as the APIs name it. */
  public String eventTypeName() {
    return listenerEventType == null ? "UNSPECIFIED" : listenerEventType;
  }

  public boolean listenerJob() {
    return kind != null;
  }

  /** The same job for a listener. */
  public JobValue asListener(String kind, String listenerEventType, ListenerTask userTask) {
    return with(
        worker,
        retries,
        deadline,
        recurAt,
        errorMessage,
        errorCode,
        kind,
        listenerEventType,
        userTask);
  }

  public JobValue activated(String worker, long deadline) {
    return with(worker, retries, deadline, -1, errorMessage, errorCode);
  }

  public JobValue failed(int retries, String errorMessage, long recurAt) {
    return with(worker, retries, -1, recurAt, errorMessage, errorCode);
  }

  public JobValue withRetries(int retries) {
    return with(worker, retries, deadline, recurAt, errorMessage, errorCode);
  }

  public JobValue withDeadline(long deadline) {
    return with(worker, retries, deadline, recurAt, errorMessage, errorCode);
  }

  public JobValue withError(String errorCode, String errorMessage) {
    return with(worker, retries, -1, -1, errorMessage, errorCode);
  }

  private JobValue with(
      String worker,
      int retries,
      long deadline,
      long recurAt,
      String errorMessage,
      String errorCode) {
    return with(
        worker,
        retries,
        deadline,
        recurAt,
        errorMessage,
        errorCode,
        kind,
        listenerEventType,
        userTask);
  }

  private JobValue with(
      String worker,
      int retries,
      long deadline,
      long recurAt,
      String errorMessage,
      String errorCode,
      String kind,
      String listenerEventType,
      ListenerTask userTask) {
    return new JobValue(
        type,
        worker,
        retries,
        deadline,
        recurAt,
        errorMessage,
        errorCode,
        customHeaders,
        elementInstanceKey,
        elementId,
        processInstanceKey,
        bpmnProcessId,
        processDefinitionVersion,
        processDefinitionKey,
        kind,
        listenerEventType,
        userTask);
  }
}
