package fr.secondevie.engine.model;

/** The event definition of an event element ({@code NONE} for plain events and non-events). */
public enum EventKind {
  NONE,
  MESSAGE,
  TIMER,
  ERROR,
  TERMINATE,
  SIGNAL,
  LINK,
  ESCALATION,
  COMPENSATION
}
