package fr.secondevie.tasks.form;

/**
 * A validation error of one field: the id of the input it is about (for the link of the error
 * summary and {@code aria-describedby}), the field's label (with its row), and the French message.
 */
public record FieldError(String inputId, String label, String message) {}
