package fr.secondevie.engine.model;

import fr.secondevie.engine.feel.Expression;

/** A sequence flow; the condition is {@code null} when the flow has none. */
public final class ExecutableFlow {

  private final String id;
  private final Expression condition;
  private ExecutableElement source;
  private ExecutableElement target;

  public ExecutableFlow(String id, Expression condition) {
    this.id = id;
    this.condition = condition;
  }

  public String id() {
    return id;
  }

  public Expression condition() {
    return condition;
  }

  public ExecutableElement source() {
    return source;
  }

  public ExecutableElement target() {
    return target;
  }

  void connect(ExecutableElement source, ExecutableElement target) {
    this.source = source;
    this.target = target;
  }
}
