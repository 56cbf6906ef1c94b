package fr.secondevie.engine.state;

import fr.secondevie.engine.record.Record;
import fr.secondevie.engine.record.TimerValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;

/** Scheduled timers ordered by due date. */
public final class TimerState {

  private final Map<Long, TimerValue> timers = new HashMap<>();
  private final NavigableSet<Due> due = new TreeSet<>();

  public TimerValue get(long key) {
    return timers.get(key);
  }

  public Due next() {
    return due.isEmpty() ? null : due.first();
  }

  /** Timers of an element instance (its catch event timer, its boundary timers). */
  public List<Long> ofElementInstance(long elementInstanceKey) {
    List<Long> keys = new ArrayList<>();
    timers.forEach(
        (key, timer) -> {
          if (timer.elementInstanceKey() == elementInstanceKey) {
            keys.add(key);
          }
        });
    return keys;
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
      }
      case TRIGGERED, CANCELED -> {
        TimerValue removed = timers.remove(record.key());
        if (removed != null) {
          due.remove(new Due(removed.dueDate(), record.key()));
        }
      }
      default -> {}
    }
  }

  void clear() {
    timers.clear();
    due.clear();
  }
}
