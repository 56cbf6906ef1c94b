package fr.secondevie.engine.state;

/** Lifecycle state of a live element instance. */
public enum ElementState {
  ACTIVATING,
  ACTIVATED,
  COMPLETING,
  TERMINATING
}
