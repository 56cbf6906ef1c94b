package fr.secondevie.engine.state;

import fr.secondevie.engine.record.CompensationSubscriptionValue;
import fr.secondevie.engine.record.Record;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compensation subscriptions of running process instances, in creation order: created when a
 * compensable activity completes, triggered by a compensation throw or end event, removed once
 * their handler completed or when their process instance ends.
 */
public final class CompensationState {

  /** A subscription and its key. */
  public record Subscription(long key, CompensationSubscriptionValue value) {}

  private final Map<Long, Map<Long, CompensationSubscriptionValue>> byProcessInstance =
      new HashMap<>();

  /** The subscriptions of a process instance, oldest first. */
  public List<Subscription> of(long processInstanceKey) {
    Map<Long, CompensationSubscriptionValue> subscriptions =
        byProcessInstance.get(processInstanceKey);
    if (subscriptions == null) {
      return List.of();
    }
    return subscriptions.entrySet().stream()
        .map(e -> new Subscription(e.getKey(), e.getValue()))
        .toList();
  }

  void apply(Record record) {
    CompensationSubscriptionValue value = (CompensationSubscriptionValue) record.value();
    switch (record.intent()) {
      case CREATED, TRIGGERED ->
          byProcessInstance
              .computeIfAbsent(value.processInstanceKey(), k -> new LinkedHashMap<>())
              .put(record.key(), value);
      case COMPLETED, DELETED -> {
        Map<Long, CompensationSubscriptionValue> subscriptions =
            byProcessInstance.get(value.processInstanceKey());
        if (subscriptions != null) {
          subscriptions.remove(record.key());
          if (subscriptions.isEmpty()) {
            byProcessInstance.remove(value.processInstanceKey());
          }
        }
      }
      default -> {}
    }
  }

  /** A process instance ended: its subscriptions go with it. */
  void processInstanceEnded(long processInstanceKey) {
    byProcessInstance.remove(processInstanceKey);
  }

  void clear() {
    byProcessInstance.clear();
  }
}
