package fr.secondevie.tasks.form;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the form's inputs hold: the strings of each field (by HTML name, rows numbered from 0) and
 * the rows of each dynamic list with the row of the task's variables each one came from (null for a
 * row added in the form). A field without an entry shows its initial value.
 *
 * <p>HTML names are the data paths ({@code wipeReport.drives[0].serialNumber}); each row carries
 * {@code <list>[i]._row} (its presence) and {@code <list>[i]._src} (its source row), so rows can be
 * removed or added in the browser without renumbering, and are renumbered here.
 */
public final class FormState {

  /** Suffix of the time input of a date-time field. */
  public static final String TIME_SUFFIX = "__time";

  /** At most this many rows per list are read from a request. */
  static final int MAX_ROWS = 1_000;

  private static final Pattern INDEX = Pattern.compile("\\[(\\d{1,6})]\\._row$");

  private final Map<String, List<String>> raw = new HashMap<>();
  private final Map<String, List<Integer>> rows = new HashMap<>();
  private final Map<String, String> sentNames = new HashMap<>();

  private FormState() {}

  /** The form as the task's variables fill it: lists have their rows, or default repetitions. */
  public static FormState initial(FormSchema schema, Map<String, ?> variables) {
    FormState state = new FormState();
    state.initialRows(schema.components(), Slot.root(), variables);
    return state;
  }

  private void initialRows(List<FormComponent> components, Slot slot, Map<String, ?> variables) {
    for (FormComponent component : components) {
      if (component.isGroup()) {
        initialRows(component.components(), slot.group(component), variables);
      } else if (component.isList()) {
        List<Object> source = slot.sourcePath(component);
        Object value = source == null ? null : Data.get(variables, source);
        List<Integer> sources = new ArrayList<>();
        if (value instanceof List<?> list) {
          for (int i = 0; i < Math.min(list.size(), MAX_ROWS); i++) {
            sources.add(i);
          }
        } else {
          int repetitions =
              component.property("defaultRepetitions") == null
                  ? 1
                  : component.node("defaultRepetitions").asInt(1);
          for (int i = 0; i < repetitions; i++) {
            sources.add(null);
          }
        }
        rows.put(slot.name(component), sources);
        for (int i = 0; i < sources.size(); i++) {
          initialRows(component.components(), slot.row(component, i, sources.get(i)), variables);
        }
      }
    }
  }

  /**
   * The form as the browser sent it. {@code action} may add a row ({@code add:<list name>}) or
   * remove one ({@code remove:<list name>:<row>}) before the rows are renumbered.
   */
  public static FormState fromRequest(
      FormSchema schema, Map<String, String[]> parameters, String action) {
    Map<String, String[]> params = new HashMap<>(parameters);
    String added = null;
    if (action != null && action.startsWith("remove:")) {
      int colon = action.lastIndexOf(':');
      if (colon > "remove:".length()) {
        params.remove(
            action.substring("remove:".length(), colon)
                + "["
                + action.substring(colon + 1)
                + "]._row");
      }
    } else if (action != null && action.startsWith("add:")) {
      added = action.substring("add:".length());
    }
    FormState state = new FormState();
    state.read(schema.components(), Slot.root(), Slot.root(), params, added);
    return state;
  }

  private void read(
      List<FormComponent> components,
      Slot sent,
      Slot slot,
      Map<String, String[]> params,
      String added) {
    for (FormComponent component : components) {
      if (component.isGroup()) {
        read(component.components(), sent.group(component), slot.group(component), params, added);
      } else if (component.isList()) {
        String sentName = sent.name(component);
        TreeMap<Integer, Integer> indexes = new TreeMap<>();
        for (String name : params.keySet()) {
          if (name.startsWith(sentName + "[")) {
            Matcher m = INDEX.matcher(name.substring(sentName.length()));
            if (m.matches()) {
              int index = Integer.parseInt(m.group(1));
              indexes.put(index, source(params.get(sentName + "[" + index + "]._src")));
            }
          }
        }
        List<Integer> sources = new ArrayList<>();
        rows.put(slot.name(component), sources);
        int n = 0;
        for (Map.Entry<Integer, Integer> row : indexes.entrySet()) {
          if (n >= MAX_ROWS) {
            break;
          }
          sources.add(row.getValue());
          read(
              component.components(),
              sent.row(component, row.getKey(), row.getValue()),
              slot.row(component, n, row.getValue()),
              params,
              added);
          n++;
        }
        if (sentName.equals(added) && n < MAX_ROWS) {
          sources.add(null);
          initialRows(component.components(), slot.row(component, n, null), Map.of());
        }
      } else if (component.isExpression()) {
        // computed, never read from the request
      } else if (component.isFilePicker()) {
        // the files themselves come apart (Uploads); the ids of those it keeps come here
        sentNames.put(slot.name(component), sent.name(component));
        raw.put(
            slot.name(component),
            new ArrayList<>(
                List.of(
                    params.getOrDefault(
                        sent.name(component) + Uploads.KEPT_SUFFIX, new String[0]))));
      } else if (component.isKeyed()) {
        String sentName = sent.name(component);
        List<String> values =
            new ArrayList<>(List.of(params.getOrDefault(sentName, new String[0])));
        if ("datetime".equals(component.type())) {
          String[] time = params.get(sentName + TIME_SUFFIX);
          values = new ArrayList<>();
          values.add(first(params.get(sentName)));
          values.add(first(time));
        }
        raw.put(slot.name(component), values);
      }
    }
  }

  private static String first(String[] values) {
    return values == null || values.length == 0 ? "" : values[0];
  }

  private static Integer source(String[] values) {
    String value = first(values);
    if (value.matches("\\d{1,6}")) {
      return Integer.parseInt(value);
    }
    return null;
  }

  /** The strings the inputs of a field hold, or null when it shows its initial value. */
  public List<String> raw(String name) {
    return raw.get(name);
  }

  /** The name a field had in the request (rows are renumbered after one was removed). */
  String sentName(String name) {
    return sentNames.getOrDefault(name, name);
  }

  /** The source rows of a list (null entries for added rows). */
  public List<Integer> rows(String listName) {
    return rows.getOrDefault(listName, List.of());
  }
}
