package fr.secondevie.tasks;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The user task calls of the Camunda REST API that the inbox makes, and nothing else: a small
 * façade over the Camunda Java client, so that pages can be tested without a runtime. Every method
 * throws {@link TaskRuntimeException} when the runtime refuses or does not answer.
 */
public interface TaskRuntime {

  /** {@code POST /v2/user-tasks/search}: open tasks (state {@code CREATED}) matching the query. */
  TaskSearchResult search(TaskQuery query);

  /** {@code GET /v2/user-tasks/{key}}. */
  TaskInfo get(long key);

  /**
   * {@code GET /v2/user-tasks/{key}/form}: the JSON of the task's linked Camunda form, if it has
   * one.
   */
  Optional<Object> form(long key);

  /**
   * {@code POST /v2/user-tasks/{key}/variables/search}: the variables visible from the task (its
   * local ones shadowing the process's), full values, parsed from JSON.
   */
  Map<String, Object> variables(long key);

  /** {@code POST /v2/user-tasks/{key}/assignment}, without overriding another assignee. */
  void assign(long key, String assignee);

  /** {@code DELETE /v2/user-tasks/{key}/assignee}. */
  void unassign(long key);

  /** {@code POST /v2/user-tasks/{key}/completion} with the variables. */
  void complete(long key, Map<String, Object> variables);

  /**
   * {@code POST /v2/variables/search}: the named variables of the process instances, as set in
   * their root scope, parsed from JSON; by process instance key (an instance without any is left
   * out).
   */
  Map<Long, Map<String, Object>> processVariables(
      Collection<Long> processInstanceKeys, Collection<String> names);

  /**
   * {@code POST /v2/element-instances/search}: the process instances waiting at an element (its
   * instance is active), oldest first, at most {@code limit}.
   */
  List<Waiting> waitingAt(String processDefinitionId, String elementId, int limit);

  /** A process instance waiting at an element since a date. */
  record Waiting(long processInstanceKey, OffsetDateTime since) {}
}
