package fr.secondevie.tasks.form;

import java.util.List;

/**
 * A form ready for the templates: its components, the errors to list at the top (empty unless a
 * completion was refused), and whether its script must re-evaluate conditions.
 */
public record FormView(
    List<ComponentView> components, List<FieldError> errors, boolean conditional) {

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
