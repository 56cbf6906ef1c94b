package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import fr.secondevie.tasks.form.ComponentView.OptionView;
import fr.secondevie.tasks.form.ComponentView.RowView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a form, its inputs and their evaluation into the view the templates render: labels and
 * texts templated on the form's data, values as typed (or as the variables hold them), errors tied
 * to their fields, hidden components marked, rows of dynamic lists with their row template.
 */
final class FormRenderer {

  private static final Logger LOG = LoggerFactory.getLogger(FormRenderer.class);

  private final FormKit kit;
  private final FieldValues values;
  private final Labels labels;
  private final FormEvaluator evaluator;
  private final FormSchema schema;
  private final FormState state;
  private final FormOutcome outcome;
  private final Map<String, String> errors = new HashMap<>();
  private final ContentViews content;

  private FormRenderer(
      FormKit kit,
      FormSchema schema,
      FormState state,
      FormEvaluator evaluator,
      boolean showErrors,
      ExternalHosts hosts) {
    this.kit = kit;
    this.values = kit.values();
    this.labels = kit.labels();
    this.content = new ContentViews(kit, schema.id(), hosts);
    this.schema = schema;
    this.state = state;
    this.outcome = evaluator.outcome();
    this.evaluator = evaluator;
    if (showErrors) {
      outcome.errors().forEach(e -> errors.put(e.inputId(), e.message()));
    }
  }

  static FormView render(
      FormKit kit,
      FormSchema schema,
      FormState state,
      FormEvaluator evaluator,
      boolean showErrors,
      ExternalHosts hosts) {
    FormRenderer renderer = new FormRenderer(kit, schema, state, evaluator, showErrors, hosts);
    List<ComponentView> views =
        renderer.views(schema.components(), Slot.root(), evaluator.rootScope(), false);
    return new FormView(
        views,
        showErrors ? renderer.outcome.errors() : List.of(),
        schema.hasConditions(),
        schema.hasFilePicker());
  }

  /**
   * The views of a container's components, laid out as form-js lays them out: components sharing a
   * {@code layout.row} form one row (at the place of its first component), each as wide as its
   * {@code layout.columns} of 16 or sharing what is left; a component without a row is a row alone.
   */
  private List<ComponentView> views(
      List<FormComponent> components, Slot slot, FormScope scope, boolean template) {
    Map<Object, List<FormComponent>> rows = new LinkedHashMap<>();
    for (FormComponent component : components) {
      Object row = component.layoutRow() == null ? new Object() : component.layoutRow();
      rows.computeIfAbsent(row, k -> new ArrayList<>()).add(component);
    }
    List<ComponentView> views = new ArrayList<>();
    for (List<FormComponent> row : rows.values()) {
      List<ComponentView> cells = new ArrayList<>();
      for (FormComponent component : row) {
        cells.add(view(component, slot, scope, template).columns(component.layoutColumns()));
      }
      boolean sized = cells.stream().anyMatch(c -> c.getColumns() != null && c.getColumns() < 16);
      if (cells.size() > 1 || sized) {
        views.add(
            new ComponentView("layout", "layout", "row-" + cells.get(0).getId()).children(cells));
      } else {
        views.addAll(cells);
      }
    }
    return views;
  }

  private ComponentView view(
      FormComponent component, Slot slot, FormScope scope, boolean template) {
    Map<String, Object> context = scope.context();
    String id = slot.htmlId(component);
    boolean hidden = !template && outcome.hidden().contains(id);
    boolean conditional = component.hideCondition() != null;
    if (!component.isSupported()) {
      return unsupported(component, slot, id, context).hidden(hidden).conditional(conditional);
    }
    ComponentView view =
        switch (component.type()) {
          case "text" ->
              new ComponentView("text", "text", id).html(content.text(component, context));
          case "separator" -> new ComponentView("separator", "separator", id);
          case "spacer" ->
              new ComponentView("spacer", "spacer", id)
                  .height(Math.max(0, component.node("height").asInt(60)) + "px");
          case "group" ->
              new ComponentView("group", "group", id)
                  .label(optionalText(component.label(), context))
                  .outline(component.bool("showOutline"))
                  .children(views(component.components(), slot.group(component), scope, template));
          case "dynamiclist" -> list(component, slot, id, scope, template);
          case "expression" -> expression(component, slot, id, template);
          case "html" ->
              new ComponentView("html", "html", id).html(content.html(component, context));
          case "image" -> content.image(component, id, context);
          case "table" -> content.table(component, id, context);
          case "button" -> button(component, id, context);
          case "iframe" -> content.iframe(component, id, context);
          case "documentPreview" -> content.documentPreview(component, id, context);
          case "filepicker" -> filePicker(component, slot, id, context, template);
          default -> field(component, slot, id, context, template);
        };
    return view.hidden(hidden).conditional(conditional);
  }

