package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import fr.secondevie.tasks.form.ComponentView.OptionView;
import fr.secondevie.tasks.form.ComponentView.RowView;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * Turns a form, its inputs and their evaluation into the view the templates render: labels and
 * texts templated on the form's data, values as typed (or as the variables hold them), errors tied
 * to their fields, hidden components marked, rows of dynamic lists with their row template.
 */
final class FormRenderer {

  private static final Logger LOG = LoggerFactory.getLogger(FormRenderer.class);

  private final FieldValues values;
  private final FormEvaluator evaluator;
  private final FormSchema schema;
  private final FormState state;
  private final FormOutcome outcome;
  private final Map<String, String> errors = new HashMap<>();

  private FormRenderer(
      Clock clock,
      FormSchema schema,
      FormState state,
      FormEvaluator evaluator,
      boolean showErrors) {
    this.values = new FieldValues(clock);
    this.schema = schema;
    this.state = state;
    this.outcome = evaluator.outcome();
    this.evaluator = evaluator;
    if (showErrors) {
      outcome.errors().forEach(e -> errors.put(e.inputId(), e.message()));
    }
  }

  static FormView render(
      Clock clock,
      FormSchema schema,
      FormState state,
      FormEvaluator evaluator,
      boolean showErrors) {
    FormRenderer renderer = new FormRenderer(clock, schema, state, evaluator, showErrors);
    List<ComponentView> views =
        renderer.views(schema.components(), Slot.root(), renderer.outcome.data(), false);
    return new FormView(
        views, showErrors ? renderer.outcome.errors() : List.of(), schema.hasConditions());
  }

  private List<ComponentView> views(
      List<FormComponent> components, Slot slot, Map<String, ?> context, boolean template) {
    List<ComponentView> views = new ArrayList<>();
    for (FormComponent component : components) {
      views.add(view(component, slot, context, template));
    }
    return views;
  }

  private ComponentView view(
      FormComponent component, Slot slot, Map<String, ?> context, boolean template) {
    String id = slot.htmlId(component);
    boolean hidden = !template && outcome.hidden().contains(id);
    boolean conditional = component.hideCondition() != null;
    if (!component.isSupported()) {
      return unsupported(component, slot, id, context).hidden(hidden).conditional(conditional);
    }
    ComponentView view =
        switch (component.type()) {
          case "text" -> new ComponentView("text", "text", id).html(text(component, context));
          case "separator" -> new ComponentView("separator", "separator", id);
          case "spacer" ->
              new ComponentView("spacer", "spacer", id)
                  .height(Math.max(0, component.node("height").asInt(60)) + "px");
          case "group" ->
              new ComponentView("group", "group", id)
                  .label(optionalText(component.label(), context))
                  .outline(component.bool("showOutline"))
                  .children(
                      views(component.components(), slot.group(component), context, template));
          case "dynamiclist" -> list(component, slot, id, context, template);
          default -> field(component, slot, id, context, template);
        };
    return view.hidden(hidden).conditional(conditional);
  }

  private String text(FormComponent component, Map<String, ?> context) {
    String source = component.text("text");
    try {
      return Markdown.toHtml(TextTemplates.markdown(source, context));
    } catch (FormExpressionException e) {
      LOG.warn("Text {} of form {}: {}", component.id(), schema.id(), e.getMessage());
      return "<p>" + HtmlUtils.htmlEscape(source == null ? "" : source) + "</p>";
    }
  }

  private static String optionalText(String template, Map<String, ?> context) {
    return template == null || template.isBlank() ? null : Labels.text(template, context);
  }

  private ComponentView list(
      FormComponent list, Slot slot, String id, Map<String, ?> context, boolean template) {
    String name = slot.name(list);
    String label = list.label() == null ? "Liste" : Labels.text(list.label(), context);
    List<Integer> sources = template ? List.of() : state.rows(name);
    List<RowView> rows = new ArrayList<>();
    for (int i = 0; i < sources.size(); i++) {
      Integer source = sources.get(i);
      Slot row = slot.row(list, i, source);
      rows.add(
          row(
              list,
              name,
              label,
              row,
              String.valueOf(i),
              "Ligne " + (i + 1),
              source == null ? "" : source.toString(),
              views(list.components(), row, evaluator.rowContext(context, row), template)));
    }
    boolean addRemove = !template && list.bool("allowAddRemove") && !evaluator.disabled(list);
    RowView newRow = null;
    if (addRemove) {
      Slot row = slot.row(list, Data.TEMPLATE_ROW, null);
      newRow =
          row(
              list,
              name,
              label,
              row,
              "__i__",
              "Nouvelle ligne",
              "",
              views(list.components(), row, context, true));
    }
    return new ComponentView("list", "dynamiclist", id)
        .name(name)
        .label(label)
        .description(optionalText(list.description(), context))
        .outline(list.bool("showOutline"))
        .rows(rows)
        .template(newRow)
        .addRemove(addRemove, "add:" + name, "Ajouter une ligne à « " + label + " »", rows.size());
  }

  private static RowView row(
      FormComponent list,
      String name,
      String label,
      Slot row,
      String index,
      String legend,
      String source,
      List<ComponentView> children) {
    String number = legend.startsWith("Ligne ") ? legend.substring("Ligne ".length()) : null;
    return new RowView(
        row.htmlId(list) + "-row",
        legend,
        name + "[" + index + "]._row",
        name + "[" + index + "]._src",
        source,
        "remove:" + name + ":" + index,
        number == null
            ? "Supprimer la nouvelle ligne de « " + label + " »"
            : "Supprimer la ligne " + number + " de « " + label + " »",
        children);
  }

