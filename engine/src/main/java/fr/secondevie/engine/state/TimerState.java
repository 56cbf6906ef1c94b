package fr.secondevie.engine.state;

import fr.secondevie.engine.record.Record;
import fr.secondevie.engine.record.TimerValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/** Scheduled timers ordered by due date. */
public final class TimerState {

  private final Map<Long, TimerValue> timers = new HashMap<>();
  private final NavigableSet<Due> due = new TreeSet<>();
  private final Map<Long, Set<Long>> byElementInstance = new HashMap<>();

  public TimerValue get(long key) {
    return timers.get(key);
  }

  public Due next() {
    return due.isEmpty() ? null : due.first();
  }

  /** The first timer due, leaving out the given ones. */
  public Due next(Set<Long> excluded) {
    for (Due next : due) {
      if (!excluded.contains(next.key())) {
        return next;
      }
    }
    return null;
  }

  /** The timers due at the given time or before, earliest first. */
  public List<Due> dueBy(long time) {
    List<Due> result = new ArrayList<>();
    for (Due next : due) {
      if (next.time() > time) {
        break;
      }
      result.add(next);
    }
    return result;
  }

  /**
   * Timers of an element instance (its catch event timer, its boundary timers, the timers of the
   * event sub-processes of a scope, the events after an event-based gateway).
   */
  public List<Long> ofElementInstance(long elementInstanceKey) {
    Set<Long> keys = byElementInstance.get(elementInstanceKey);
    return keys == null ? List.of() : new ArrayList<>(keys);
  }

  /** Timer start events of a process definition. */
  public List<Long> ofStartEvents(long processDefinitionKey) {
    List<Long> keys = new ArrayList<>();
    timers.forEach(
        (key, timer) -> {
          if (timer.elementInstanceKey() < 0
              && timer.processDefinitionKey() == processDefinitionKey) {
            keys.add(key);
          }
        });
    return keys;
  }

  void apply(Record record) {
    TimerValue value = (TimerValue) record.value();
    switch (record.intent()) {
      case CREATED -> {
        timers.put(record.key(), value);
        due.add(new Due(value.dueDate(), record.key()));
        if (value.elementInstanceKey() >= 0) {
          byElementInstance
              .computeIfAbsent(value.elementInstanceKey(), k -> new LinkedHashSet<>())
              .add(record.key());
        }
      }
      case TRIGGERED, CANCELED -> {
        TimerValue removed = timers.remove(record.key());
        if (removed != null) {
          due.remove(new Due(removed.dueDate(), record.key()));
          Set<Long> ofInstance = byElementInstance.get(removed.elementInstanceKey());
          if (ofInstance != null) {
            ofInstance.remove(record.key());
            if (ofInstance.isEmpty()) {
              byElementInstance.remove(removed.elementInstanceKey());
            }
          }
        }
      }
      default -> {}
    }
  }

  void clear() {
    timers.clear();
    due.clear();
    byElementInstance.clear();
  }
}
