package fr.secondevie.engine.model;

/**
 * The BPMN element types the engine runs, named like the {@code type} of the Camunda REST API's
 * element instances.
 */
public enum ElementType {
  PROCESS,
  SUB_PROCESS,
  START_EVENT,
  INTERMEDIATE_CATCH_EVENT,
  INTERMEDIATE_THROW_EVENT,
  BOUNDARY_EVENT,
  END_EVENT,
  SERVICE_TASK,
  RECEIVE_TASK,
  USER_TASK,
  MANUAL_TASK,
  TASK,
  EXCLUSIVE_GATEWAY,
  PARALLEL_GATEWAY,
  BUSINESS_RULE_TASK,
  SCRIPT_TASK,
  SEND_TASK,
  SEQUENCE_FLOW
}
