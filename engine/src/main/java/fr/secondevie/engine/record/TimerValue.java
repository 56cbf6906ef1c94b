package fr.secondevie.engine.record;

/**
 * A timer. {@code elementInstanceKey} is the catch event or the activity a boundary event is
 * attached to (-1 for timer start events); {@code repetitions} counts the firings left (-1 =
 * unbounded) and {@code interval} is the ISO-8601 interval of a cycle.
 */
public record TimerValue(
    long elementInstanceKey,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    String targetElementId,
    long dueDate,
    int repetitions,
    String interval)
    implements RecordValue {}
