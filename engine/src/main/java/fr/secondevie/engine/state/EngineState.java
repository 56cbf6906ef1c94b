package fr.secondevie.engine.state;

import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.record.IncidentValue;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.record.ProcessInstanceValue;
import fr.secondevie.engine.record.Record;
import fr.secondevie.engine.record.UserTaskValue;

/**
 * All runtime state, derived from the log: {@link #apply} is the only way it changes, so replaying
 * the records rebuilds it.
 */
public final class EngineState {

  private final DefinitionState definitions = new DefinitionState();
  private final ElementInstanceState instances = new ElementInstanceState(definitions);
  private final VariableState variables = new VariableState(instances);
  private final JobState jobs = new JobState();
  private final IncidentState incidents = new IncidentState();
  private final TimerState timers = new TimerState();
  private final UserTaskState userTasks = new UserTaskState();
  private final MessageState messages = new MessageState();
  private final SubscriptionState subscriptions = new SubscriptionState();
  private final SignalSubscriptionState signals = new SignalSubscriptionState();
  private final CompensationState compensations = new CompensationState();

  public void apply(Record record) {
    switch (record.valueType()) {
      case DEPLOYMENT, PROCESS, DECISION, DECISION_REQUIREMENTS, FORM -> definitions.apply(record);
      case PROCESS_INSTANCE -> applyProcessInstance(record);
      case VARIABLE -> variables.apply(record);
      case JOB -> {
        jobs.apply(record);
        JobValue job = (JobValue) record.value();
        if (record.intent() == Intent.CREATED) {
          ElementInstance instance = instances.get(job.elementInstanceKey());
          if (instance != null) {
            instance.jobKey(record.key());
          }
        } else if (record.intent() == Intent.COMPLETED
            && JobValue.EXECUTION_LISTENER.equals(job.kind())) {
          ElementInstance instance = instances.get(job.elementInstanceKey());
          if (instance != null) {
            instance.listenerDone();
          }
        }
      }
      case INCIDENT -> applyIncident(record);
      case TIMER -> timers.apply(record);
      case USER_TASK -> {
        userTasks.apply(record);
        if (record.intent() == Intent.CREATED || record.intent() == Intent.CREATING) {
          UserTaskValue task = (UserTaskValue) record.value();
          ElementInstance instance = instances.get(task.elementInstanceKey());
          if (instance != null) {
            instance.userTaskKey(record.key());
          }
        }
      }
      case MESSAGE -> messages.apply(record);
      case MESSAGE_SUBSCRIPTION, MESSAGE_START_EVENT_SUBSCRIPTION -> {
        subscriptions.apply(record);
        messages.apply(record);
      }
      case SIGNAL_SUBSCRIPTION -> signals.apply(record);
      case COMPENSATION_SUBSCRIPTION -> compensations.apply(record);
      case PURGE -> clear();
      default -> {}
    }
  }

  private void applyProcessInstance(Record record) {
    instances.apply(record);
    if (record.intent() == Intent.ELEMENT_COMPLETING) {
      ElementInstance instance = instances.get(record.key());
      if (instance != null) {
        instance.resetListeners();
      }
    }
    if (record.intent() == Intent.ELEMENT_COMPLETED
        || record.intent() == Intent.ELEMENT_TERMINATED) {
      variables.scopeEnded(record.key());
      ProcessInstanceValue value = (ProcessInstanceValue) record.value();
      if (value.elementType() == ElementType.PROCESS) {
        messages.processInstanceEnded(record.key());
        compensations.processInstanceEnded(record.key());
      }
    }
  }

  private void applyIncident(Record record) {
    incidents.apply(record);
    IncidentValue incident = (IncidentValue) record.value();
    ElementInstance instance = instances.get(incident.elementInstanceKey());
    if (record.intent() == Intent.CREATED && instance != null) {
      instance.incidentKey(record.key());
    } else if (record.intent() == Intent.RESOLVED) {
      if (instance != null) {
        instance.incidentKey(-1);
      }
      jobs.incidentResolved(incident);
    }
  }

  private void clear() {
    definitions.clear();
    instances.clear();
    variables.clear();
    jobs.clear();
    incidents.clear();
    timers.clear();
    userTasks.clear();
    messages.clear();
    subscriptions.clear();
    signals.clear();
    compensations.clear();
  }

  public DefinitionState definitions() {
    return definitions;
  }

  public ElementInstanceState instances() {
    return instances;
  }

  public VariableState variables() {
    return variables;
  }

  public JobState jobs() {
    return jobs;
  }

  public IncidentState incidents() {
    return incidents;
  }

  public TimerState timers() {
    return timers;
  }

  public UserTaskState userTasks() {
    return userTasks;
  }

  public MessageState messages() {
    return messages;
  }

  public SubscriptionState subscriptions() {
    return subscriptions;
  }

  public SignalSubscriptionState signals() {
    return signals;
  }

  public CompensationState compensations() {
    return compensations;
  }
}
