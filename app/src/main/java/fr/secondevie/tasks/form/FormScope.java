package fr.secondevie.tasks.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where an expression of the form is evaluated, as form-js builds its "local expression context":
 * the form's data, {@code this} (the data at the root, the row's item in a row of a dynamic list),
 * {@code parent} (null at the root, in a row the context of the enclosing scope whose data is its
 * {@code this}) and {@code i} (the row numbers from 1 on the way). Groups do not open a scope.
 *
 * <p>The FEEL context is form-js's {@code buildExpressionContext}: {@code this}, {@code parent},
 * {@code i}, then the data's own entries (which win over those three names), then {@code _this_},
 * {@code _parent_}, {@code _i_}. A bare name therefore always reads the form's data, in a row too:
 * a row's own field is {@code this.field}.
 */
final class FormScope {

  private final Map<String, ?> data;
  private final Object self;
  private final Map<String, Object> parent;
  private final List<BigDecimal> indexes;
  private Map<String, Object> context;

  private FormScope(
      Map<String, ?> data, Object self, Map<String, Object> parent, List<BigDecimal> indexes) {
    this.data = data == null ? Map.of() : data;
    this.self = self;
    this.parent = parent;
    this.indexes = List.copyOf(indexes);
  }

  /** The scope of the form's root: {@code this} is the data, no parent. */
  static FormScope root(Map<String, ?> data) {
    return new FormScope(data, data, null, List.of());
  }

  /** The scope of row {@code index} (from 0) of a dynamic list, whose item is {@code item}. */
  FormScope row(Object item, int index) {
    Map<String, ?> own = self instanceof Map<?, ?> map ? stringKeys(map) : Map.of();
    Map<String, Object> parentContext = build(own, self, parent, indexes);
    List<BigDecimal> rowIndexes = new ArrayList<>(indexes);
    rowIndexes.add(BigDecimal.valueOf(index + 1L));
    return new FormScope(data, item, parentContext, rowIndexes);
  }

  /** The FEEL context of this scope now (for a value computed after another changed the data). */
  Map<String, Object> freshContext() {
    return build(data, self, parent, indexes);
  }

  /** The FEEL context of this scope (built once). */
  Map<String, Object> context() {
    if (context == null) {
      context = build(data, self, parent, indexes);
    }
    return context;
  }

  private static Map<String, Object> build(
      Map<String, ?> data, Object self, Map<String, Object> parent, List<BigDecimal> indexes) {
    Map<String, Object> context = new HashMap<>();
    context.put("this", self);
    context.put("parent", parent);
    context.put("i", indexes);
    data.forEach(context::put);
    context.put("_this_", self);
    context.put("_parent_", parent);
    context.put("_i_", indexes);
    return context;
  }

  private static Map<String, Object> stringKeys(Map<?, ?> map) {
    Map<String, Object> copy = new HashMap<>();
    map.forEach((k, v) -> copy.put(String.valueOf(k), v));
    return copy;
  }
}
