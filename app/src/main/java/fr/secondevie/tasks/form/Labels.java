package fr.secondevie.tasks.form;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Labels and descriptions of components, templated on the form's data. */
final class Labels {

  private static final Logger LOG = LoggerFactory.getLogger(Labels.class);

  private final TextTemplates templates;

  Labels(TextTemplates templates) {
    this.templates = templates;
  }

  /** The label of a component; a date or time field uses its date or time label. */
  String label(FormComponent component, Map<String, ?> context) {
    String label = component.label();
    if ("datetime".equals(component.type())) {
      String subtype = FieldValues.subtype(component);
      String dateLabel = component.text("dateLabel");
      String timeLabel = component.text("timeLabel");
      if ("time".equals(subtype) && timeLabel != null) {
        label = timeLabel;
      } else if ("date".equals(subtype) && dateLabel != null) {
        label = dateLabel;
      } else if (label == null) {
        label = dateLabel != null ? dateLabel : timeLabel;
      }
    }
    if (label == null || label.isBlank()) {
      return component.key() != null ? component.key() : component.id();
    }
    return text(label, context);
  }

  /** A text property templated on the data; the raw text when its expression fails. */
  String text(String template, Map<String, ?> context) {
    if (template == null) {
      return null;
    }
    try {
      return templates.text(template, context);
    } catch (FormExpressionException e) {
      LOG.warn("Form text « {} »: {}", template, e.getMessage());
      return template;
    }
  }
}
