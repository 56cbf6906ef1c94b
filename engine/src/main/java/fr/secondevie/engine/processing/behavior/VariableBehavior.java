package fr.secondevie.engine.processing.behavior;

import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.Mapping;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.record.VariableValue;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.VariableState;
import fr.secondevie.engine.util.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Variable scopes as the Camunda 8.8 "Variables" page describes them: input mappings create local
 * variables; results are merged by propagation (each variable updates the nearest scope that has
 * it, else the process instance); with output mappings, results stay local to the element and only
 * the mapped variables are propagated from the flow scope.
 */
public final class VariableBehavior {

  private final EngineContext ctx;

  public VariableBehavior(EngineContext ctx) {
    this.ctx = ctx;
  }

  /** Sets a variable in exactly this scope (no propagation). */
  public void setLocal(ElementInstance scope, String name, Object value) {
    VariableState variables = ctx.state().variables();
    VariableState.Variable existing = variables.local(scope.key(), name);
    if (existing != null && Objects.equals(existing.value(), value)) {
      return;
    }
    VariableValue record =
        new VariableValue(
            name,
            value,
            scope.key(),
            scope.processInstanceKey(),
            scope.value().processDefinitionKey(),
            scope.value().bpmnProcessId());
    if (existing == null) {
      ctx.write(ctx.nextKey(), ValueType.VARIABLE, Intent.CREATED, record);
    } else {
      ctx.write(existing.key(), ValueType.VARIABLE, Intent.UPDATED, record);
    }
  }

  public void setLocal(ElementInstance scope, Map<String, Object> variables) {
    variables.forEach((name, value) -> setLocal(scope, name, value));
  }

  /** Merges variables starting at the given scope (see the class comment). */
  public void propagate(ElementInstance from, Map<String, Object> variables) {
    VariableState state = ctx.state().variables();
    for (Map.Entry<String, Object> entry : variables.entrySet()) {
      long declaring = state.scopeDeclaring(from.key(), entry.getKey());
      ElementInstance target = from;
      if (declaring < 0) {
        while (target.flowScope() != null) {
          target = target.flowScope();
        }
      } else {
        while (target.key() != declaring) {
          target = target.flowScope();
        }
      }
      setLocal(target, entry.getKey(), entry.getValue());
    }
  }

  /**
   * The result of an element (job completion, message, decision, script): local when the element
   * has output mappings (they pick what is propagated), else propagated from the element.
   */
  public void applyResult(ElementInstance instance, Map<String, Object> variables) {
    if (variables.isEmpty()) {
      return;
    }
    if (instance.element().outputMappings().isEmpty()) {
      propagate(instance, variables);
    } else {
      setLocal(instance, variables);
    }
  }

  /** Evaluates the input mappings against the flow scope and sets the results as locals. */
  public Either<Void> applyInputMappings(ElementInstance instance) {
    List<Mapping> mappings = instance.element().inputMappings();
    if (mappings.isEmpty()) {
      return Either.ok(null);
    }
    // an inner instance of a multi-instance body reads its loop variables from its own scope
    long outerScope =
        instance.flowScope() == null || instance.loopCounter() > 0
            ? instance.key()
            : instance.flowScope().key();
    Either<Map<String, Object>> result =
        evaluate(mappings, ctx.state().variables().lookup(outerScope), name -> null);
    if (!result.isOk()) {
      return Either.fail(result.failure());
    }
    setLocal(instance, result.value());
    return Either.ok(null);
  }

  /**
   * Evaluates the output mappings in the element's scope and propagates them outwards (from the
   * element itself for an inner instance of a multi-instance body).
   */
  public Either<Void> applyOutputMappings(ElementInstance instance) {
    List<Mapping> mappings = instance.element().outputMappings();
    if (mappings.isEmpty() || instance.flowScope() == null) {
      return Either.ok(null);
    }
    VariableLookup outer = ctx.state().variables().lookup(instance.flowScope().key());
    Either<Map<String, Object>> result =
        evaluate(
            mappings,
            ctx.state().variables().lookup(instance.key()),
            name -> outer.get(name).orElse(null));
    if (!result.isOk()) {
      return Either.fail(result.failure());
    }
    // an inner instance of a multi-instance body keeps them in its own scope, where its output
    // element is evaluated
    propagate(instance.loopCounter() > 0 ? instance : instance.flowScope(), result.value());
    return Either.ok(null);
  }

  /**
   * Evaluates mappings in order; later sources see earlier targets. A nested target ({@code a.b})
   * updates the object built so far, or else a copy of {@code base(a)}.
   */
  private Either<Map<String, Object>> evaluate(
      List<Mapping> mappings,
      VariableLookup scope,
      java.util.function.Function<String, Object> base) {
    Map<String, Object> result = new LinkedHashMap<>();
    VariableLookup lookup =
        new VariableLookup() {
          @Override
          public Optional<Object> get(String name) {
            return result.containsKey(name)
                ? Optional.ofNullable(result.get(name))
                : scope.get(name);
          }

          @Override
          public Set<String> names() {
            Set<String> names = new java.util.LinkedHashSet<>(result.keySet());
            names.addAll(scope.names());
            return names;
          }
        };
    for (Mapping mapping : mappings) {
      Either<Object> value = ctx.expressions().evaluate(mapping.source(), lookup);
      if (!value.isOk()) {
        return Either.fail(value.failure());
      }
      String name = mapping.targetName();
      if (mapping.targetPath().size() == 1) {
        result.put(name, value.value());
      } else {
        Object current = result.containsKey(name) ? result.get(name) : base.apply(name);
        result.put(name, withPath(current, mapping.targetPath(), 1, value.value()));
      }
    }
    return Either.ok(result);
  }

  @SuppressWarnings("unchecked")
  private static Object withPath(Object current, List<String> path, int index, Object value) {
    Map<String, Object> copy =
        current instanceof Map<?, ?> map
            ? new LinkedHashMap<>((Map<String, Object>) map)
            : new LinkedHashMap<>();
    String key = path.get(index);
    if (index == path.size() - 1) {
      copy.put(key, value);
    } else {
      copy.put(key, withPath(copy.get(key), path, index + 1, value));
    }
    return java.util.Collections.unmodifiableMap(copy);
  }
}
