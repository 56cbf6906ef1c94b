package fr.secondevie.engine.record;

import java.util.Map;

/**
 * A message start event of the latest version of a process. When correlated, the record tells which
 * message created which process instance.
 */
public record MessageStartSubscriptionValue(
    long processDefinitionKey,
    String bpmnProcessId,
    String startEventId,
    String messageName,
    long messageKey,
    long processInstanceKey,
    String correlationKey,
    Map<String, Object> variables)
    implements RecordValue {}
