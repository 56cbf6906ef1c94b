package fr.secondevie.engine.record;

/** What happened to an entity; each value type uses a subset. */
public enum Intent {
  // deployments, definitions, purge
  CREATED,
  DELETED,
  // process instances: element lifecycle and taken flows
  ELEMENT_ACTIVATING,
  ELEMENT_ACTIVATED,
  ELEMENT_COMPLETING,
  ELEMENT_COMPLETED,
  ELEMENT_TERMINATING,
  ELEMENT_TERMINATED,
  SEQUENCE_FLOW_TAKEN,
  // variables
  UPDATED,
  // jobs
  ACTIVATED,
  COMPLETED,
  FAILED,
  TIMED_OUT,
  RETRIES_UPDATED,
  TIMEOUT_UPDATED,
  ERROR_THROWN,
  CANCELED,
  RECURRED_AFTER_BACKOFF,
  // incidents
  RESOLVED,
  // user tasks waiting for their task listeners: the transition, each listener's corrections,
  // a denial
  CREATING,
  ASSIGNING,
  UPDATING,
  COMPLETING,
  CORRECTED,
  DENIED,
  // messages and subscriptions
  PUBLISHED,
  EXPIRED,
  CORRELATED,
  // timers
  TRIGGERED,
  // signals
  BROADCASTED,
  // decisions
  EVALUATED
}
