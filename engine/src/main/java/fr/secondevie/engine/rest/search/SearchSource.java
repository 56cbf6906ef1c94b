package fr.secondevie.engine.rest.search;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a search reads its items: all of them, or fewer through lookups by the value a filter
 * requires of a field. A lookup returns a superset of the items whose field has the value (the
 * search filters them again with its whole filter), or null when it cannot answer (every item is
 * then read): results are the same with or without lookups, only cheaper.
 *
 * @param <T> the item type
 */
public final class SearchSource<T> {

  /** A variable filter {@code {"name": ..., "value": <json text>}} required with {@code $eq}. */
  record VariableEquality(String name, String json) {}

  private final Supplier<Collection<T>> all;
  private final Map<String, Function<Object, Collection<T>>> byField = new HashMap<>();
  private BiFunction<String, String, Collection<T>> byVariable;

  private SearchSource(Supplier<Collection<T>> all) {
    this.all = all;
  }

  /** Every item: what a search reads when no lookup applies. */
  public static <T> SearchSource<T> of(Supplier<Collection<T>> all) {
    return new SearchSource<>(all);
  }

  /**
   * A lookup by the value of a filter field: it gets the operand of {@code $eq} (or of a plain
   * value) as the filter compares it: a {@code Long} for keys and integers, a {@code String} for
   * texts.
   */
  public SearchSource<T> byField(String field, Function<Object, Collection<T>> lookup) {
    byField.put(field, lookup);
    return this;
  }

  /** A lookup by a variable's name and the JSON text of its value (null when not indexed). */
  public SearchSource<T> byVariable(BiFunction<String, String, Collection<T>> lookup) {
    this.byVariable = lookup;
    return this;
  }

  /** The fewest candidates the lookups give for these required values, else every item. */
  Collection<T> candidates(Map<String, Object> equalities, List<VariableEquality> variables) {
    Collection<T> best = null;
    for (Map.Entry<String, Object> equality : equalities.entrySet()) {
      Function<Object, Collection<T>> lookup = byField.get(equality.getKey());
      if (lookup != null) {
        best = smaller(best, lookup.apply(equality.getValue()));
      }
    }
    if (byVariable != null) {
      for (VariableEquality variable : variables) {
        best = smaller(best, byVariable.apply(variable.name(), variable.json()));
      }
    }
    return best == null ? all.get() : best;
  }

  private static <T> Collection<T> smaller(Collection<T> best, Collection<T> found) {
    if (found == null) {
      return best;
    }
    return best == null || found.size() < best.size() ? found : best;
  }
}
