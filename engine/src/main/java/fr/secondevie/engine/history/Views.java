package fr.secondevie.engine.history;

import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.record.DecisionEvaluationValue;
import fr.secondevie.engine.record.IncidentValue;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.record.MessageSubscriptionValue;
import fr.secondevie.engine.record.UserTaskValue;
import fr.secondevie.engine.util.JsonValues;

/** The immutable views the history serves (dates are epoch milliseconds, -1 when unset). */
public final class Views {

  private Views() {}

  /**
   * A process instance. State: ACTIVE, COMPLETED or TERMINATED. An instance created by a call
   * activity has the keys of the calling process instance and call activity instance (-1
   * otherwise).
   */
  public record ProcessInstanceView(
      long key,
      String bpmnProcessId,
      String processName,
      int version,
      String versionTag,
      long processDefinitionKey,
      long startDate,
      long endDate,
      String state,
      boolean hasIncident,
      long parentProcessInstanceKey,
      long parentElementInstanceKey) {

    ProcessInstanceView with(String state, long endDate, boolean hasIncident) {
      return new ProcessInstanceView(
          key,
          bpmnProcessId,
          processName,
          version,
          versionTag,
          processDefinitionKey,
          startDate,
          endDate,
          state,
          hasIncident,
          parentProcessInstanceKey,
          parentElementInstanceKey);
    }
  }

  /** An element instance, including ended ones. State: ACTIVE, COMPLETED or TERMINATED. */
  public record ElementInstanceView(
      long key,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      String elementId,
      String elementName,
      ElementType type,
      long flowScopeKey,
      long startDate,
      long endDate,
      String state,
      long incidentKey) {

    public boolean hasIncident() {
      return incidentKey > 0;
    }

    ElementInstanceView with(String state, long endDate, long incidentKey) {
      return new ElementInstanceView(
          key,
          processInstanceKey,
          processDefinitionKey,
          bpmnProcessId,
          elementId,
          elementName,
          type,
          flowScopeKey,
          startDate,
          endDate,
          state,
          incidentKey);
    }
  }

  /** A variable as last written (kept after its scope ended). */
  public record VariableView(
      long key,
      String name,
      Object value,
      long scopeKey,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId) {

    /** The value as JSON text, as the REST API returns it. */
    public String json() {
      return JsonValues.toJson(value);
    }
  }

  /**
   * A job. State: CREATED, ACTIVATED (still CREATED in Camunda's search), COMPLETED, FAILED,
   * ERROR_THROWN, CANCELED, TIMED_OUT, RETRIES_UPDATED...: the last intent applied.
   */
  public record JobView(long key, JobValue value, String state, long lastUpdate) {}

  /** An incident. State: ACTIVE or RESOLVED. */
  public record IncidentView(long key, IncidentValue value, long creationTime, String state) {}

  /** A user task. State: CREATED, COMPLETED or CANCELED. */
  public record UserTaskView(
      long key, UserTaskValue value, String state, long creationDate, long completionDate) {}

  /** A message subscription. State: CREATED, CORRELATED or DELETED. */
  public record MessageSubscriptionView(
      long key, MessageSubscriptionValue value, String state, long lastUpdatedDate) {}

  /** A message correlated to a subscription or a message start event. */
  public record CorrelatedMessageView(
      long subscriptionKey,
      long messageKey,
      String messageName,
      String correlationKey,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      String elementId,
      long elementInstanceKey,
      long correlationTime) {}

  /** A decision evaluation (standalone or from a business rule task). */
  public record DecisionInstanceView(
      long key, DecisionEvaluationValue value, String state, long evaluationDate) {}

  /** A sequence flow taken in a process instance. */
  public record SequenceFlowView(
      long key,
      String flowId,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId) {}
}