  private ComponentView field(
      FormComponent component, Slot slot, String id, Map<String, ?> context, boolean template) {
    String type = component.type();
    String name = slot.name(component);
    boolean readonly = evaluator.readonly(component);
    boolean disabled = evaluator.disabled(component);
    List<Option> options = evaluator.options(component);
    List<String> shown = template || readonly || disabled ? null : state.raw(name);
    if (shown == null) {
      Object value =
          !template && outcome.values().containsKey(name)
              ? outcome.values().get(name)
              : values.initial(component, null, false, options);
      shown = values.format(component, value);
    }
    String first = shown.isEmpty() ? "" : shown.get(0);
    String kind =
        switch (type) {
          case "radio", "checklist", "taglist" -> "choices";
          case "datetime" -> FieldValues.subtype(component);
          default -> type;
        };
    ComponentView view =
        new ComponentView(kind, type, id)
            .name(name)
            .label(Labels.label(component, context))
            .required(component.validate().path("required").asBoolean(false))
            .readonly(readonly)
            .disabled(disabled)
            .description(optionalText(component.description(), context))
            .hint(hint(component, kind))
            .error(template ? null : errors.get(FormEvaluator.inputId(component, slot)))
            .value(first);
    switch (type) {
      case "number" -> view.inputMode(decimals(component) == 0 ? "numeric" : "decimal");
      case "radio", "checklist", "taglist", "select" -> {
        List<OptionView> views = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
          Option option = options.get(i);
          views.add(
              new OptionView(
                  id + "-" + i, option.text(), option.label(), shown.contains(option.text())));
        }
        view.options(views);
      }
      case "datetime" -> {
        if ("datetime".equals(kind)) {
          String dateLabel = component.text("dateLabel");
          String timeLabel = component.text("timeLabel");
          view.label(
                  component.label() == null
                      ? "Date et heure"
                      : Labels.text(component.label(), context))
              .dates(
                  dateLabel == null ? "Date" : Labels.text(dateLabel, context),
                  shown.size() > 1 ? shown.get(1) : "",
                  timeLabel == null ? "Heure" : Labels.text(timeLabel, context))
              .hint("Date au format jj/mm/aaaa, heure au format hh:mm.");
        }
      }
      default -> {}
    }
    return view;
  }

  private ComponentView unsupported(
      FormComponent component, Slot slot, String id, Map<String, ?> context) {
    String label = component.label() == null ? null : Labels.text(component.label(), context);
    String current = null;
    if (component.isUnsupportedKeyed()) {
      List<Object> source = slot.sourcePath(component);
      if (source != null && Data.has(outcome.data(), source)) {
        current = FormExpressions.toText(Data.get(outcome.data(), source));
      }
    }
    return new ComponentView("unsupported", component.type(), id)
        .name(component.key())
        .label(label)
        .value(current)
        .error(errors.get(id));
  }

  private static int decimals(FormComponent component) {
    JsonNode digits = component.property("decimalDigits");
    return digits != null && digits.isNumber() ? digits.asInt() : -1;
  }

  /** The expected format, said next to the field (RGAA 11.10). */
  private static String hint(FormComponent component, String kind) {
    JsonNode rules = component.validate();
    switch (kind) {
      case "number":
        {
          int decimals = decimals(component);
          StringBuilder hint =
              new StringBuilder(
                  decimals == 0
                      ? "Nombre entier"
                      : decimals > 0
                          ? "Nombre, "
                              + decimals
                              + (decimals > 1 ? " décimales" : " décimale")
                              + " au plus"
                          : "Nombre");
          BigDecimal min = staticNumber(rules.get("min"));
          BigDecimal max = staticNumber(rules.get("max"));
          if (min != null && max != null) {
            hint.append(", de ")
                .append(FormEvaluator.french(min))
                .append(" à ")
                .append(FormEvaluator.french(max));
          } else if (min != null) {
            hint.append(", au moins ").append(FormEvaluator.french(min));
          } else if (max != null) {
            hint.append(", au plus ").append(FormEvaluator.french(max));
          }
          return hint.append('.').toString();
        }
      case "date":
        return "Format : jj/mm/aaaa.";
      case "time":
        return "Format : hh:mm.";
      case "textfield":
      case "textarea":
        {
          BigDecimal minLength = staticNumber(rules.get("minLength"));
          BigDecimal maxLength = staticNumber(rules.get("maxLength"));
          String email =
              "email".equals(rules.path("validationType").asText())
                  ? "Adresse électronique, par exemple prenom.nom@chu.fr. "
                  : "phone".equals(rules.path("validationType").asText())
                      ? "Numéro international, par exemple +33123456789. "
                      : "";
          if (minLength != null && maxLength != null) {
            return email
                + "De "
                + minLength.intValue()
                + " à "
                + maxLength.intValue()
                + " caractères.";
          }
          if (minLength != null) {
            return email + "Au moins " + minLength.intValue() + " caractères.";
          }
          if (maxLength != null) {
            return email + maxLength.intValue() + " caractères au plus.";
          }
          return email.isEmpty() ? null : email.trim();
        }
      default:
        return null;
    }
  }

  private static BigDecimal staticNumber(JsonNode node) {
    return node != null && node.isNumber() ? node.decimalValue() : null;
  }
}
