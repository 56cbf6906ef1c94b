package fr.secondevie.common;

import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * The person who completed a user task, as the inbox adds it to the completion's variables ({@code
 * completedBy} = {@code {userId, displayName, taskElementId}}) and as each user task maps it out to
 * its process. The worker that follows the task reads it for the task it expects ({@link #of}),
 * puts the person in its custody entry ({@link #actor}) and its documents, and clears the variable
 * ({@link #cleared}) so that a later task completed without the inbox (REST API, process test) is
 * never taken for that person's work: such a task is done by the "système".
 *
 * @param userId the login (local account) or the OIDC subject's user name
 * @param displayName the name shown to people: the OIDC {@code name} claim, or the login
 * @param taskElementId the BPMN element id of the completed user task
 */
@NamedInterface("api")
public record CompletedBy(String userId, String displayName, String taskElementId) {

  /** The process variable. */
  public static final String VARIABLE = "completedBy";

  /** Who did the work when no person is known (task completed outside the inbox). */
  public static final String SYSTEM = "système";

  /** The separator between the person and the worker in a custody entry's actor. */
  static final String VIA = " via ";

  private static final int MAX_DISPLAY_NAME = 80;
  private static final int MAX_USER_ID = 64;

  public CompletedBy {
    userId = clip(userId, MAX_USER_ID);
    displayName =
        clip(displayName == null || displayName.isBlank() ? userId : displayName, MAX_DISPLAY_NAME);
  }

  /** The variable's value, as the inbox sends it with the completion. */
  public Map<String, Object> asVariable() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("userId", userId);
    value.put("displayName", displayName);
    value.put("taskElementId", taskElementId);
    return value;
  }

  /**
   * Who completed the user task {@code taskElementId} before this job, if the inbox recorded it:
   * empty when the variable is absent, is about another task, or names nobody.
   */
  public static Optional<CompletedBy> of(ActivatedJob job, String taskElementId) {
    return of(job.getVariablesAsMap().get(VARIABLE), taskElementId);
  }

  static Optional<CompletedBy> of(Object variable, String taskElementId) {
    if (!(variable instanceof Map<?, ?> value)) {
      return Optional.empty();
    }
    Object userId = value.get("userId");
    Object element = value.get("taskElementId");
    if (!(userId instanceof String id) || id.isBlank() || !taskElementId.equals(element)) {
      return Optional.empty();
    }
    Object name = value.get("displayName");
    return Optional.of(new CompletedBy(id, name instanceof String n ? n : null, taskElementId));
  }

  /**
   * The actor of a custody entry written by {@code workerActor} ({@code worker:<job type>}) for
   * this person's task: {@code "Camille Martin [cmartin] via worker:inventory.record-inspection"}.
   */
  public String actor(String workerActor) {
    return displayName + " [" + userId + "]" + VIA + workerActor;
  }

  /** The actor for the task's follow-up: the person when known, else the worker alone. */
  public static String actor(ActivatedJob job, String taskElementId, String workerActor) {
    return of(job, taskElementId).map(c -> c.actor(workerActor)).orElse(workerActor);
  }

  /** The name for documents: the person's display name, or {@link #SYSTEM}. */
  public static String name(Optional<CompletedBy> completedBy) {
    return completedBy.map(CompletedBy::displayName).orElse(SYSTEM);
  }

  /** The variables that clear {@code completedBy} once its task's follow-up consumed it. */
  public static Map<String, Object> cleared() {
    Map<String, Object> variables = new HashMap<>();
    variables.put(VARIABLE, null);
    return variables;
  }

  private static String clip(String value, int max) {
    if (value == null) {
      return null;
    }
    String v = value.strip().replace('[', '(').replace(']', ')');
    return v.length() <= max ? v : v.substring(0, max);
  }
}
