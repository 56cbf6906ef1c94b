package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.util.HtmlUtils;

/**
 * The views of the components that show content rather than take input: text (Markdown), HTML,
 * image, table, iframe and document preview, templated on the form's data; images and iframes only
 * from the allowed hosts.
 */
final class ContentViews {

  private static final Logger LOG = LoggerFactory.getLogger(ContentViews.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final FormKit kit;
  private final String formId;
  private final ExternalHosts hosts;

  ContentViews(FormKit kit, String formId, ExternalHosts hosts) {
    this.kit = kit;
    this.formId = formId;
    this.hosts = hosts;
  }

  String text(FormComponent component, Map<String, ?> context) {
    String source = component.text("text");
    try {
      return Markdown.toHtml(kit.templates().markdown(source, context));
    } catch (FormExpressionException e) {
      LOG.warn("Text {} of form {}: {}", component.id(), formId, e.getMessage());
      return "<p>" + HtmlUtils.htmlEscape(source == null ? "" : source) + "</p>";
    }
  }

  /** An HTML component: its content templated (inserted values escaped), then sanitised. */
  String html(FormComponent component, Map<String, ?> context) {
    String source = component.text("content");
    if (source == null || source.isBlank()) {
      return "";
    }
    try {
      return SafeHtml.clean(kit.templates().html(source, context));
    } catch (FormExpressionException e) {
      LOG.warn("HTML {} of form {}: {}", component.id(), formId, e.getMessage());
      return "<p>" + HtmlUtils.htmlEscape(source) + "</p>";
    }
  }

  ComponentView image(FormComponent component, String id, Map<String, ?> context) {
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

  ComponentView table(FormComponent component, String id, Map<String, ?> context) {
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
        LOG.warn("Table {} of form {}: {}", component.id(), formId, e.getMessage());
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
        LOG.warn("Columns of table {} in form {}: {}", component.id(), formId, e.getMessage());
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

  ComponentView iframe(FormComponent component, String id, Map<String, ?> context) {
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

  ComponentView documentPreview(FormComponent component, String id, Map<String, ?> context) {
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
      LOG.warn("Documents {} of form {}: {}", component.id(), formId, e.getMessage());
    }
    // as form-js: a list of references; anything else shows nothing
    List<ComponentView.DocumentView> documents =
        value instanceof List<?>
            ? DocumentReferences.references(value).stream().map(DocumentReferences::view).toList()
            : List.of();
    return view.documents(documents).notice(documents.isEmpty() ? "Aucun document." : null);
  }

  private String optionalText(String template, Map<String, ?> context) {
    return template == null || template.isBlank() ? null : kit.labels().text(template, context);
  }
}
