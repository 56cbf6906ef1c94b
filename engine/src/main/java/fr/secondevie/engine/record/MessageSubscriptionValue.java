package fr.secondevie.engine.record;

import java.util.Map;

/**
 * A process instance waiting for a message (catch event, receive task, boundary event). When
 * correlated, {@code messageKey} and {@code variables} tell which message and what it carried.
 */
public record MessageSubscriptionValue(
    long processInstanceKey,
    long elementInstanceKey,
    String elementId,
    String bpmnProcessId,
    long processDefinitionKey,
    String messageName,
    String correlationKey,
    boolean interrupting,
    long messageKey,
    Map<String, Object> variables)
    implements RecordValue {

  public MessageSubscriptionValue correlated(long messageKey, Map<String, Object> variables) {
    return new MessageSubscriptionValue(
        processInstanceKey,
        elementInstanceKey,
        elementId,
        bpmnProcessId,
        processDefinitionKey,
        messageName,
        correlationKey,
        interrupting,
        messageKey,
        variables);
  }
}
