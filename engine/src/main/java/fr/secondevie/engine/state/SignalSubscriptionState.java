package fr.secondevie.engine.state;

import fr.secondevie.engine.record.Record;
import fr.secondevie.engine.record.SignalSubscriptionValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open signal subscriptions by signal name (in opening order), by element instance, and the signal
 * start events of each process id.
 */
public final class SignalSubscriptionState {

  private final Map<Long, SignalSubscriptionValue> subscriptions = new LinkedHashMap<>();
  private final Map<String, Set<Long>> byName = new HashMap<>();
  private final Map<Long, Set<Long>> byElementInstance = new HashMap<>();

  public SignalSubscriptionValue get(long key) {
    return subscriptions.get(key);
  }

  /** Subscriptions to a signal, oldest first. */
  public List<Long> named(String signalName) {
    Set<Long> keys = byName.get(signalName);
    return keys == null ? List.of() : new ArrayList<>(keys);
  }

  public List<Long> ofElementInstance(long elementInstanceKey) {
    Set<Long> keys = byElementInstance.get(elementInstanceKey);
    return keys == null ? List.of() : new ArrayList<>(keys);
  }

  /** The signal start event subscriptions of a process id. */
  public List<Long> startEventsOf(String bpmnProcessId) {
    List<Long> keys = new ArrayList<>();
    for (Long key : byElementInstance.getOrDefault(-1L, Set.of())) {
      if (subscriptions.get(key).bpmnProcessId().equals(bpmnProcessId)) {
        keys.add(key);
      }
    }
    return keys;
  }

  void apply(Record record) {
    SignalSubscriptionValue value = (SignalSubscriptionValue) record.value();
    switch (record.intent()) {
      case CREATED -> {
        subscriptions.put(record.key(), value);
        byName.computeIfAbsent(value.signalName(), k -> new LinkedHashSet<>()).add(record.key());
        byElementInstance
            .computeIfAbsent(value.catchEventInstanceKey(), k -> new LinkedHashSet<>())
            .add(record.key());
      }
      case DELETED -> {
        SignalSubscriptionValue removed = subscriptions.remove(record.key());
        if (removed != null) {
          remove(byName, removed.signalName(), record.key());
          remove(byElementInstance, removed.catchEventInstanceKey(), record.key());
        }
      }
      default -> {}
    }
  }

  private static <K> void remove(Map<K, Set<Long>> index, K indexKey, long key) {
    Set<Long> keys = index.get(indexKey);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        index.remove(indexKey);
      }
    }
  }

  void clear() {
    subscriptions.clear();
    byName.clear();
    byElementInstance.clear();
  }
}
