package fr.secondevie.engine.record;

/** The kinds of entity the log talks about. */
public enum ValueType {
  DEPLOYMENT,
  PROCESS,
  DECISION_REQUIREMENTS,
  DECISION,
  FORM,
  PROCESS_INSTANCE,
  VARIABLE,
  JOB,
  INCIDENT,
  MESSAGE,
  MESSAGE_SUBSCRIPTION,
  MESSAGE_START_EVENT_SUBSCRIPTION,
  TIMER,
  USER_TASK,
  DECISION_EVALUATION,
  PURGE
}
