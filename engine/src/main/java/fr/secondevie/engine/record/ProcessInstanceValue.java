package fr.secondevie.engine.record;

import fr.secondevie.engine.model.ElementType;

/**
 * An element instance (or a taken sequence flow) of a process instance. For the process itself, the
 * key equals {@code processInstanceKey} and {@code flowScopeKey} is -1. A process instance created
 * by a call activity carries the keys of the calling process instance and call activity instance
 * (-1 otherwise), and so do all its elements.
 */
public record ProcessInstanceValue(
    String bpmnProcessId,
    int version,
    long processDefinitionKey,
    long processInstanceKey,
    String elementId,
    ElementType elementType,
    long flowScopeKey,
    long parentProcessInstanceKey,
    long parentElementInstanceKey)
    implements RecordValue {

  /** An element of a process instance that no call activity created. */
  public ProcessInstanceValue(
      String bpmnProcessId,
      int version,
      long processDefinitionKey,
      long processInstanceKey,
      String elementId,
      ElementType elementType,
      long flowScopeKey) {
    this(
        bpmnProcessId,
        version,
        processDefinitionKey,
        processInstanceKey,
        elementId,
        elementType,
        flowScopeKey,
        -1,
        -1);
  }
}
