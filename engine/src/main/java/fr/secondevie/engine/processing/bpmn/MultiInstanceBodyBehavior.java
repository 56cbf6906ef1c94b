package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.LoopDefinition;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.VariableState;
import fr.secondevie.engine.util.Either;
import fr.secondevie.engine.util.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Multi-instance body, as the Camunda 8.8 "Multi-instance" page describes it: evaluates the input
 * collection (an array, else an incident) and runs the inner activity once per item, all at once
 * (parallel) or one after the other (sequential). Each inner instance gets local {@code
 * loopCounter} (1-based), input element and, when the output element only reads a variable, that
 * variable as a local {@code null}. The output collection is a local of the body, filled at the
 * item's index as each inner instance completes and propagated when the body completes. After each
 * completion the completion condition is evaluated with {@code numberOfInstances}, {@code
 * numberOfActiveInstances}, {@code numberOfCompletedInstances} and {@code
 * numberOfTerminatedInstances}; once true, the other inner instances are terminated and the body
 * completes. Every step costs the same whatever the number of items, but the output collection is
 * copied once per completion (as Camunda rewrites the variable).
 */
final class MultiInstanceBodyBehavior implements BpmnElementBehavior {

  static final String LOOP_COUNTER = "loopCounter";

  /** What the body decided while an inner instance was completing. */
  record Completion(boolean conditionMet) {}

  private final BpmnBehaviors bpmn;

  MultiInstanceBodyBehavior(BpmnBehaviors bpmn) {
    this.bpmn = bpmn;
  }

  @Override
  public void onActivate(ElementInstance body) {
    Either<List<Object>> items = inputCollection(body);
    if (!items.isOk()) {
      bpmn.incidents().raise(body, ErrorType.EXTRACT_VALUE_ERROR, items.failure());
      return;
    }
    Either<Void> subscriptions = bpmn.subscriptions().open(body, false);
    if (!subscriptions.isOk()) {
      bpmn.incidents().raise(body, ErrorType.EXTRACT_VALUE_ERROR, subscriptions.failure());
      return;
    }
    body.inputCollection(items.value());
    bpmn.lifecycle().activated(body);
    LoopDefinition loop = body.element().loop();
    int count = items.value().size();
    if (loop.outputCollection() != null) {
      bpmn.variables()
          .setLocal(body, loop.outputCollection(), Collections.nCopies(count, (Object) null));
    }
    if (count == 0) {
      bpmn.lifecycle().complete(body);
    } else if (loop.sequential()) {
      activateInnerInstance(body);
    } else {
      for (int i = 0; i < count; i++) {
        bpmn.ctx()
            .followUp(
                () -> {
                  if (body.isActive()) {
                    activateInnerInstance(body);
                  }
                });
      }
    }
  }

  private Either<List<Object>> inputCollection(ElementInstance body) {
    LoopDefinition loop = body.element().loop();
    Either<Object> value =
        bpmn.ctx()
            .expressions()
            .evaluate(loop.inputCollection(), bpmn.ctx().state().variables().lookup(body.key()));
    if (!value.isOk()) {
      return Either.fail(value.failure());
    }
    if (!(value.value() instanceof List<?> list)) {
      return Either.fail(
          "Expected result of the expression '"
              + loop.inputCollection().text()
              + "' to be 'ARRAY', but was '"
              + JsonValues.kind(value.value())
              + "'.");
    }
    return Either.ok(Collections.unmodifiableList(new ArrayList<>(list)));
  }

  /** The items, from the activation's cache or else evaluated again. */
  private List<Object> items(ElementInstance body) {
    if (body.inputCollection() == null) {
      Either<List<Object>> items = inputCollection(body);
      body.inputCollection(items.isOk() ? items.value() : List.of());
    }
    return body.inputCollection();
  }

  /** Activates the next inner instance with its loop variables. */
  private void activateInnerInstance(ElementInstance body) {
    LoopDefinition loop = body.element().loop();
    List<Object> items = items(body);
    bpmn.lifecycle()
        .activate(
            body.element().innerActivity(),
            body,
            Map.of(),
            inner -> {
              int index = inner.loopCounter() - 1;
              if (loop.inputElement() != null) {
                bpmn.variables()
                    .setLocal(
                        inner, loop.inputElement(), index < items.size() ? items.get(index) : null);
              }
              if (loop.outputElementVariable() != null) {
                bpmn.variables().setLocal(inner, loop.outputElementVariable(), null);
              }
              bpmn.variables().setLocal(inner, LOOP_COUNTER, (long) inner.loopCounter());
            });
  }

