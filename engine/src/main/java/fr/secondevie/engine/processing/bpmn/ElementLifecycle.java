package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableFlow;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.ProcessInstanceValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.ElementInstanceState;
import fr.secondevie.engine.state.ElementState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state transitions every element goes through, and the token flow between them: completing an
 * element takes its outgoing flows; the target is activated as a follow-up step; a scope with no
 * active child and no pending flow completes.
 */
public final class ElementLifecycle {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  ElementLifecycle(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /** Activates an element inside a scope, with the variables of the event that triggered it. */
  public ElementInstance activate(
      ExecutableElement element, ElementInstance flowScope, Map<String, Object> triggerVariables) {
    long key = ctx.nextKey();
    ProcessInstanceValue scopeValue = flowScope.value();
    ctx.write(
        key,
        ValueType.PROCESS_INSTANCE,
        Intent.ELEMENT_ACTIVATING,
        new ProcessInstanceValue(
            scopeValue.bpmnProcessId(),
            scopeValue.version(),
            scopeValue.processDefinitionKey(),
            scopeValue.processInstanceKey(),
            element.id(),
            element.type(),
            flowScope.key()));
    ElementInstance instance = ctx.state().instances().get(key);
    instance.triggerVariables(triggerVariables);
    bpmn.behavior(element).onActivate(instance);
    return instance;
  }

  public void activated(ElementInstance instance) {
    write(instance, Intent.ELEMENT_ACTIVATED);
  }

  /** Starts completing: the behaviour applies output mappings and calls {@link #completed}. */
  public void complete(ElementInstance instance) {
    write(instance, Intent.ELEMENT_COMPLETING);
    bpmn.behavior(instance.element()).onComplete(instance);
  }

  /** Completed: takes every outgoing flow (or lets the scope complete when there is none). */
  public void completed(ElementInstance instance) {
    completedTaking(instance, instance.element().outgoing());
  }

  /** Completed, taking only the given flows (exclusive gateway). */
  public void completedTaking(ElementInstance instance, List<ExecutableFlow> flows) {
    write(instance, Intent.ELEMENT_COMPLETED);
    ElementInstance scope = instance.flowScope();
    if (scope == null) {
      return;
    }
    if (flows.isEmpty()) {
      completeScopeIfDone(scope);
    }
    for (ExecutableFlow flow : flows) {
      takeFlow(flow, scope);
    }
  }

  private void takeFlow(ExecutableFlow flow, ElementInstance scope) {
    ProcessInstanceValue scopeValue = scope.value();
    ctx.write(
        ctx.nextKey(),
        ValueType.PROCESS_INSTANCE,
        Intent.SEQUENCE_FLOW_TAKEN,
        new ProcessInstanceValue(
            scopeValue.bpmnProcessId(),
            scopeValue.version(),
            scopeValue.processDefinitionKey(),
            scopeValue.processInstanceKey(),
            flow.id(),
            ElementType.SEQUENCE_FLOW,
            scope.key()));
    ExecutableElement target = flow.target();
    if (ElementInstanceState.isJoin(target)
        && !target.incoming().stream().allMatch(f -> scope.joinedCount(f.id()) > 0)) {
      return; // the parallel gateway waits for its other incoming flows
    }
    ctx.followUp(
        () -> {
          if (ctx.state().instances().get(scope.key()) == scope
              && scope.state() == ElementState.ACTIVATED) {
            activate(target, scope, Map.of());
          }
        });
  }

  /** A container with no active child and no pending flow completes. */
  public void completeScopeIfDone(ElementInstance scope) {
    if (scope.state() == ElementState.ACTIVATED
        && scope.activeChildren() == 0
        && scope.activeFlows() == 0) {
      complete(scope);
    }
  }

  /** Terminates an element and everything inside it, releasing jobs, tasks and subscriptions. */
  public void terminate(ElementInstance instance) {
    write(instance, Intent.ELEMENT_TERMINATING);
    List<ElementInstance> children = new ArrayList<>();
    instance.children().forEach(children::add);
    for (ElementInstance child : children) {
      terminate(child);
    }
    bpmn.behavior(instance.element()).onTerminate(instance);
    bpmn.incidents().resolveAll(instance);
    write(instance, Intent.ELEMENT_TERMINATED);
  }

  private void write(ElementInstance instance, Intent intent) {
    ctx.write(instance.key(), ValueType.PROCESS_INSTANCE, intent, instance.value());
  }
}
