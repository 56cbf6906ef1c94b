package fr.secondevie.engine.history;

import fr.secondevie.engine.history.Views.CorrelatedMessageView;
import fr.secondevie.engine.history.Views.DecisionInstanceView;
import fr.secondevie.engine.history.Views.ElementInstanceView;
import fr.secondevie.engine.history.Views.IncidentView;
import fr.secondevie.engine.history.Views.JobView;
import fr.secondevie.engine.history.Views.MessageSubscriptionView;
import fr.secondevie.engine.history.Views.ProcessInstanceView;
import fr.secondevie.engine.history.Views.SequenceFlowView;
import fr.secondevie.engine.history.Views.UserTaskView;
import fr.secondevie.engine.history.Views.VariableView;
import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.record.DecisionEvaluationValue;
import fr.secondevie.engine.record.DecisionRequirementsValue;
import fr.secondevie.engine.record.DecisionValue;
import fr.secondevie.engine.record.FormValue;
import fr.secondevie.engine.record.IncidentValue;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.JobValue;
import fr.secondevie.engine.record.MessageStartSubscriptionValue;
import fr.secondevie.engine.record.MessageSubscriptionValue;
import fr.secondevie.engine.record.ProcessInstanceValue;
import fr.secondevie.engine.record.ProcessValue;
import fr.secondevie.engine.record.Record;
import fr.secondevie.engine.record.UserTaskValue;
import fr.secondevie.engine.record.VariableValue;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The history of everything that ran, projected from the log into concurrent indexes. {@link
 * #apply} is called by the processing thread for each record; the getters may be called from any
 * thread.
 */
public final class History {

  private final Map<Long, ExecutableProcess> processes = new ConcurrentHashMap<>();
  private final Map<Long, DecisionRequirementsValue> decisionRequirements =
      new ConcurrentHashMap<>();
  private final Map<Long, DecisionValue> decisions = new ConcurrentHashMap<>();
  private final Map<Long, FormValue> forms = new ConcurrentHashMap<>();
  private final Map<Long, ProcessInstanceView> processInstances = new ConcurrentHashMap<>();
  private final Map<Long, ElementInstanceView> elementInstances = new ConcurrentHashMap<>();
  private final Map<Long, Queue<Long>> elementsByProcessInstance = new ConcurrentHashMap<>();
  private final Map<Long, VariableView> variables = new ConcurrentHashMap<>();
  private final Map<Long, Map<String, Long>> variablesByScope = new ConcurrentHashMap<>();
  private final Map<Long, JobView> jobs = new ConcurrentHashMap<>();
  private final Map<Long, IncidentView> incidents = new ConcurrentHashMap<>();
  private final Map<Long, UserTaskView> userTasks = new ConcurrentHashMap<>();
  private final Map<Long, MessageSubscriptionView> subscriptions = new ConcurrentHashMap<>();
  private final Queue<CorrelatedMessageView> correlatedMessages = new ConcurrentLinkedQueue<>();
  private final Map<Long, DecisionInstanceView> decisionInstances = new ConcurrentHashMap<>();
  private final Map<Long, Queue<SequenceFlowView>> sequenceFlows = new ConcurrentHashMap<>();
  private final HistoryIndexes indexes = new HistoryIndexes();

  public void apply(Record record) {
    switch (record.valueType()) {
      case PROCESS -> {
        ExecutableProcess process = ((ProcessValue) record.value()).process();
        processes.put(process.key(), process);
      }
      case DECISION_REQUIREMENTS ->
          decisionRequirements.put(record.key(), (DecisionRequirementsValue) record.value());
      case DECISION -> decisions.put(record.key(), (DecisionValue) record.value());
      case FORM -> forms.put(record.key(), (FormValue) record.value());
      case PROCESS_INSTANCE -> applyProcessInstance(record);
      case VARIABLE -> applyVariable(record);
      case JOB ->
          jobs.put(
              record.key(),
              new JobView(
                  record.key(),
                  (JobValue) record.value(),
                  record.intent().name(),
                  record.timestamp()));
      case INCIDENT -> applyIncident(record);
      case USER_TASK -> applyUserTask(record);
      case MESSAGE_SUBSCRIPTION -> applySubscription(record);
      case MESSAGE_START_EVENT_SUBSCRIPTION -> applyStartSubscription(record);
      case DECISION_EVALUATION ->
          decisionInstances.put(
              record.key(),
              new DecisionInstanceView(
                  record.key(),
                  (DecisionEvaluationValue) record.value(),
                  record.intent() == Intent.EVALUATED ? "EVALUATED" : "FAILED",
                  record.timestamp()));
      case PURGE -> clear();
      default -> {}
    }
  }

  private void applyProcessInstance(Record record) {
    ProcessInstanceValue value = (ProcessInstanceValue) record.value();
    long key = record.key();
    switch (record.intent()) {
      case ELEMENT_ACTIVATING -> {
        ExecutableProcess process = processes.get(value.processDefinitionKey());
        if (value.elementType() == ElementType.PROCESS) {
          processInstances.put(
              key,
              new ProcessInstanceView(
                  key,
                  value.bpmnProcessId(),
                  process == null ? null : process.name(),
                  value.version(),
                  process == null ? null : process.versionTag(),
                  value.processDefinitionKey(),
                  record.timestamp(),
                  -1,
                  "ACTIVE",
                  false,
                  value.parentProcessInstanceKey(),
                  value.parentElementInstanceKey()));
          indexes.processInstance(key, value.processDefinitionKey(), value.bpmnProcessId());
        }
        String name =
            process == null
                ? null
                : value.elementType() == ElementType.PROCESS
                    ? process.name()
                    : process.element(value.elementId()).name();
        elementInstances.put(
            key,
            new ElementInstanceView(
                key,
                value.processInstanceKey(),
                value.processDefinitionKey(),
                value.bpmnProcessId(),
                value.elementId(),
                name,
                value.elementType(),
                value.flowScopeKey(),
                record.timestamp(),
                -1,
                "ACTIVE",
                -1));
        elementsByProcessInstance
            .computeIfAbsent(value.processInstanceKey(), k -> new ConcurrentLinkedQueue<>())
            .add(key);
      }
      case ELEMENT_COMPLETED -> ended(key, "COMPLETED", record.timestamp());
      case ELEMENT_TERMINATED -> ended(key, "TERMINATED", record.timestamp());
      case SEQUENCE_FLOW_TAKEN ->
          sequenceFlows
              .computeIfAbsent(value.processInstanceKey(), k -> new ConcurrentLinkedQueue<>())
              .add(
                  new SequenceFlowView(
                      key,
                      value.elementId(),
                      value.processInstanceKey(),
                      value.processDefinitionKey(),
                      value.bpmnProcessId()));
      default -> {}
    }
  }

  private void ended(long key, String state, long timestamp) {
    elementInstances.computeIfPresent(key, (k, v) -> v.with(state, timestamp, -1));
    processInstances.computeIfPresent(key, (k, v) -> v.with(state, timestamp, false));
  }

  private void applyVariable(Record record) {
    VariableValue value = (VariableValue) record.value();
    variables.put(
        record.key(),
        new VariableView(
            record.key(),
            value.name(),
            value.value(),
            value.scopeKey(),
            value.processInstanceKey(),
            value.processDefinitionKey(),
            value.bpmnProcessId()));
    variablesByScope
        .computeIfAbsent(value.scopeKey(), k -> new ConcurrentHashMap<>())
        .put(value.name(), record.key());
    indexes.variable(record.key(), value.name(), value.value(), value.processInstanceKey());
  }

  private void applyIncident(Record record) {
    IncidentValue value = (IncidentValue) record.value();
    boolean created = record.intent() == Intent.CREATED;
    if (created) {
      incidents.put(
          record.key(), new IncidentView(record.key(), value, record.timestamp(), "ACTIVE"));
      indexes.incident(record.key(), value.processInstanceKey());
    } else {
      incidents.computeIfPresent(
          record.key(), (k, v) -> new IncidentView(k, v.value(), v.creationTime(), "RESOLVED"));
    }
    elementInstances.computeIfPresent(
        value.elementInstanceKey(),
        (k, v) -> v.with(v.state(), v.endDate(), created ? record.key() : -1));
    processInstances.computeIfPresent(
        value.processInstanceKey(),
        (k, v) -> v.with(v.state(), v.endDate(), hasActiveIncident(value.processInstanceKey())));
  }

  private boolean hasActiveIncident(long processInstanceKey) {
    return indexes.incidentsOfProcessInstance(processInstanceKey).stream()
        .map(incidents::get)
        .anyMatch(i -> i != null && i.state().equals("ACTIVE"));
  }

  private void applyUserTask(Record record) {
    UserTaskValue value = (UserTaskValue) record.value();
    switch (record.intent()) {
      case CREATING ->
          userTasks.put(
              record.key(),
              new UserTaskView(record.key(), value, "CREATING", record.timestamp(), -1));
      case CREATED -> {
        UserTaskView creating = userTasks.get(record.key());
        userTasks.put(
            record.key(),
            new UserTaskView(
                record.key(),
                value,
                "CREATED",
                creating != null ? creating.creationDate() : record.timestamp(),
                -1));
      }
      // waiting for task listeners: the task shows its pending state and keeps its data
      case ASSIGNING, UPDATING, COMPLETING ->
          userTasks.computeIfPresent(
              record.key(),
              (k, v) ->
                  new UserTaskView(k, v.value(), record.intent().name(), v.creationDate(), -1));
      case DENIED ->
          userTasks.computeIfPresent(
              record.key(),
              (k, v) -> new UserTaskView(k, v.value(), "CREATED", v.creationDate(), -1));
      case UPDATED ->
          userTasks.computeIfPresent(
              record.key(), (k, v) -> new UserTaskView(k, value, "CREATED", v.creationDate(), -1));
      case COMPLETED, CANCELED ->
          userTasks.computeIfPresent(
              record.key(),
              (k, v) ->
                  new UserTaskView(
                      k, value, record.intent().name(), v.creationDate(), record.timestamp()));
      default -> {}
    }
  }

  private void applySubscription(Record record) {
    MessageSubscriptionValue value = (MessageSubscriptionValue) record.value();
    subscriptions.put(
        record.key(),
        new MessageSubscriptionView(
            record.key(), value, record.intent().name(), record.timestamp()));
    if (record.intent() == Intent.CORRELATED) {
      correlatedMessages.add(
          new CorrelatedMessageView(
              record.key(),
              value.messageKey(),
              value.messageName(),
              value.correlationKey(),
              value.processInstanceKey(),
              value.processDefinitionKey(),
              value.bpmnProcessId(),
              value.elementId(),
              value.elementInstanceKey(),
              record.timestamp()));
    }
  }

  private void applyStartSubscription(Record record) {
    if (record.intent() == Intent.CORRELATED) {
      MessageStartSubscriptionValue value = (MessageStartSubscriptionValue) record.value();
      correlatedMessages.add(
          new CorrelatedMessageView(
              record.key(),
              value.messageKey(),
              value.messageName(),
              value.correlationKey(),
              value.processInstanceKey(),
              value.processDefinitionKey(),
              value.bpmnProcessId(),
              value.startEventId(),
              -1,
              record.timestamp()));
    }
  }

  private void clear() {
    processes.clear();
    decisionRequirements.clear();
    decisions.clear();
    forms.clear();
    processInstances.clear();
    elementInstances.clear();
    elementsByProcessInstance.clear();
    variables.clear();
    variablesByScope.clear();
    jobs.clear();
    incidents.clear();
    indexes.clear();
    userTasks.clear();
    subscriptions.clear();
    correlatedMessages.clear();
    decisionInstances.clear();
    sequenceFlows.clear();
  }

  // ---- queries (any thread)

  /** Keys of items by the values searches filter on most. */
  public HistoryIndexes indexes() {
    return indexes;
  }

  public Collection<ExecutableProcess> processDefinitions() {
    return processes.values();
  }

  public ExecutableProcess processDefinition(long key) {
    return processes.get(key);
  }

  public Collection<DecisionValue> decisionDefinitions() {
    return decisions.values();
  }

  public DecisionValue decisionDefinition(long key) {
    return decisions.get(key);
  }

  public Collection<DecisionRequirementsValue> decisionRequirements() {
    return decisionRequirements.values();
  }

  public DecisionRequirementsValue decisionRequirements(long key) {
    return decisionRequirements.get(key);
  }

  public Collection<FormValue> forms() {
    return forms.values();
  }

  public FormValue form(long key) {
    return forms.get(key);
  }

  public Collection<ProcessInstanceView> processInstances() {
    return processInstances.values();
  }

  public ProcessInstanceView processInstance(long key) {
    return processInstances.get(key);
  }

  public Collection<ElementInstanceView> elementInstances() {
    return elementInstances.values();
  }

  public ElementInstanceView elementInstance(long key) {
    return elementInstances.get(key);
  }

  /** Element instances of a process instance, in activation order. */
  public List<ElementInstanceView> elementInstancesOf(long processInstanceKey) {
    Queue<Long> keys = elementsByProcessInstance.get(processInstanceKey);
    return keys == null ? List.of() : keys.stream().map(elementInstances::get).toList();
  }

  public Collection<VariableView> variables() {
    return variables.values();
  }

  public VariableView variable(long key) {
    return variables.get(key);
  }

  /** Variables of one scope (element instance or process instance key). */
  public List<VariableView> variablesOf(long scopeKey) {
    Map<String, Long> keys = variablesByScope.get(scopeKey);
    return keys == null ? List.of() : keys.values().stream().map(variables::get).toList();
  }

  public Collection<JobView> jobs() {
    return jobs.values();
  }

  public JobView job(long key) {
    return jobs.get(key);
  }

  public Collection<IncidentView> incidents() {
    return incidents.values();
  }

  public IncidentView incident(long key) {
    return incidents.get(key);
  }

  public Collection<UserTaskView> userTasks() {
    return userTasks.values();
  }

  public UserTaskView userTask(long key) {
    return userTasks.get(key);
  }

  public Collection<MessageSubscriptionView> messageSubscriptions() {
    return subscriptions.values();
  }

  public Collection<CorrelatedMessageView> correlatedMessages() {
    return correlatedMessages;
  }

  public Collection<DecisionInstanceView> decisionInstances() {
    return decisionInstances.values();
  }

  public DecisionInstanceView decisionInstance(long key) {
    return decisionInstances.get(key);
  }

  public List<SequenceFlowView> sequenceFlowsOf(long processInstanceKey) {
    Queue<SequenceFlowView> flows = sequenceFlows.get(processInstanceKey);
    return flows == null ? List.of() : List.copyOf(flows);
  }
}
