package fr.secondevie.tasks.form;

/** An expression of a form is outside the supported FEEL subset, or is malformed. */
public class FormExpressionException extends RuntimeException {

  public FormExpressionException(String message) {
    super(message);
  }
}
