package fr.secondevie.tasks.form;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A form evaluated on the task's variables and the inputs: the variables to complete the task with,
 * the validation errors, which components are hidden by their condition, and the data the form's
 * expressions see (the variables overlaid with the fields' values).
 *
 * @param variables the completion variables, built as form-js builds them
 * @param errors validation errors, in the order of the form
 * @param hidden HTML ids of the components hidden by {@code conditional.hide} (or inside one)
 * @param data the variables overlaid with the fields' values
 * @param values the value of each field instance, by HTML name
 */
public record FormOutcome(
    Map<String, Object> variables,
    List<FieldError> errors,
    Set<String> hidden,
    Map<String, Object> data,
    Map<String, Object> values) {

  public boolean valid() {
    return errors.isEmpty();
  }
}
