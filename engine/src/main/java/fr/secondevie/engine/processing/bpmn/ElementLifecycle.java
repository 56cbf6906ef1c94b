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
import java.util.Set;
import java.util.function.Consumer;

/**
 * The state transitions every element goes through, and the token flow between them: completing an
 * element takes its outgoing flows; the target is activated as a follow-up step; a scope with no
 * active child and no pending flow completes. Joining gateways wait for their tokens here: a
 * parallel join for one on each incoming flow, an inclusive join until no other token of the scope
 * can still reach one of its incoming flows. The inner instances of a multi-instance body report
 * their completion to the body instead.
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
    return activate(element, flowScope, triggerVariables, instance -> {});
  }

  /**
   * Activates an element inside a scope; {@code init} runs once the instance exists, before the
   * element's behaviour (a multi-instance body sets the loop variables of an inner instance).
   */
  public ElementInstance activate(
      ExecutableElement element,
      ElementInstance flowScope,
      Map<String, Object> triggerVariables,
      Consumer<ElementInstance> init) {
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
            flowScope.key(),
            scopeValue.parentProcessInstanceKey(),
            scopeValue.parentElementInstanceKey()));
    ElementInstance instance = ctx.state().instances().get(key);
    instance.triggerVariables(triggerVariables);
    init.accept(instance);
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

  /** Completed, taking only the given flows (exclusive and inclusive gateways). */
  public void completedTaking(ElementInstance instance, List<ExecutableFlow> flows) {
    completedTaking(instance, flows, Map.of());
  }

  /**
   * Completed, taking the given flows; their targets get the trigger's variables (the catch event
   * after an event-based gateway).
   */
  public void completedTaking(
      ElementInstance instance, List<ExecutableFlow> flows, Map<String, Object> variables) {
    ElementInstance scope = instance.flowScope();
    MultiInstanceBodyBehavior.Completion loop = null;
    if (scope != null && scope.element().type() == ElementType.MULTI_INSTANCE_BODY) {
      // the body collects the output element while the inner instance's variables still exist
      loop = bpmn.multiInstance().innerInstanceCompleting(scope, instance);
      if (loop == null) {
        return; // an incident on the inner instance
      }
    }
    AdHocSubProcessBehavior.Completion adHoc = null;
    if (scope != null && scope.element().type() == ElementType.AD_HOC_SUB_PROCESS) {
      adHoc = bpmn.adHoc().innerInstanceCompleting(scope, instance);
      if (adHoc == null) {
        return; // an incident on the inner instance
      }
    }
    bpmn.compensations().completing(instance);
    write(instance, Intent.ELEMENT_COMPLETED);
    bpmn.compensations().completed(instance);
    if (scope == null) {
      return;
    }
    if (loop != null) {
      bpmn.multiInstance().innerInstanceCompleted(scope, instance, loop);
      return;
    }
    if (adHoc != null) {
      bpmn.adHoc().innerInstanceCompleted(scope, adHoc);
      return;
    }
    for (ExecutableFlow flow : flows) {
      takeFlow(flow, scope, variables);
    }
    if (flows.isEmpty()) {
      completeScopeIfDone(scope);
    }
    if (scope.element().process().hasInclusiveJoins() && !scope.pendingFlows().isEmpty()) {
      // a token left the scope's flow graph: an inclusive join may no longer wait for it
      ctx.followUp(() -> activateReadyInclusiveJoins(scope));
    }
  }

  /** Completed, going on at the link catch event its link throw event names. */
  public void completedLinking(ElementInstance instance, ExecutableElement linkCatch) {
    write(instance, Intent.ELEMENT_COMPLETED);
    activate(linkCatch, instance.flowScope(), Map.of());
  }

  private void takeFlow(ExecutableFlow flow, ElementInstance scope, Map<String, Object> vars) {
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
            scope.key(),
            scopeValue.parentProcessInstanceKey(),
            scopeValue.parentElementInstanceKey()));
    ExecutableElement target = flow.target();
    if (ElementInstanceState.isJoin(target)) {
      if (target.type() == ElementType.INCLUSIVE_GATEWAY) {
        // decided once every flow taken in this step is counted
        ctx.followUp(() -> activateIfReady(target, scope));
      } else if (target.incoming().stream().allMatch(f -> scope.joinedCount(f.id()) > 0)) {
        ctx.followUp(() -> activateInScope(target, scope, vars));
      }
      return; // the parallel gateway waits for its other incoming flows
    }
    ctx.followUp(() -> activateInScope(target, scope, vars));
  }

  private void activateInScope(
      ExecutableElement target, ElementInstance scope, Map<String, Object> vars) {
    if (isRunning(scope)) {
      activate(target, scope, vars);
    }
  }

  private boolean isRunning(ElementInstance scope) {
    return ctx.state().instances().get(scope.key()) == scope
        && scope.state() == ElementState.ACTIVATED
        && !scope.isInterrupted();
  }

  private void activateReadyInclusiveJoins(ElementInstance scope) {
    if (!isRunning(scope)) {
      return;
    }
    List<ExecutableElement> joins = new ArrayList<>();
    for (String flowId : scope.pendingFlows().keySet()) {
      ExecutableElement target = scope.element().process().flow(flowId).target();
      if (target.type() == ElementType.INCLUSIVE_GATEWAY
          && ElementInstanceState.isJoin(target)
          && !joins.contains(target)) {
        joins.add(target);
      }
    }
    joins.forEach(join -> activateIfReady(join, scope));
  }

  /**
   * An inclusive join is ready when a token arrived on one of its incoming flows at least, and
   * every incoming flow without a token can no longer be reached from any token of the scope.
   */
  private void activateIfReady(ExecutableElement join, ElementInstance scope) {
    if (!isRunning(scope)) {
      return;
    }
    boolean arrived = false;
    List<Set<String>> waitingFor = new ArrayList<>();
    for (ExecutableFlow incoming : join.incoming()) {
      if (scope.joinedCount(incoming.id()) > 0) {
        arrived = true;
      } else {
        waitingFor.add(join.joinReach().get(incoming.id()));
      }
    }
    if (!arrived) {
      return;
    }
    if (!waitingFor.isEmpty()) {
      for (ElementInstance child : scope.children()) {
        if (waitingFor.stream().anyMatch(reach -> reach.contains(child.element().id()))) {
          return;
        }
      }
      for (String flowId : scope.pendingFlows().keySet()) {
        ExecutableElement target = scope.element().process().flow(flowId).target();
        if (target != join && waitingFor.stream().anyMatch(reach -> reach.contains(target.id()))) {
          return;
        }
      }
    }
    activate(join, scope, Map.of());
  }

  /**
   * Runs the step an element waits in again: after a listener job completed or an incident was
   * resolved. A process instance held back before its start event (by a start listener or an
   * incident) then starts at its none start event.
   */
  public void resume(ElementInstance instance) {
    if (instance.state() == ElementState.ACTIVATING) {
      bpmn.behavior(instance.element()).onActivate(instance);
      ExecutableElement start = instance.element().noneStartEvent();
      if (instance.element().type() == ElementType.PROCESS
          && instance.isActive()
          && start != null) {
        activate(start, instance, Map.of());
      }
    } else if (instance.state() == ElementState.COMPLETING) {
      bpmn.behavior(instance.element()).onComplete(instance);
    }
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
    bpmn.listenerJobs().cancel(instance);
    bpmn.incidents().resolveAll(instance);
    bpmn.compensations().terminated(instance);
    write(instance, Intent.ELEMENT_TERMINATED);
  }

  private void write(ElementInstance instance, Intent intent) {
    ctx.write(instance.key(), ValueType.PROCESS_INSTANCE, intent, instance.value());
  }
}
