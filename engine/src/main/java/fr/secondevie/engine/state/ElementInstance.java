package fr.secondevie.engine.state;

import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.record.ProcessInstanceValue;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A live element instance. Containers count their active children and the sequence flows taken but
 * not yet followed; a container may complete only when both are zero (Camunda's rule: no active
 * element instance and no active sequence flow in the scope).
 */
public final class ElementInstance {

  private final long key;
  private final ProcessInstanceValue value;
  private final ExecutableElement element;
  private final ElementInstance flowScope;
  private final Map<Long, ElementInstance> children = new LinkedHashMap<>();
  private final Map<String, Integer> joinedFlows = new HashMap<>();
  private ElementState state = ElementState.ACTIVATING;
  private int activeFlows;
  private long jobKey = -1;
  private long userTaskKey = -1;
  private long incidentKey = -1;
  private Map<String, Object> triggerVariables = Map.of();

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

  /** How many times a flow into a joining parallel gateway was taken and not yet joined. */
  public int joinedCount(String flowId) {
    return joinedFlows.getOrDefault(flowId, 0);
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

  void flowTaken(String flowId, boolean joining) {
    activeFlows++;
    if (joining) {
      joinedFlows.merge(flowId, 1, Integer::sum);
    }
  }

  void flowsFollowed(int count) {
    activeFlows = Math.max(0, activeFlows - count);
  }

  void joined(String flowId) {
    joinedFlows.computeIfPresent(flowId, (k, v) -> v > 1 ? v - 1 : null);
  }

  void clearFlows() {
    activeFlows = 0;
    joinedFlows.clear();
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

  @Override
  public String toString() {
    return element + "#" + key + "(" + state + ")";
  }
}
