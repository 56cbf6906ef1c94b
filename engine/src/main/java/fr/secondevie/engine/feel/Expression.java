package fr.secondevie.engine.feel;

import org.camunda.feel.syntaxtree.ParsedExpression;

/**
 * An attribute value of a BPMN element: either static text or a FEEL expression parsed at
 * deployment.
 */
public final class Expression {

  private final String raw;
  private final ParsedExpression parsed;

  private Expression(String raw, ParsedExpression parsed) {
    this.raw = raw;
    this.parsed = parsed;
  }

  static Expression feel(String raw, ParsedExpression parsed) {
    return new Expression(raw, parsed);
  }

  public static Expression ofStatic(String value) {
    return new Expression(value, null);
  }

  public boolean isStatic() {
    return parsed == null;
  }

  /** The text as modelled, including the leading {@code =} of FEEL expressions. */
  public String raw() {
    return raw;
  }

  /** The FEEL source without the leading {@code =}, or the static value. */
  public String text() {
    return parsed == null ? raw : parsed.text();
  }

  ParsedExpression parsed() {
    return parsed;
  }

  @Override
  public String toString() {
    return raw;
  }
}
