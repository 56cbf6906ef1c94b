package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;

/** A timer event definition: a date, a duration or a cycle, static or a FEEL expression. */
public record TimerDefinition(Kind kind, Expression expression) {

  public enum Kind {
    DATE,
    DURATION,
    CYCLE
  }
}
