package fr.secondevie.engine.record;

/**
 * An element waiting for a signal: a signal start event of a deployed process ({@code
 * catchEventInstanceKey} -1), or the element instance of a catch event, of an activity with a
 * signal boundary event, of a scope with a signal event sub-process, or of an event-based gateway.
 *
 * @param catchEventId the element the signal triggers (the catch event, boundary or start event)
 */
public record SignalSubscriptionValue(
    String signalName,
    long processDefinitionKey,
    String bpmnProcessId,
    String catchEventId,
    long catchEventInstanceKey,
    long processInstanceKey,
    boolean interrupting)
    implements RecordValue {}