  private ComponentView expression(
      FormComponent component, Slot slot, String id, boolean template) {
    String name = slot.name(component);
    // computed on the server when the form is submitted; shown to nobody, as in form-js
    return new ComponentView("expression", "expression", id)
        .name(name)
        .label(component.key())
        .error(template ? null : errors.get(id));
  }

  private ComponentView button(FormComponent component, String id, Map<String, ?> context) {
    String action = "reset".equals(component.text("action")) ? "reset" : "submit";
    String label = component.label() == null ? "" : labels.text(component.label(), context);
    return new ComponentView("button", "button", id)
        .label(
            label.isBlank()
                ? (action.equals("reset") ? "Réinitialiser" : "Terminer la tâche")
                : label)
        .action(action)
        .disabled(evaluator.disabled(component));
  }

  private ComponentView filePicker(
      FormComponent component, Slot slot, String id, Map<String, ?> context, boolean template) {
    String name = slot.name(component);
    Object value = template ? null : outcome.values().get(name);
    List<ComponentView.DocumentView> documents =
        DocumentReferences.references(value).stream().map(DocumentReferences::view).toList();
    JsonNode multiple = component.property("multiple");
    boolean many =
        multiple != null
            && (multiple.asBoolean(false)
                || (multiple.isTextual()
                    && multiple.asText().startsWith("=")
                    && isTrue(multiple.asText().substring(1), context)));
    String accept = optionalText(component.text("accept"), context);
    return new ComponentView("filepicker", "filepicker", id)
        .name(name)
        .label(labels.label(component, context))
        .required(component.validate().path("required").asBoolean(false))
        .disabled(evaluator.disabled(component) || evaluator.readonly(component))
        .description(optionalText(component.description(), context))
        .hint(
            "Fichiers acceptés : PDF, PNG ou JPEG, 10 Mo au plus"
                + (many ? " chacun." : ".")
                + (documents.isEmpty() ? "" : " Un nouvel envoi remplace les fichiers joints."))
        .error(template ? null : errors.get(id))
        .files(many, accept == null || accept.isBlank() ? null : accept)
        .documents(documents);
  }

  private boolean isTrue(String expression, Map<String, ?> context) {
    try {
      return kit.expressions().isTrue(expression, context);
    } catch (FormExpressionException e) {
      LOG.warn("Form {}: {}", schema.id(), e.getMessage());
      return false;
    }
  }

  private String optionalText(String template, Map<String, ?> context) {
    return template == null || template.isBlank() ? null : labels.text(template, context);
  }

  private ComponentView list(
      FormComponent list, Slot slot, String id, FormScope scope, boolean template) {
    Map<String, Object> context = scope.context();
    String name = slot.name(list);
    String label = list.label() == null ? "Liste" : labels.text(list.label(), context);
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
              views(list.components(), row, evaluator.rowScope(scope, row, i), template)));
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
              views(list.components(), row, scope.row(Map.of(), sources.size()), true));
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
            .label(labels.label(component, context))
            .required(component.validate().path("required").asBoolean(false))
            .readonly(readonly)
            .disabled(disabled)
            .description(optionalText(component.description(), context))
            .hint(FieldHints.hint(component, kind))
            .error(template ? null : errors.get(FormEvaluator.inputId(component, slot)))
            .value(first);
    switch (type) {
      case "number" -> view.inputMode(FieldHints.decimals(component) == 0 ? "numeric" : "decimal");
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
                      : labels.text(component.label(), context))
              .dates(
                  dateLabel == null ? "Date" : labels.text(dateLabel, context),
                  shown.size() > 1 ? shown.get(1) : "",
                  timeLabel == null ? "Heure" : labels.text(timeLabel, context))
              .hint("Date au format jj/mm/aaaa, heure au format hh:mm.");
        }
      }
      default -> {}
    }
    return view;
  }

  private ComponentView unsupported(
      FormComponent component, Slot slot, String id, Map<String, ?> context) {
    String label = component.label() == null ? null : labels.text(component.label(), context);
    String current = null;
    if (component.isUnsupportedKeyed()) {
      List<Object> source = slot.sourcePath(component);
      if (source != null && Data.has(outcome.data(), source)) {
        current = FeelValues.toText(Data.get(outcome.data(), source));
      }
    }
    return new ComponentView("unsupported", component.type(), id)
        .name(component.key())
        .label(label)
        .value(current)
        .error(errors.get(id));
  }
}
