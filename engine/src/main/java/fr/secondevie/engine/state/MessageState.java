package fr.secondevie.engine.state;

import fr.secondevie.engine.record.MessageStartSubscriptionValue;
import fr.secondevie.engine.record.MessageSubscriptionValue;
import fr.secondevie.engine.record.MessageValue;
import fr.secondevie.engine.record.Record;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * Buffered messages (until their time-to-live ends) with the process ids each one already
 * correlated to, and the process instances started by a message with a correlation key.
 */
public final class MessageState {

  /** A buffered message and the BPMN process ids it correlated to. */
  public record Buffered(long key, MessageValue value, Set<String> correlatedProcessIds) {}

  private final Map<Long, Buffered> messages = new HashMap<>();
  private final Map<String, LinkedHashSet<Long>> byNameAndKey = new HashMap<>();
  private final NavigableSet<Due> deadlines = new TreeSet<>();
  private final Map<String, Long> startedByKey = new HashMap<>();
  private final Map<Long, String> startedByKeyReverse = new HashMap<>();

  public Buffered get(long key) {
    return messages.get(key);
  }

  /** Buffered messages with this name and correlation key, first published first. */
  public List<Buffered> buffered(String name, String correlationKey) {
    LinkedHashSet<Long> keys = byNameAndKey.get(id(name, correlationKey));
    if (keys == null) {
      return List.of();
    }
    List<Buffered> result = new ArrayList<>();
    keys.forEach(k -> result.add(messages.get(k)));
    return result;
  }

  public boolean existsWithId(String name, String correlationKey, String messageId) {
    return buffered(name, correlationKey).stream()
        .anyMatch(m -> messageId.equals(m.value().messageId()));
  }

  public Due nextDeadline() {
    return deadlines.isEmpty() ? null : deadlines.first();
  }

  /** Whether an instance started by a message with this correlation key is still active. */
  public boolean hasActiveInstanceStartedWith(String bpmnProcessId, String correlationKey) {
    return startedByKey.containsKey(bpmnProcessId + '\u0000' + correlationKey);
  }

  /** The (process id, correlation key) an ended instance was started with, or null. */
  public String[] startedWith(long processInstanceKey) {
    String id = startedByKeyReverse.get(processInstanceKey);
    return id == null ? null : id.split("\u0000", 2);
  }

  void apply(Record record) {
    switch (record.valueType()) {
      case MESSAGE -> applyMessage(record);
      case MESSAGE_SUBSCRIPTION -> {
        if (record.intent() == fr.secondevie.engine.record.Intent.CORRELATED) {
          MessageSubscriptionValue value = (MessageSubscriptionValue) record.value();
          correlated(value.messageKey(), value.bpmnProcessId());
        }
      }
      case MESSAGE_START_EVENT_SUBSCRIPTION -> {
        if (record.intent() == fr.secondevie.engine.record.Intent.CORRELATED) {
          MessageStartSubscriptionValue value = (MessageStartSubscriptionValue) record.value();
          correlated(value.messageKey(), value.bpmnProcessId());
          if (value.correlationKey() != null && !value.correlationKey().isEmpty()) {
            String id = value.bpmnProcessId() + '\u0000' + value.correlationKey();
            startedByKey.put(id, value.processInstanceKey());
            startedByKeyReverse.put(value.processInstanceKey(), id);
          }
        }
      }
      default -> {}
    }
  }

  private void applyMessage(Record record) {
    MessageValue value = (MessageValue) record.value();
    switch (record.intent()) {
      case PUBLISHED -> {
        if (value.timeToLive() > 0) {
          messages.put(record.key(), new Buffered(record.key(), value, new HashSet<>()));
          byNameAndKey
              .computeIfAbsent(id(value.name(), value.correlationKey()), k -> new LinkedHashSet<>())
              .add(record.key());
          deadlines.add(new Due(value.deadline(), record.key()));
        }
      }
      case EXPIRED -> {
        Buffered removed = messages.remove(record.key());
        if (removed != null) {
          deadlines.remove(new Due(value.deadline(), record.key()));
          LinkedHashSet<Long> keys = byNameAndKey.get(id(value.name(), value.correlationKey()));
          if (keys != null) {
            keys.remove(record.key());
          }
        }
      }
      default -> {}
    }
  }

  private void correlated(long messageKey, String bpmnProcessId) {
    Buffered message = messages.get(messageKey);
    if (message != null) {
      message.correlatedProcessIds().add(bpmnProcessId);
    }
  }

  void processInstanceEnded(long processInstanceKey) {
    String id = startedByKeyReverse.remove(processInstanceKey);
    if (id != null) {
      startedByKey.remove(id);
    }
  }

  private static String id(String name, String correlationKey) {
    return name + '\u0000' + (correlationKey == null ? "" : correlationKey);
  }

  void clear() {
    messages.clear();
    byNameAndKey.clear();
    deadlines.clear();
    startedByKey.clear();
    startedByKeyReverse.clear();
  }
}
