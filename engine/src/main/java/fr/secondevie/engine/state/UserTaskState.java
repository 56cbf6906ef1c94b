package fr.secondevie.engine.state;

import fr.secondevie.engine.record.Record;
import fr.secondevie.engine.record.UserTaskValue;
import java.util.HashMap;
import java.util.Map;

/**
 * Open user tasks, and the lifecycle transitions waiting for their task listeners: the task as it
 * was, the task as the transition makes it (with the corrections of the listeners so far), and how
 * many listener jobs completed.
 */
public final class UserTaskState {

  /**
   * A transition waiting for its task listeners ({@code eventType}: creating, assigning, updating,
   * completing).
   */
  public record Transition(
      String eventType, UserTaskValue before, UserTaskValue target, int listenersDone) {}

  private final Map<Long, UserTaskValue> tasks = new HashMap<>();
  private final Map<Long, Transition> transitions = new HashMap<>();

  public UserTaskValue get(long key) {
    return tasks.get(key);
  }

  /** The transition of the task waiting for its listeners, or {@code null}. */
  public Transition transition(long key) {
    return transitions.get(key);
  }

  void apply(Record record) {
    long key = record.key();
    UserTaskValue value = (UserTaskValue) record.value();
    switch (record.intent()) {
      case CREATING -> {
        tasks.put(key, value);
        transitions.put(key, new Transition("creating", value, value, 0));
      }
      case ASSIGNING, UPDATING, COMPLETING ->
          transitions.put(
              key, new Transition(record.intent().name().toLowerCase(), tasks.get(key), value, 0));
      case CORRECTED ->
          transitions.computeIfPresent(
              key,
              (k, t) -> new Transition(t.eventType(), t.before(), value, t.listenersDone() + 1));
      case DENIED -> transitions.remove(key);
      case CREATED, UPDATED -> {
        tasks.put(key, value);
        transitions.remove(key);
      }
      case COMPLETED, CANCELED -> {
        tasks.remove(key);
        transitions.remove(key);
      }
      default -> {}
    }
  }

  void clear() {
    tasks.clear();
    transitions.clear();
  }
}
