package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.AdHocDefinition;
import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.record.ErrorType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.VariableState;
import fr.secondevie.engine.util.Either;
import fr.secondevie.engine.util.JsonValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Ad-hoc sub-process run by the engine, as the Camunda 8.8 "Ad-hoc sub-processes" page describes
 * it. On activation, after its input mappings, the {@code adHocSubProcessElements} variable is set
 * (local: the activatable elements with their name, documentation and properties) and the {@code
 * activeElementsCollection} is evaluated (a list of ids of inner elements without incoming flows,
 * else an incident) and each element is activated in an inner instance of its own ({@code
 * AD_HOC_SUB_PROCESS_INNER_INSTANCE}); elements can also be activated later through the activation
 * command, with variables local to their inner instance. Each time an inner instance completes, its
 * {@code outputElement} is appended to the {@code outputCollection} (a local of the sub-process,
 * propagated when it completes) and the completion condition is evaluated: without one, the
 * sub-process completes once no inner instance is active; with one that holds, it completes at
 * once, terminating the inner instances still active if {@code cancelRemainingInstances} (the
 * default), else once they have completed.
 */
final class AdHocSubProcessBehavior extends ActivityBehavior {

  /** What the sub-process decided while an inner instance was completing. */
  record Completion(boolean conditionMet) {}

  AdHocSubProcessBehavior(BpmnBehaviors bpmn) {
    super(bpmn);
  }

