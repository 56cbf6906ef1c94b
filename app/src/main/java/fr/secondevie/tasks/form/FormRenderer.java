package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import fr.secondevie.tasks.form.ComponentView.OptionView;
import fr.secondevie.tasks.form.ComponentView.RowView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  private final FormKit kit;
  private final FieldValues values;
  private final Labels labels;
  private final FormEvaluator evaluator;
  private final FormSchema schema;
  private final FormState state;
  private final FormOutcome outcome;
  private final Map<String, String> errors = new HashMap<>();
  private final ExternalHosts hosts;

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
    this.hosts = hosts;
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
          case "text" -> new ComponentView("text", "text", id).html(text(component, context));
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
          case "html" -> new ComponentView("html", "html", id).html(html(component, context));
          case "image" -> image(component, id, context);
          case "table" -> table(component, id, context);
          case "button" -> button(component, id, context);
          case "iframe" -> iframe(component, id, context);
          case "documentPreview" -> documentPreview(component, id, context);
          case "filepicker" -> filePicker(component, slot, id, context, template);
          default -> field(component, slot, id, context, template);
        };
    return view.hidden(hidden).conditional(conditional);
  }

  private String text(FormComponent component, Map<String, ?> context) {
    String source = component.text("text");
    try {
      return Markdown.toHtml(kit.templates().markdown(source, context));
    } catch (FormExpressionException e) {
      LOG.warn("Text {} of form {}: {}", component.id(), schema.id(), e.getMessage());
      return "<p>" + HtmlUtils.htmlEscape(source == null ? "" : source) + "</p>";
    }
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

  /** An HTML component: its content templated (inserted values escaped), then sanitised. */
  private String html(FormComponent component, Map<String, ?> context) {
    String source = component.text("content");
    if (source == null || source.isBlank()) {
      return "";
    }
    try {
      return SafeHtml.clean(kit.templates().html(source, context));
    } catch (FormExpressionException e) {
      LOG.warn("HTML {} of form {}: {}", component.id(), schema.id(), e.getMessage());
      return "<p>" + HtmlUtils.htmlEscape(source) + "</p>";
    }
  }

  private ComponentView image(FormComponent component, String id, Map<String, ?> context) {
    String source = optionalText(component.text("source"), context);
    String alt = optionalText(component.text("alt"), context);
    ComponentView view = new ComponentView("image", "image", id).label(alt);
    if (source == null || source.isBlank()) {
      return view.notice("Pas d'image à afficher.");
    }
    source = source.strip();
    if (!ExternalHosts.imageSource(source)) {
      return view.notice(
          "Image non affichée : son adresse n'est ni http(s) ni une image intégrée.");
    }
    if (source.regionMatches(true, 0, "data:", 0, 5)) {
      return source.regionMatches(true, 5, "image/", 0, 6)
          ? view.source(source)
          : view.notice("Image non affichée : ce contenu intégré n'est pas une image.");
    }
    if (!hosts.allows(source)) {
      return view.notice(
          "Image non affichée : le site « "
              + String.valueOf(ExternalHosts.hostOf(source))
              + " » n'est pas dans la liste des sites autorisés.");
    }
    return view.source(source);
  }

  private ComponentView table(FormComponent component, String id, Map<String, ?> context) {
    List<String[]> columns = columns(component, context);
    List<Object> data = new ArrayList<>();
    String dataSource = component.text("dataSource");
    if (dataSource != null && dataSource.startsWith("=")) {
      try {
        Object value = kit.expressions().evaluate(dataSource.substring(1), context);
        if (value instanceof List<?> list) {
          list.stream().filter(java.util.Objects::nonNull).forEach(data::add);
        }
      } catch (FormExpressionException e) {
        LOG.warn("Table {} of form {}: {}", component.id(), schema.id(), e.getMessage());
      }
    }
    JsonNode rowCount = component.property("rowCount");
    int size =
        rowCount != null && rowCount.isNumber() && rowCount.asInt() > 0 ? rowCount.asInt() : 0;
    List<ComponentView.TablePage> pages = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Object item : data) {
      List<String> cells = new ArrayList<>();
      for (String[] column : columns) {
        cells.add(cell(item instanceof Map<?, ?> map ? map.get(column[1]) : null));
      }
      rows.add(cells);
      if (size > 0 && rows.size() == size) {
        pages.add(new ComponentView.TablePage(pages.size() + 1, rows));
        rows = new ArrayList<>();
      }
    }
    if (!rows.isEmpty() || pages.isEmpty()) {
      pages.add(new ComponentView.TablePage(pages.size() + 1, rows));
    }
    return new ComponentView("table", "table", id)
        .label(component.label())
        .table(columns.stream().map(c -> c[0]).toList(), pages);
  }

  /**
   * The columns of a table, {label, key}: {@code columnsExpression} when it gives some, else {@code
   * columns}.
   */
  private List<String[]> columns(FormComponent component, Map<String, ?> context) {
    String expression = component.text("columnsExpression");
    if (expression != null && expression.startsWith("=")) {
      try {
        Object value = kit.expressions().evaluate(expression.substring(1), context);
        if (value instanceof List<?> list
            && list.stream()
                .allMatch(
                    c ->
                        c instanceof Map<?, ?> m
                            && m.get("label") instanceof String
                            && m.get("key") instanceof String)) {
          List<String[]> columns = new ArrayList<>();
          for (Object column : list) {
            Map<?, ?> m = (Map<?, ?>) column;
            columns.add(column((String) m.get("label"), (String) m.get("key")));
          }
          return columns;
        }
      } catch (FormExpressionException e) {
        LOG.warn("Columns of table {} in form {}: {}", component.id(), schema.id(), e.getMessage());
      }
    }
    List<String[]> columns = new ArrayList<>();
    for (JsonNode column : component.node("columns")) {
      if (column.path("key").isTextual()) {
        columns.add(column(column.path("label").asText(""), column.path("key").asText()));
      }
    }
    return columns;
  }

  private static String[] column(String label, String key) {
    return new String[] {label.isEmpty() ? key : label, key};
  }

  /** A cell as form-js shows it: a context or list as JSON, nothing for null. */
  private static String cell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Map || value instanceof List) {
      try {
        return JSON.writeValueAsString(value);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return FeelValues.toText(value);
      }
    }
    return FeelValues.toText(value);
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

  private ComponentView iframe(FormComponent component, String id, Map<String, ?> context) {
    String label = optionalText(component.label(), context);
    String url = optionalText(component.text("url"), context);
    JsonNode heightNode = component.property("height");
    int height =
        heightNode != null && heightNode.canConvertToInt() && heightNode.asInt() > 0
            ? Math.min(heightNode.asInt(), 5000)
            : 300;
    JsonNode security = component.node("security");
    List<String> sandbox = new ArrayList<>();
    List<String> allow = new ArrayList<>();
    for (String[] directive : FRAME_DIRECTIVES) {
      if (security.path(directive[0]).asBoolean(false)) {
        (directive[1].equals("sandbox") ? sandbox : allow).add(directive[2]);
      }
    }
    ComponentView view =
        new ComponentView("iframe", "iframe", id)
            .label(label == null ? "Contenu externe" : label)
            .height(String.valueOf(height))
            .frame(String.join(" ", sandbox), allow.isEmpty() ? null : String.join("; ", allow));
    if (url == null || url.isBlank()) {
      return view.notice("Pas de contenu à afficher.");
    }
    url = url.strip();
    if (!ExternalHosts.frameSource(url)) {
      return view.notice("Contenu externe non affiché : son adresse n'est pas en https.");
    }
    if (!hosts.allows(url)) {
      return view.notice(
          "Contenu externe non affiché : le site « "
              + String.valueOf(ExternalHosts.hostOf(url))
              + " » n'est pas dans la liste des sites autorisés.");
    }
    return view.source(url);
  }

  /** form-js's iframe security options: property, attribute, directive. */
  private static final String[][] FRAME_DIRECTIVES = {
    {"allowScripts", "sandbox", "allow-scripts"},
    {"allowSameOrigin", "sandbox", "allow-same-origin"},
    {"fullscreen", "allow", "fullscreen"},
    {"geolocation", "allow", "geolocation"},
    {"camera", "allow", "camera"},
    {"microphone", "allow", "microphone"},
    {"allowForms", "sandbox", "allow-forms"},
    {"allowModals", "sandbox", "allow-modals"},
    {"allowPopups", "sandbox", "allow-popups"},
    {"allowTopNavigation", "sandbox", "allow-top-navigation"},
    {"allowStorageAccessByUserActivation", "sandbox", "allow-storage-access-by-user-activation"}
  };

  private ComponentView documentPreview(
      FormComponent component, String id, Map<String, ?> context) {
    String label = optionalText(component.label(), context);
    ComponentView view =
        new ComponentView("documents", "documentPreview", id)
            .label(label == null ? "Documents" : label);
    String dataSource = component.text("dataSource");
    if (dataSource == null || dataSource.isBlank()) {
      return view.notice("Aucune référence de document n'est définie.");
    }
    Object value = null;
    try {
      value =
          dataSource.startsWith("=")
              ? kit.expressions().evaluate(dataSource.substring(1), context)
              : null;
    } catch (FormExpressionException e) {
      LOG.warn("Documents {} of form {}: {}", component.id(), schema.id(), e.getMessage());
    }
    // as form-js: a list of references; anything else shows nothing
    List<ComponentView.DocumentView> documents =
        value instanceof List<?>
            ? DocumentReferences.references(value).stream().map(DocumentReferences::view).toList()
            : List.of();
    return view.documents(documents).notice(documents.isEmpty() ? "Aucun document." : null);
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
