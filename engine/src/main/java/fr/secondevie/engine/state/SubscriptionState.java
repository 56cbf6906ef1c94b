package fr.secondevie.engine.state;

import fr.secondevie.engine.record.MessageStartSubscriptionValue;
import fr.secondevie.engine.record.MessageSubscriptionValue;
import fr.secondevie.engine.record.Record;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Open message subscriptions of process instances (by message name and correlation key, in opening
 * order) and message start event subscriptions (by message name).
 */
public final class SubscriptionState {

  private final Map<Long, MessageSubscriptionValue> subscriptions = new LinkedHashMap<>();
  private final Map<String, List<Long>> byNameAndKey = new HashMap<>();
  private final Map<Long, Set<Long>> byElementInstance = new HashMap<>();
  private final Map<Long, MessageStartSubscriptionValue> startSubscriptions = new LinkedHashMap<>();

  public MessageSubscriptionValue get(long key) {
    return subscriptions.get(key);
  }

  /** Open subscriptions for a message, oldest first (as key/value pairs). */
  public List<Map.Entry<Long, MessageSubscriptionValue>> matching(String name, String corrKey) {
    List<Long> keys = byNameAndKey.get(name + '\u0000' + corrKey);
    List<Map.Entry<Long, MessageSubscriptionValue>> result = new ArrayList<>();
    if (keys != null) {
      keys.forEach(k -> result.add(Map.entry(k, subscriptions.get(k))));
    }
    return result;
  }

  public List<Long> ofElementInstance(long elementInstanceKey) {
    Set<Long> keys = byElementInstance.get(elementInstanceKey);
    return keys == null ? List.of() : new ArrayList<>(keys);
  }

  public List<Map.Entry<Long, MessageStartSubscriptionValue>> startSubscriptions(String name) {
    List<Map.Entry<Long, MessageStartSubscriptionValue>> result = new ArrayList<>();
    startSubscriptions.forEach(
        (key, value) -> {
          if (value.messageName().equals(name)) {
            result.add(Map.entry(key, value));
          }
        });
    return result;
  }

  public MessageStartSubscriptionValue startSubscription(long key) {
    return startSubscriptions.get(key);
  }

  public List<Long> startSubscriptionsOf(String bpmnProcessId) {
    List<Long> keys = new ArrayList<>();
    startSubscriptions.forEach(
        (key, value) -> {
          if (value.bpmnProcessId().equals(bpmnProcessId)) {
            keys.add(key);
          }
        });
    return keys;
  }

  void apply(Record record) {
    switch (record.valueType()) {
      case MESSAGE_SUBSCRIPTION -> applySubscription(record);
      case MESSAGE_START_EVENT_SUBSCRIPTION -> {
        switch (record.intent()) {
          case CREATED ->
              startSubscriptions.put(record.key(), (MessageStartSubscriptionValue) record.value());
          case DELETED -> startSubscriptions.remove(record.key());
          default -> {}
        }
      }
      default -> {}
    }
  }

  private void applySubscription(Record record) {
    MessageSubscriptionValue value = (MessageSubscriptionValue) record.value();
    String id = value.messageName() + '\u0000' + value.correlationKey();
    switch (record.intent()) {
      case CREATED -> {
        subscriptions.put(record.key(), value);
        byNameAndKey.computeIfAbsent(id, k -> new ArrayList<>()).add(record.key());
        byElementInstance
            .computeIfAbsent(value.elementInstanceKey(), k -> new LinkedHashSet<>())
            .add(record.key());
      }
      case CORRELATED -> {
        // a non-interrupting boundary event keeps listening; everything else is done
        if (value.interrupting()) {
          remove(record.key(), id);
        }
      }
      case DELETED -> remove(record.key(), id);
      default -> {}
    }
  }

  private void remove(long key, String id) {
    MessageSubscriptionValue removed = subscriptions.remove(key);
    if (removed != null) {
      Set<Long> ofInstance = byElementInstance.get(removed.elementInstanceKey());
      if (ofInstance != null) {
        ofInstance.remove(key);
        if (ofInstance.isEmpty()) {
          byElementInstance.remove(removed.elementInstanceKey());
        }
      }
    }
    List<Long> keys = byNameAndKey.get(id);
    if (keys != null) {
      keys.remove(key);
      if (keys.isEmpty()) {
        byNameAndKey.remove(id);
      }
    }
  }

  void clear() {
    subscriptions.clear();
    byNameAndKey.clear();
    byElementInstance.clear();
    startSubscriptions.clear();
  }
}
