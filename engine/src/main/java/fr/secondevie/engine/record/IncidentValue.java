package fr.secondevie.engine.record;

/** An incident: an element instance that cannot go on until the incident is resolved. */
public record IncidentValue(
    String errorType,
    String errorMessage,
    String bpmnProcessId,
    long processDefinitionKey,
    long processInstanceKey,
    String elementId,
    long elementInstanceKey,
    long jobKey)
    implements RecordValue {}