  /**
   * An inner instance is completing, its variables still there: evaluates its output element into
   * the output collection and the completion condition. Returns {@code null} after raising an
   * incident on the inner instance (resolving it completes the inner instance again).
   */
  Completion innerInstanceCompleting(ElementInstance body, ElementInstance inner) {
    LoopDefinition loop = body.element().loop();
    VariableLookup variables = bpmn.ctx().state().variables().lookup(inner.key());
    Object output = null;
    if (loop.outputCollection() != null && loop.outputElement() != null) {
      Either<Object> value = bpmn.ctx().expressions().evaluate(loop.outputElement(), variables);
      if (!value.isOk()) {
        bpmn.incidents().raise(inner, ErrorType.EXTRACT_VALUE_ERROR, value.failure());
        return null;
      }
      output = value.value();
    }
    boolean conditionMet = false;
    if (loop.completionCondition() != null) {
      Either<Boolean> condition =
          bpmn.ctx()
              .expressions()
              .evaluateBoolean(loop.completionCondition(), withCounters(body, variables));
      if (!condition.isOk()) {
        bpmn.incidents().raise(inner, ErrorType.EXTRACT_VALUE_ERROR, condition.failure());
        return null;
      }
      conditionMet = condition.value();
    }
    if (loop.outputCollection() != null) {
      Either<List<Object>> collected = collect(body, inner, output);
      if (!collected.isOk()) {
        bpmn.incidents().raise(inner, ErrorType.EXTRACT_VALUE_ERROR, collected.failure());
        return null;
      }
      bpmn.variables().setLocal(body, loop.outputCollection(), collected.value());
    }
    return new Completion(conditionMet);
  }

  private Either<List<Object>> collect(ElementInstance body, ElementInstance inner, Object output) {
    String name = body.element().loop().outputCollection();
    VariableState.Variable variable = bpmn.ctx().state().variables().local(body.key(), name);
    int index = inner.loopCounter() - 1;
    if (variable == null
        || !(variable.value() instanceof List<?> current)
        || index >= current.size()) {
      return Either.fail(
          "Expected the output collection variable '"
              + name
              + "' to be a list with an element at index "
              + (index + 1)
              + ", but it was '"
              + (variable == null ? "missing" : JsonValues.kind(variable.value()))
              + "'.");
    }
    List<Object> updated = new ArrayList<>(current);
    updated.set(index, output);
    return Either.ok(Collections.unmodifiableList(updated));
  }

  /**
   * The completion condition sees the inner instance's variables and the counters, the completing
   * instance counted as completed.
   */
  private VariableLookup withCounters(ElementInstance body, VariableLookup variables) {
    int instances = items(body).size();
    int completed = body.completedInnerInstances() + 1;
    int terminated = body.terminatedInnerInstances();
    // a sequential body runs nothing else; a parallel one counts the instances still to start
    int active = body.element().loop().sequential() ? 0 : instances - completed - terminated;
    Map<String, Object> counters =
        Map.of(
            "numberOfInstances", (long) instances,
            "numberOfActiveInstances", (long) Math.max(0, active),
            "numberOfCompletedInstances", (long) completed,
            "numberOfTerminatedInstances", (long) terminated);
    return new VariableLookup() {
      @Override
      public Optional<Object> get(String name) {
        return counters.containsKey(name) ? Optional.of(counters.get(name)) : variables.get(name);
      }

      @Override
      public Set<String> names() {
        Set<String> names = new LinkedHashSet<>(counters.keySet());
        names.addAll(variables.names());
        return names;
      }
    };
  }

  /** The inner instance completed: the next one starts, or the body completes. */
  void innerInstanceCompleted(ElementInstance body, ElementInstance inner, Completion completion) {
    if (!body.isActive()) {
      return;
    }
    if (completion.conditionMet()) {
      List<ElementInstance> remaining = new ArrayList<>();
      body.children().forEach(remaining::add);
      remaining.forEach(bpmn.lifecycle()::terminate);
      bpmn.lifecycle().complete(body);
      return;
    }
    int instances = items(body).size();
    if (body.element().loop().sequential() && body.activatedInnerInstances() < instances) {
      activateInnerInstance(body);
    } else if (body.activatedInnerInstances() >= instances && body.activeChildren() == 0) {
      bpmn.lifecycle().complete(body);
    }
  }

  @Override
  public void onComplete(ElementInstance body) {
    bpmn.subscriptions().close(body);
    String outputCollection = body.element().loop().outputCollection();
    if (outputCollection != null && body.flowScope() != null) {
      VariableState.Variable collected =
          bpmn.ctx().state().variables().local(body.key(), outputCollection);
      bpmn.variables()
          .propagate(
              body.flowScope(),
              Collections.singletonMap(
                  outputCollection, collected == null ? null : collected.value()));
    }
    bpmn.lifecycle().completed(body);
  }

  @Override
  public void onTerminate(ElementInstance body) {
    bpmn.subscriptions().close(body);
  }
}
