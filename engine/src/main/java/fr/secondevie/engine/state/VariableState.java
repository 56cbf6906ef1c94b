package fr.secondevie.engine.state;

import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.record.Record;
import fr.secondevie.engine.record.VariableValue;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Variables per scope (element instance key). A scope sees its own variables, then those of its
 * flow scopes up to the process instance; the innermost one with a name wins.
 */
public final class VariableState {

  /** A stored variable: its key (stable across updates) and its value. */
  public record Variable(long key, Object value) {}

  private final Map<Long, Map<String, Variable>> scopes = new HashMap<>();
  private final ElementInstanceState instances;

  VariableState(ElementInstanceState instances) {
    this.instances = instances;
  }

  public Variable local(long scopeKey, String name) {
    Map<String, Variable> scope = scopes.get(scopeKey);
    return scope == null ? null : scope.get(name);
  }

  public Map<String, Variable> locals(long scopeKey) {
    return scopes.getOrDefault(scopeKey, Map.of());
  }

  /** The nearest scope, from the given one outwards, that has a variable with this name. */
  public long scopeDeclaring(long scopeKey, String name) {
    for (ElementInstance scope = instances.get(scopeKey);
        scope != null;
        scope = scope.flowScope()) {
      if (locals(scope.key()).containsKey(name)) {
        return scope.key();
      }
    }
    return -1;
  }

  /** The variables visible from a scope; only the given names unless the collection is empty. */
  public Map<String, Object> visible(long scopeKey, Collection<String> names) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (ElementInstance scope = instances.get(scopeKey);
        scope != null;
        scope = scope.flowScope()) {
      for (Map.Entry<String, Variable> entry : locals(scope.key()).entrySet()) {
        if (names.isEmpty() || names.contains(entry.getKey())) {
          result.putIfAbsent(entry.getKey(), entry.getValue().value());
        }
      }
    }
    return result;
  }

  /** A lazy view for FEEL: no copying of variables that the expression does not read. */
  public VariableLookup lookup(long scopeKey) {
    return new VariableLookup() {
      @Override
      public Optional<Object> get(String name) {
        for (ElementInstance scope = instances.get(scopeKey);
            scope != null;
            scope = scope.flowScope()) {
          Variable variable = locals(scope.key()).get(name);
          if (variable != null) {
            return Optional.ofNullable(variable.value());
          }
        }
        return Optional.empty();
      }

      @Override
      public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (ElementInstance scope = instances.get(scopeKey);
            scope != null;
            scope = scope.flowScope()) {
          names.addAll(locals(scope.key()).keySet());
        }
        return names;
      }
    };
  }

  void apply(Record record) {
    VariableValue value = (VariableValue) record.value();
    scopes
        .computeIfAbsent(value.scopeKey(), k -> new LinkedHashMap<>())
        .put(value.name(), new Variable(record.key(), value.value()));
  }

  /** Variables live as long as their scope. */
  void scopeEnded(long scopeKey) {
    scopes.remove(scopeKey);
  }

  void clear() {
    scopes.clear();
  }
}
