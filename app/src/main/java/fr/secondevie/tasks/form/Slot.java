package fr.secondevie.tasks.form;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a component sits in the form's data: the data path of its scope (the root, a group's path,
 * a row of a dynamic list), the path of the same scope in the task's variables (null for a row
 * added in the form), and the row numbers on the way (for HTML ids).
 */
record Slot(List<Object> base, List<Object> sourceBase, List<Integer> rows) {

  static Slot root() {
    return new Slot(List.of(), List.of(), List.of());
  }

  /** The data path of a keyed field, or of a container's path. */
  List<Object> path(FormComponent component) {
    return Data.append(
        base,
        component.isKeyed() || component.isUnsupportedKeyed()
            ? component.keySegments()
            : component.pathSegments());
  }

  /** The path of the same value in the task's variables, or null for a row added in the form. */
  List<Object> sourcePath(FormComponent component) {
    if (sourceBase == null) {
      return null;
    }
    return Data.append(
        sourceBase,
        component.isKeyed() || component.isUnsupportedKeyed()
            ? component.keySegments()
            : component.pathSegments());
  }

  String name(FormComponent component) {
    return Data.name(path(component));
  }

  /** A unique HTML id: {@code f-<component id>[-<row>...]}. */
  String htmlId(FormComponent component) {
    StringBuilder id = new StringBuilder("f-").append(component.id());
    for (Integer row : rows) {
      id.append('-').append(row == Data.TEMPLATE_ROW ? "__i__" : row.toString());
    }
    return id.toString();
  }

  /** The scope of a group's children. */
  Slot group(FormComponent group) {
    return new Slot(path(group), sourcePath(group), rows);
  }

  /** The scope of row {@code index} of a list, that was row {@code source} in the variables. */
  Slot row(FormComponent list, int index, Integer source) {
    List<Object> rowBase = new ArrayList<>(path(list));
    rowBase.add(index);
    List<Object> rowSource = null;
    List<Object> listSource = sourcePath(list);
    if (source != null && listSource != null) {
      rowSource = new ArrayList<>(listSource);
      rowSource.add(source);
    }
    List<Integer> rowNumbers = new ArrayList<>(rows);
    rowNumbers.add(index);
    return new Slot(rowBase, rowSource, rowNumbers);
  }
}
