package fr.secondevie.engine.record;

import fr.secondevie.engine.model.ElementType;

/**
 * An element instance (or a taken sequence flow) of a process instance. For the process itself, the
 * key equals {@code processInstanceKey} and {@code flowScopeKey} is -1.
 */
public record ProcessInstanceValue(
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    long processInstanceKey,
    String elementId,
    ElementType elementType,
    long flowScopeKey)
    implements RecordValue {}
