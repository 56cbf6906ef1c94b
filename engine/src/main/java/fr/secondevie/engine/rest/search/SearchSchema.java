package fr.secondevie.engine.rest.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * What can be searched in one kind of entity: its filter and sort fields with how to read them from
 * an item, and the item's key (the last sort criterion, so that every order is stable).
 *
 * <p>Keys and dates are read as longs where a negative value means "none"; they are then compared
 * as numbers (keys) or instants (dates). Variables are read as a map from name to the JSON texts of
 * the item's variables of that name.
 *
 * @param <T> the item type
 */
public final class SearchSchema<T> {

  /** One field: its name in the API, its type, how to read it, and where it may be used. */
  record Field<T>(
      String name,
      FieldType type,
      Function<T, Object> reader,
      Set<String> values,
      boolean filterable,
      boolean sortable) {}

  private final String entity;
  private final ToLongFunction<T> key;
  private final Map<String, Field<T>> fields = new LinkedHashMap<>();
  private final List<Joint<T, ?>> joints = new ArrayList<>();
  private boolean orSupported;

  /**
   * Filter fields that hold together on one child of an item (for example the element id and the
   * element state of a process instance hold on the same element instance).
   */
  record Joint<T, C>(SearchSchema<C> childSchema, Function<T, Collection<C>> children) {}

  private SearchSchema(String entity, ToLongFunction<T> key) {
    this.entity = entity;
    this.key = key;
  }

  /** A schema for {@code entity} (used in messages, e.g. "process instance"). */
  public static <T> SearchSchema<T> of(String entity, ToLongFunction<T> key) {
    return new SearchSchema<>(entity, key);
  }

  public SearchSchema<T> string(String name, Function<T, String> reader) {
    return add(name, FieldType.STRING, reader::apply, Set.of(), true, true);
  }

  public SearchSchema<T> key(String name, ToLongFunction<T> reader) {
    return add(name, FieldType.KEY, item -> orNull(reader.applyAsLong(item)), Set.of(), true, true);
  }

  public SearchSchema<T> integer(String name, Function<T, ? extends Number> reader) {
    return add(
        name,
        FieldType.INTEGER,
        item -> {
          Number value = reader.apply(item);
          return value == null ? null : value.longValue();
        },
        Set.of(),
        true,
        true);
  }

  public SearchSchema<T> date(String name, ToLongFunction<T> epochMillis) {
    return add(
        name, FieldType.DATE, item -> orNull(epochMillis.applyAsLong(item)), Set.of(), true, true);
  }

  public SearchSchema<T> bool(String name, Predicate<T> reader) {
    return add(name, FieldType.BOOLEAN, reader::test, Set.of(), true, true);
  }

  public SearchSchema<T> enumeration(
      String name, Collection<String> values, Function<T, String> reader) {
    return add(name, FieldType.ENUM, reader::apply, Set.copyOf(values), true, true);
  }

  /** A list of strings, filter only; a condition holds when it holds for one element. */
  public SearchSchema<T> stringList(String name, Function<T, List<String>> reader) {
    return add(name, FieldType.STRING_LIST, reader::apply, Set.of(), true, false);
  }

  /** Variables, filter only: name to the JSON texts of the variables of that name. */
  public SearchSchema<T> variables(String name, Function<T, Map<String, List<String>>> reader) {
    return add(name, FieldType.VARIABLES, reader::apply, Set.of(), true, false);
  }

  public SearchSchema<T> tags(String name, Function<T, Collection<String>> reader) {
    return add(name, FieldType.TAGS, reader::apply, Set.of(), true, false);
  }

  /** Makes the last added field usable for sorting only (not a filter field of the API). */
  public SearchSchema<T> sortOnly() {
    Field<T> last = last();
    fields.put(
        last.name(),
        new Field<>(last.name(), last.type(), last.reader(), last.values(), false, true));
    return this;
  }

  /** Makes the last added field usable for filtering only (not a sort field of the API). */
  public SearchSchema<T> filterOnly() {
    Field<T> last = last();
    fields.put(
        last.name(),
        new Field<>(last.name(), last.type(), last.reader(), last.values(), true, false));
    return this;
  }

  /**
   * Adds the filter fields of {@code childSchema} as filter fields of this schema that must all
   * hold on one same child: an item matches when one of its children matches them together.
   */
  public <C> SearchSchema<T> joint(
      SearchSchema<C> childSchema, Function<T, Collection<C>> children) {
    joints.add(new Joint<>(childSchema, children));
    return this;
  }

  /** Accepts {@code $or}: a list of filter objects of which one must hold. */
  public SearchSchema<T> withOr() {
    this.orSupported = true;
    return this;
  }

  String entity() {
    return entity;
  }

  long keyOf(T item) {
    return key.applyAsLong(item);
  }

  Field<T> field(String name) {
    return fields.get(name);
  }

  boolean orSupported() {
    return orSupported;
  }

  /** The joint group a filter field belongs to, or null. */
  Joint<T, ?> joint(String name) {
    for (Joint<T, ?> joint : joints) {
      Field<?> field = joint.childSchema().field(name);
      if (field != null && field.filterable()) {
        return joint;
      }
    }
    return null;
  }

  List<String> filterFields() {
    List<String> names = new ArrayList<>();
    fields.values().stream().filter(Field::filterable).map(Field::name).forEach(names::add);
    joints.forEach(joint -> names.addAll(joint.childSchema().filterFields()));
    return names;
  }

  List<String> sortFields() {
    return fields.values().stream().filter(Field::sortable).map(Field::name).toList();
  }

  private Field<T> last() {
    Field<T> last = null;
    for (Field<T> field : fields.values()) {
      last = field;
    }
    if (last == null) {
      throw new IllegalStateException("Expected a field to qualify, but the schema is empty");
    }
    return last;
  }

  private SearchSchema<T> add(
      String name,
      FieldType type,
      Function<T, Object> reader,
      Set<String> values,
      boolean filterable,
      boolean sortable) {
    fields.remove(name);
    fields.put(
        name, new Field<>(name, type, reader, values, filterable, sortable && type.isScalar()));
    return this;
  }

  private static Long orNull(long value) {
    return value < 0 ? null : value;
  }
}
