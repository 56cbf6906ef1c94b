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

  /** Whether any field is required (the page then explains the asterisk). */
  public boolean hasRequired() {
    return anyRequired(components);
  }

  private static boolean anyRequired(List<ComponentView> views) {
    for (ComponentView view : views) {
      if (view.isRequired()
          || anyRequired(view.getChildren())
          || view.getRows().stream().anyMatch(row -> anyRequired(row.children()))
          || (view.getTemplate() != null && anyRequired(view.getTemplate().children()))) {
        return true;
      }
    }
    return false;
  }
}
