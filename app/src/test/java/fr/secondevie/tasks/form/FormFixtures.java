package fr.secondevie.tasks.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Forms of the repository, inline forms, request parameters as a browser sends them. */
final class FormFixtures {

  /** 12 March 2025, 10:00 in Paris (UTC+1). */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-12T09:00:00Z"), ZoneOffset.UTC);

  /** The expressions of every test form (one engine and cache, as the application has one). */
  static final FormExpressions EXPRESSIONS = new FormExpressions(CLOCK);

  static final TaskForms FORMS = new TaskForms(CLOCK, EXPRESSIONS, ExternalHosts.none());

  /** The templates of form texts, on {@link #EXPRESSIONS}. */
  static final TextTemplates TEMPLATES = new TextTemplates(EXPRESSIONS);

  static final ObjectMapper JSON = new ObjectMapper();

  private FormFixtures() {}

  static Path formsDir() {
    return Path.of("..", "forms").toAbsolutePath().normalize();
  }

  /** Every form file of the repository, by id. */
  static List<String> formIds() {
    try (Stream<Path> files = Files.list(formsDir())) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".form"))
          .map(name -> name.substring(0, name.length() - ".form".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static FormSchema form(String id) {
    try {
      return FormSchema.parse(Files.readString(formsDir().resolve(id + ".form")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A form of the given components (JSON array text, single quotes allowed for readability). */
  static FormSchema components(String components) {
    return FormSchema.parse(
        "{\"id\":\"test\",\"schemaVersion\":18,\"type\":\"default\",\"components\":"
            + components.replace('\'', '"')
            + "}");
  }

  /** Variables from JSON text (single quotes allowed). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> vars(String json) {
    try {
      return JSON.readValue(json.replace('\'', '"'), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Request parameters: name, value, name, value... (a name may repeat). */
  static Map<String, String[]> params(String... namesAndValues) {
    Map<String, List<String>> collected = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      collected
          .computeIfAbsent(namesAndValues[i], k -> new ArrayList<>())
          .add(namesAndValues[i + 1]);
    }
    Map<String, String[]> params = new LinkedHashMap<>();
    collected.forEach((k, v) -> params.put(k, v.toArray(String[]::new)));
    return params;
  }

  /** JSON text of a value with numbers normalised, to compare variables. */
  static JsonNode json(Object value) {
    try {
      return JSON.readTree(JSON.writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a browser submits for a rendered form, untouched (disabled inputs are not sent). */
  static Map<String, String[]> browser(FormView view) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    browser(view.components(), params);
    Map<String, String[]> result = new LinkedHashMap<>();
    params.forEach((k, v) -> result.put(k, v.toArray(String[]::new)));
    return result;
  }

  private static void browser(List<ComponentView> views, Map<String, List<String>> params) {
    for (ComponentView c : views) {
      switch (c.getKind()) {
        case "group", "layout" -> browser(c.getChildren(), params);
        case "list" ->
            c.getRows()
                .forEach(
                    row -> {
                      add(params, row.marker(), "1");
                      add(params, row.sourceName(), row.source());
                      browser(row.children(), params);
                    });
        case "checkbox" -> {
          if (!c.isLocked() && "true".equals(c.getValue())) {
            add(params, c.getName(), "true");
          }
        }
        case "choices", "select" -> {
          if (!c.isLocked()) {
            boolean any = false;
            for (ComponentView.OptionView o : c.getOptions()) {
              if (o.checked()) {
                add(params, c.getName(), o.value());
                any = true;
              }
            }
            if (!any && c.getKind().equals("select")) {
              add(params, c.getName(), "");
            }
          }
        }
        case "datetime" -> {
          if (!c.isDisabled()) {
            add(params, c.getName(), c.getValue());
            add(params, c.getTimeName(), c.getTimeValue());
          }
        }
        case "filepicker" -> {
          if (!c.isDisabled()) {
            c.getDocumentIds().forEach(id -> add(params, c.getName() + Uploads.KEPT_SUFFIX, id));
          }
        }
        case "text",
            "separator",
            "spacer",
            "unsupported",
            "expression",
            "html",
            "image",
            "table",
            "button",
            "iframe",
            "documents" -> {}
        default -> {
          if (!c.isDisabled()) {
            add(params, c.getName(), c.getValue());
          }
        }
      }
    }
  }

  private static void add(Map<String, List<String>> params, String name, String value) {
    params.computeIfAbsent(name, k -> new ArrayList<>()).add(value == null ? "" : value);
  }

  /** Every component view, depth first (rows included, row templates not). */
  static List<ComponentView> all(FormView view) {
    List<ComponentView> all = new ArrayList<>();
    all(view.components(), all);
    return all;
  }

  private static void all(List<ComponentView> views, List<ComponentView> all) {
    for (ComponentView c : views) {
      all.add(c);
      all(c.getChildren(), all);
      c.getRows().forEach(row -> all(row.children(), all));
    }
  }

  static ComponentView find(FormView view, String id) {
    return all(view).stream()
        .filter(c -> c.getId().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no component " + id));
  }
}
