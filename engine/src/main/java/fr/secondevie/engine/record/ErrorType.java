package fr.secondevie.engine.record;

/** Incident error types, as the Camunda APIs name them. */
public enum ErrorType {
  IO_MAPPING_ERROR,
  JOB_NO_RETRIES,
  CONDITION_ERROR,
  EXTRACT_VALUE_ERROR,
  UNHANDLED_ERROR_EVENT,
  CALLED_ELEMENT_ERROR,
  CALLED_DECISION_ERROR,
  DECISION_EVALUATION_ERROR,
  FORM_NOT_FOUND
}
