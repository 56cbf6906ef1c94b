package fr.secondevie.engine.state;

import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.record.ProcessInstanceValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A live element instance. Containers count their active children and the sequence flows taken but
 * not yet followed (per flow, so that joining gateways know which flows arrived); a container may
 * complete only when both are zero (Camunda's rule: no active element instance and no active
 * sequence flow in the scope). Multi-instance bodies count their inner instances; call activities
 * know the process instance they called.
 */
public final class ElementInstance {

  private final long key;
  private final ProcessInstanceValue value;
  private final ExecutableElement element;
  private final ElementInstance flowScope;
  private final Map<Long, ElementInstance> children = new LinkedHashMap<>();
  private final Map<String, Integer> pendingFlows = new HashMap<>();
  private ElementState state = ElementState.ACTIVATING;
  private int activeFlows;
  private long jobKey = -1;
  private long userTaskKey = -1;
  private long incidentKey = -1;
  private long calledProcessInstanceKey = -1;
  private int loopCounter;
  private int activatedInnerInstances;
  private int completedInnerInstances;
  private int terminatedInnerInstances;
  private boolean interrupted;
  private List<Object> inputCollection;
  private Map<String, Object> triggerVariables = Map.of();
  private int listenersDone;

  ElementInstance(
      long key, ProcessInstanceValue value, ExecutableElement element, ElementInstance flowScope) {
    this.key = key;
    this.value = value;
    this.element = element;
    this.flowScope = flowScope;
  }

  public long key() {
    return key;
  }

  public ProcessInstanceValue value() {
    return value;
  }

  public ExecutableElement element() {
    return element;
  }

  /** The containing element instance; {@code null} for the process instance. */
  public ElementInstance flowScope() {
    return flowScope;
  }

  public ElementState state() {
    return state;
  }

  public boolean isActive() {
    return state == ElementState.ACTIVATED;
  }

  public long processInstanceKey() {
    return value.processInstanceKey();
  }

  public Iterable<ElementInstance> children() {
    return children.values();
  }

  public int activeChildren() {
    return children.size();
  }

  public int activeFlows() {
    return activeFlows;
  }

  /** How many times a flow of this scope was taken and its target not yet reached. */
  public int joinedCount(String flowId) {
    return pendingFlows.getOrDefault(flowId, 0);
  }

  /** The flows of this scope taken and not yet followed, with how many tokens each carries. */
  public Map<String, Integer> pendingFlows() {
    return pendingFlows;
  }

  public long jobKey() {
    return jobKey;
  }

  public long userTaskKey() {
    return userTaskKey;
  }

  public long incidentKey() {
    return incidentKey;
  }

  /** For a call activity: the process instance it created and that is still running, or -1. */
  public long calledProcessInstanceKey() {
    return calledProcessInstanceKey;
  }

  /** For an inner instance of a multi-instance body: its 1-based position, else 0. */
  public int loopCounter() {
    return loopCounter;
  }

  /** For a multi-instance body: how many inner instances were activated so far. */
  public int activatedInnerInstances() {
    return activatedInnerInstances;
  }

  public int completedInnerInstances() {
    return completedInnerInstances;
  }

  public int terminatedInnerInstances() {
    return terminatedInnerInstances;
  }

  /**
   * Whether an interrupting event sub-process started in this scope: nothing but that event
   * sub-process runs in it anymore.
   */
  public boolean isInterrupted() {
    return interrupted;
  }

  /**
   * For a multi-instance body: the input collection evaluated on activation. A cache that is not
   * part of the derived state ({@code null} when unknown, e.g. after a replay).
   */
  public List<Object> inputCollection() {
    return inputCollection;
  }

  public void inputCollection(List<Object> items) {
    this.inputCollection = items;
  }

  /**
   * Variables carried by the event that activated this instance (a boundary event's message or
   * error); transient, only read while the instance activates.
   */
  public Map<String, Object> triggerVariables() {
    return triggerVariables;
  }

  public void triggerVariables(Map<String, Object> variables) {
    this.triggerVariables = variables;
  }

  /**
   * How many execution listener jobs of the current phase completed: start listeners while
   * activating, end listeners while completing (reset when the element starts completing).
   */
  public int listenersDone() {
    return listenersDone;
  }

  // ---- mutations, called by the appliers of ElementInstanceState and sibling states

  void state(ElementState state) {
    this.state = state;
  }

  void addChild(ElementInstance child) {
    children.put(child.key, child);
  }

  void removeChild(ElementInstance child) {
    children.remove(child.key);
  }

  void flowTaken(String flowId) {
    activeFlows++;
    pendingFlows.merge(flowId, 1, Integer::sum);
  }

  /** A token of the flow reached its target; returns whether the flow had one. */
  boolean followed(String flowId) {
    Integer count = pendingFlows.get(flowId);
    if (count == null) {
      return false;
    }
    if (count > 1) {
      pendingFlows.put(flowId, count - 1);
    } else {
      pendingFlows.remove(flowId);
    }
    activeFlows = Math.max(0, activeFlows - 1);
    return true;
  }

  void clearFlows() {
    activeFlows = 0;
    pendingFlows.clear();
  }

  void interrupt() {
    interrupted = true;
    clearFlows();
  }

  void listenerDone() {
    listenersDone++;
  }

  void resetListeners() {
    listenersDone = 0;
  }

  void jobKey(long jobKey) {
    this.jobKey = jobKey;
  }

  void userTaskKey(long userTaskKey) {
    this.userTaskKey = userTaskKey;
  }

  void incidentKey(long incidentKey) {
    this.incidentKey = incidentKey;
  }

  void calledProcessInstanceKey(long key) {
    this.calledProcessInstanceKey = key;
  }

  void innerInstanceActivated(ElementInstance inner) {
    inner.loopCounter = ++activatedInnerInstances;
  }

  void innerInstanceEnded(boolean completed) {
    if (completed) {
      completedInnerInstances++;
    } else {
      terminatedInnerInstances++;
    }
  }

  @Override
  public String toString() {
    return element + "#" + key + "(" + state + ")";
  }
}
