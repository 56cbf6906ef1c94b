package fr.secondevie.tasks.form;

import java.util.List;

/**
 * A form ready for the templates: its components, the errors to list at the top (empty unless a
 * completion was refused), whether its script must re-evaluate conditions, and whether it posts
 * files ({@code multipart/form-data}).
 */
public record FormView(
    List<ComponentView> components,
    List<FieldError> errors,
    boolean conditional,
    boolean multipart) {

  public FormView(List<ComponentView> components, List<FieldError> errors, boolean conditional) {
    this(components, errors, conditional, false);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
