package fr.secondevie.tasks.form;

import java.time.Clock;

/**
 * What evaluating and rendering a form use, built once: the FEEL expressions, the text templates
 * and labels on top of them, the field values (parsing, display) and their options.
 */
record FormKit(
    FormExpressions expressions,
    TextTemplates templates,
    Labels labels,
    FieldValues values,
    FieldOptions options) {

  static FormKit of(Clock clock, FormExpressions expressions) {
    TextTemplates templates = new TextTemplates(expressions);
    return new FormKit(
        expressions,
        templates,
        new Labels(templates),
        new FieldValues(clock),
        new FieldOptions(expressions));
  }
}