  @Override
  protected Runnable prepare(ElementInstance instance) {
    AdHocDefinition adHoc = instance.element().adHoc();
    Either<List<ExecutableElement>> active = activeElements(instance, adHoc);
    if (!active.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.EXTRACT_VALUE_ERROR, active.failure());
      return null;
    }
    return () -> {
      bpmn.variables()
          .setLocal(instance, AdHocDefinition.ELEMENTS_VARIABLE, adHoc.elementsVariable());
      bpmn.lifecycle().activated(instance);
      if (adHoc.outputCollection() != null) {
        bpmn.variables().setLocal(instance, adHoc.outputCollection(), List.of());
      }
      for (ExecutableElement element : active.value()) {
        activateElement(instance, element, Map.of());
      }
    };
  }

  private Either<List<ExecutableElement>> activeElements(
      ElementInstance instance, AdHocDefinition adHoc) {
    if (adHoc.activeElementsCollection() == null) {
      return Either.ok(List.of());
    }
    Either<Object> value =
        bpmn.ctx()
            .expressions()
            .evaluate(
                adHoc.activeElementsCollection(),
                bpmn.ctx().state().variables().lookup(instance.key()));
    if (!value.isOk()) {
      return Either.fail(value.failure());
    }
    String id = instance.element().id();
    if (value.value() == null) {
      return Either.ok(List.of());
    }
    if (!(value.value() instanceof List<?> ids)) {
      return Either.fail(
          "Expected the activeElementsCollection of the ad-hoc sub-process '"
              + id
              + "' to be a list of element ids, but was '"
              + JsonValues.kind(value.value())
              + "'.");
    }
    List<ExecutableElement> elements = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (Object item : ids) {
      ExecutableElement element =
          item instanceof String elementId ? adHoc.activatable(elementId) : null;
      if (element == null) {
        unknown.add(item instanceof String s ? "'" + s + "'" : JsonValues.kind(item));
      } else {
        elements.add(element);
      }
    }
    if (!unknown.isEmpty()) {
      return Either.fail(
          "Expected the activeElementsCollection of the ad-hoc sub-process '"
              + id
              + "' to contain only ids of its inner elements without incoming flows, but found "
              + String.join(", ", unknown)
              + ".");
    }
    return Either.ok(elements);
  }

  /** Activates an inner element in an inner instance of its own, with its variables as locals. */
  void activateElement(
      ElementInstance adHoc, ExecutableElement element, Map<String, Object> variables) {
    ElementInstance inner =
        bpmn.lifecycle()
            .activate(
                adHoc.element().adHoc().innerInstance(),
                adHoc,
                Map.of(),
                created -> bpmn.variables().setLocal(created, variables));
    if (inner.isActive()) {
      bpmn.lifecycle().activate(element, inner, Map.of());
    }
  }

  /** Terminates the inner instances still active (the activation command's cancel option). */
  void cancelRemaining(ElementInstance adHoc) {
    List<ElementInstance> remaining = new ArrayList<>();
    adHoc.children().forEach(remaining::add);
    remaining.forEach(bpmn.lifecycle()::terminate);
  }

  /**
   * An inner instance is completing, its variables still there: collects its output element
   * (evaluated in the inner instance) and evaluates the completion condition (in the sub-process's
   * scope). Returns {@code null} after raising an incident on it (resolving the incident completes
   * it again).
   */
  Completion innerInstanceCompleting(ElementInstance adHoc, ElementInstance inner) {
    AdHocDefinition definition = adHoc.element().adHoc();
    VariableLookup variables = bpmn.ctx().state().variables().lookup(inner.key());
    List<Object> collected = null;
    if (definition.outputCollection() != null
        && definition.outputElement() != null
        && inner.element().type() == ElementType.AD_HOC_SUB_PROCESS_INNER_INSTANCE) {
      Either<Object> output =
          bpmn.ctx().expressions().evaluate(definition.outputElement(), variables);
      if (!output.isOk()) {
        bpmn.incidents().raise(inner, ErrorType.EXTRACT_VALUE_ERROR, output.failure());
        return null;
      }
      VariableState.Variable current =
          bpmn.ctx().state().variables().local(adHoc.key(), definition.outputCollection());
      collected = new ArrayList<>();
      if (current != null && current.value() instanceof List<?> list) {
        collected.addAll(list);
      }
      collected.add(output.value());
    }
    boolean conditionMet = false;
    if (definition.completionCondition() != null) {
      Either<Boolean> condition =
          bpmn.ctx()
              .expressions()
              .evaluateBoolean(
                  definition.completionCondition(),
                  bpmn.ctx().state().variables().lookup(adHoc.key()));
      if (!condition.isOk()) {
        bpmn.incidents().raise(inner, ErrorType.EXTRACT_VALUE_ERROR, condition.failure());
        return null;
      }
      conditionMet = condition.value();
    }
    if (collected != null) {
      bpmn.variables()
          .setLocal(adHoc, definition.outputCollection(), Collections.unmodifiableList(collected));
    }
    return new Completion(conditionMet);
  }

  /** An inner instance completed: the sub-process completes if its completion rule says so. */
  void innerInstanceCompleted(ElementInstance adHoc, Completion completion) {
    if (!adHoc.isActive()) {
      return;
    }
    AdHocDefinition definition = adHoc.element().adHoc();
    boolean done;
    if (definition.completionCondition() == null) {
      done = adHoc.activeChildren() == 0;
    } else if (completion.conditionMet()) {
      if (definition.cancelRemainingInstances()) {
        cancelRemaining(adHoc);
      }
      done = adHoc.activeChildren() == 0;
    } else {
      done = false;
    }
    if (done) {
      bpmn.lifecycle().complete(adHoc);
    }
  }

  @Override
  public void onComplete(ElementInstance instance) {
    Either<Void> outputs = bpmn.variables().applyOutputMappings(instance);
    if (!outputs.isOk()) {
      bpmn.incidents().raise(instance, ErrorType.IO_MAPPING_ERROR, outputs.failure());
      return;
    }
    String outputCollection = instance.element().adHoc().outputCollection();
    if (outputCollection != null && instance.flowScope() != null) {
      VariableState.Variable collected =
          bpmn.ctx().state().variables().local(instance.key(), outputCollection);
      bpmn.variables()
          .propagate(
              instance.flowScope(),
              Collections.singletonMap(
                  outputCollection, collected == null ? null : collected.value()));
    }
    bpmn.subscriptions().close(instance);
    bpmn.lifecycle().completed(instance);
  }

  /** The inner instance of one activation: a scope that completes when nothing runs in it. */
  static final class InnerInstanceBehavior implements BpmnElementBehavior {

    private final BpmnBehaviors bpmn;

    InnerInstanceBehavior(BpmnBehaviors bpmn) {
      this.bpmn = bpmn;
    }

    @Override
    public void onActivate(ElementInstance instance) {
      bpmn.lifecycle().activated(instance);
    }

    @Override
    public void onComplete(ElementInstance instance) {
      bpmn.lifecycle().completed(instance);
    }

    @Override
    public void onTerminate(ElementInstance instance) {}
  }
}
