package fr.secondevie.engine.history;

import fr.secondevie.engine.util.JsonValues;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keys of history items by the values the searches filter on most, so that a search with an
 * equality on one of them reads a few items instead of all. Every set is a superset of the items
 * that have the value now (entries are only added, a changed variable keeps its old value's entry
 * too): a search filters the candidates again with its whole filter. Updated by the processing
 * thread through {@link History#apply}, read from any thread.
 */
public final class HistoryIndexes {

  /** Variable values whose JSON text is longer than this are not indexed. */
  static final int MAX_INDEXED_JSON = 256;

  private final Map<Long, Set<Long>> instancesByDefinition = new ConcurrentHashMap<>();
  private final Map<String, Set<Long>> instancesByProcessId = new ConcurrentHashMap<>();
  private final Map<String, Set<Long>> instancesByVariable = new ConcurrentHashMap<>();
  private final Map<Long, Set<Long>> variablesByInstance = new ConcurrentHashMap<>();
  private final Map<Long, Set<Long>> incidentsByInstance = new ConcurrentHashMap<>();

  void processInstance(long key, long definitionKey, String processId) {
    add(instancesByDefinition, definitionKey, key);
    if (processId != null) {
      add(instancesByProcessId, processId, key);
    }
  }

  void variable(long key, String name, Object value, long processInstanceKey) {
    add(variablesByInstance, processInstanceKey, key);
    String json = scalarJson(value);
    if (json != null && json.length() <= MAX_INDEXED_JSON) {
      add(instancesByVariable, variableKey(name, json), processInstanceKey);
    }
  }

  void incident(long key, long processInstanceKey) {
    add(incidentsByInstance, processInstanceKey, key);
  }

  void clear() {
    instancesByDefinition.clear();
    instancesByProcessId.clear();
    instancesByVariable.clear();
    variablesByInstance.clear();
    incidentsByInstance.clear();
  }

  /** The process instances of a process definition (by its key). */
  public Set<Long> processInstancesOfDefinition(long definitionKey) {
    return read(instancesByDefinition, definitionKey);
  }

  /** The process instances of a process (by its BPMN process id), every version. */
  public Set<Long> processInstancesOfProcess(String processId) {
    return read(instancesByProcessId, processId);
  }

  /**
   * The process instances that have (or had) a variable of this name whose value has this JSON
   * text, in any scope; null when such a value is not indexed (an object, an array, a long text):
   * the caller then reads every instance.
   */
  public Set<Long> processInstancesWithVariable(String name, String json) {
    if (json == null
        || json.isEmpty()
        || json.length() > MAX_INDEXED_JSON
        || json.charAt(0) == '{'
        || json.charAt(0) == '[') {
      return null;
    }
    return read(instancesByVariable, variableKey(name, json));
  }

  /** The variables of a process instance, every scope. */
  public Set<Long> variablesOfProcessInstance(long processInstanceKey) {
    return read(variablesByInstance, processInstanceKey);
  }

  /** The incidents of a process instance, resolved ones included. */
  public Set<Long> incidentsOfProcessInstance(long processInstanceKey) {
    return read(incidentsByInstance, processInstanceKey);
  }

  /**
   * The JSON text of a scalar value (null, text, number, boolean), as {@link JsonValues#toJson}
   * writes it; null for objects and arrays, which are not indexed.
   */
  private static String scalarJson(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof String || value instanceof Number) {
      return JsonValues.toJson(value);
    }
    return null;
  }

  private static String variableKey(String name, String json) {
    return name + '\u0000' + json;
  }

  private static <K> void add(Map<K, Set<Long>> index, K key, long item) {
    index.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(item);
  }

  private static <K> Set<Long> read(Map<K, Set<Long>> index, K key) {
    Set<Long> items = key == null ? null : index.get(key);
    return items == null ? Set.of() : Collections.unmodifiableSet(items);
  }
}
