package fr.secondevie.engine.record;

/** A variable of a scope; the value is a normalised JSON value (see JsonValues). */
public record VariableValue(
    String name,
    Object value,
    long scopeKey,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId)
    implements RecordValue {}
