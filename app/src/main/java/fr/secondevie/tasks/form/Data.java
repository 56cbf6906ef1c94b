package fr.secondevie.tasks.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Navigation in variable trees (maps, lists, values) by data path: a list of property names
 * (String) and row indexes (Integer), e.g. {@code [wipeReport, drives, 0, serialNumber]}.
 */
final class Data {

  /** The index of the row template of a dynamic list (rendered {@code __i__}). */
  static final int TEMPLATE_ROW = -1;

  private Data() {}

  static Object get(Object root, List<?> path) {
    Object current = root;
    for (Object segment : path) {
      if (segment instanceof Integer index) {
        if (!(current instanceof List<?> list) || index < 0 || index >= list.size()) {
          return null;
        }
        current = list.get(index);
      } else {
        if (!(current instanceof Map<?, ?> map)) {
          return null;
        }
        current = map.get(segment);
      }
    }
    return current;
  }

  static boolean has(Object root, List<?> path) {
    if (path.isEmpty()) {
      return root != null;
    }
    Object parent = get(root, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer index) {
      return parent instanceof List<?> list && index >= 0 && index < list.size();
    }
    return parent instanceof Map<?, ?> map && map.containsKey(last);
  }

  /** Sets a value, creating the maps and lists (padded with empty maps) on the way. */
  @SuppressWarnings("unchecked")
  static void put(Map<String, Object> root, List<?> path, Object value) {
    Object current = root;
    for (int i = 0; i < path.size(); i++) {
      Object segment = path.get(i);
      boolean last = i == path.size() - 1;
      Object next = last ? null : path.get(i + 1);
      if (segment instanceof Integer index) {
        List<Object> list = (List<Object>) current;
        while (list.size() <= index) {
          list.add(new LinkedHashMap<String, Object>());
        }
        if (last) {
          list.set(index, value);
        } else {
          Object child = list.get(index);
          if (!container(child, next)) {
            child = next instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
            list.set(index, child);
          }
          current = child;
        }
      } else {
        Map<String, Object> map = (Map<String, Object>) current;
        if (last) {
          map.put((String) segment, value);
        } else {
          Object child = map.get(segment);
          if (!container(child, next)) {
            child = next instanceof Integer ? new ArrayList<>() : new LinkedHashMap<>();
            map.put((String) segment, child);
          }
          current = child;
        }
      }
    }
  }

  private static boolean container(Object child, Object nextSegment) {
    return nextSegment instanceof Integer ? child instanceof List : child instanceof Map;
  }

  /** A mutable deep copy of maps and lists (values are immutable and shared). */
  @SuppressWarnings("unchecked")
  static Object copy(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), copy(v)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(copy(v)));
      return copy;
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> copyRoot(Map<String, ?> variables) {
    return variables == null ? new LinkedHashMap<>() : (Map<String, Object>) copy(variables);
  }

  /** The HTML name of a data path: {@code wipeReport.drives[0].serialNumber}. */
  static String name(List<?> path) {
    StringBuilder name = new StringBuilder();
    for (Object segment : path) {
      if (segment instanceof Integer index) {
        name.append('[').append(index == TEMPLATE_ROW ? "__i__" : index.toString()).append(']');
      } else {
        if (!name.isEmpty()) {
          name.append('.');
        }
        name.append(segment);
      }
    }
    return name.toString();
  }

  static List<Object> append(List<?> base, List<?> more) {
    List<Object> path = new ArrayList<>(base);
    path.addAll(more);
    return path;
  }
}
