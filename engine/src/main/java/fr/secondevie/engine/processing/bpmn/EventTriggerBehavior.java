package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableFlow;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.processing.behavior.TimerSchedules;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.MessageSubscriptionValue;
import fr.secondevie.engine.record.SignalSubscriptionValue;
import fr.secondevie.engine.record.SignalValue;
import fr.secondevie.engine.record.TimerValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What happens when a timer fires, a message correlates or a signal is broadcast: a catch event or
 * receive task completes; an event-based gateway completes towards the event that happened; an
 * event sub-process starts in its scope (interrupting it first, if its start event interrupts); a
 * boundary event interrupts its activity or runs beside it; a timer or signal start event creates
 * an instance. Cycles are scheduled again until their repetitions are used up.
 */
public final class EventTriggerBehavior {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  EventTriggerBehavior(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /**
   * Fires a due timer. Returns {@code false} when its element instance is not active (an incident
   * holds it while completing): the timer then stays, as in Camunda, and fires if the element is
   * active again, or is canceled when the element is left.
   */
  public boolean timerDue(long timerKey) {
    TimerValue timer = ctx.state().timers().get(timerKey);
    if (timer == null) {
      return true;
    }
    ExecutableProcess process = ctx.state().definitions().process(timer.processDefinitionKey());
    ExecutableElement event = process.element(timer.targetElementId());
    if (timer.elementInstanceKey() < 0) {
      ctx.write(timerKey, ValueType.TIMER, Intent.TRIGGERED, timer);
      rescheduleCycle(timer);
      bpmn.creator().create(process, event, Map.of());
      return true;
    }
    ElementInstance instance = ctx.state().instances().get(timer.elementInstanceKey());
    if (instance == null || !instance.isActive()) {
      return false;
    }
    ctx.write(timerKey, ValueType.TIMER, Intent.TRIGGERED, timer);
    if (!event.interrupting() && instance.element() != event) {
      rescheduleCycle(timer);
    }
    trigger(instance, event, Map.of());
    return true;
  }

  private void rescheduleCycle(TimerValue timer) {
    if (timer.interval() == null || timer.repetitions() == 1 || timer.repetitions() == 0) {
      return;
    }
    ctx.write(
        ctx.nextKey(),
        ValueType.TIMER,
        Intent.CREATED,
        new TimerValue(
            timer.elementInstanceKey(),
            timer.processInstanceKey(),
            timer.processDefinitionKey(),
            timer.bpmnProcessId(),
            timer.targetElementId(),
            TimerSchedules.next(timer.dueDate(), timer.interval()),
            timer.repetitions() < 0 ? -1 : timer.repetitions() - 1,
            timer.interval()));
  }

  /** A correlated message reaches the element that subscribed. */
  public void messageCorrelated(MessageSubscriptionValue subscription, Map<String, Object> vars) {
    ElementInstance instance = ctx.state().instances().get(subscription.elementInstanceKey());
    trigger(instance, instance.element().process().element(subscription.elementId()), vars);
  }

  /**
   * Broadcasts a signal: every subscription open at this moment is triggered, in the order they
   * were opened; signal start events create an instance of their (latest) process.
   */
  public long broadcastSignal(String name, Map<String, Object> variables) {
    long key = ctx.nextKey();
    ctx.write(key, ValueType.SIGNAL, Intent.BROADCASTED, new SignalValue(name, variables));
    for (long subscriptionKey : ctx.state().signals().named(name)) {
      SignalSubscriptionValue subscription = ctx.state().signals().get(subscriptionKey);
      if (subscription == null) {
        continue; // closed by an earlier trigger of this broadcast
      }
      ExecutableProcess process =
          ctx.state().definitions().process(subscription.processDefinitionKey());
      ExecutableElement event = process.element(subscription.catchEventId());
      if (subscription.catchEventInstanceKey() < 0) {
        bpmn.creator().create(process, event, variables);
        continue;
      }
      ElementInstance instance = ctx.state().instances().get(subscription.catchEventInstanceKey());
      if (instance != null && instance.isActive()) {
        trigger(instance, event, variables);
      }
    }
    return key;
  }

  /** The event of a subscription held by an element instance happened. */
  private void trigger(
      ElementInstance instance, ExecutableElement event, Map<String, Object> vars) {
    if (instance.element() == event) {
      bpmn.variables().applyResult(instance, vars);
      bpmn.lifecycle().complete(instance);
    } else if (instance.element().type() == ElementType.EVENT_BASED_GATEWAY) {
      leaveEventBasedGateway(instance, event, vars);
    } else if (event.type() == ElementType.START_EVENT) {
      triggerEventSubProcess(instance, event, vars);
    } else {
      triggerBoundary(instance, event, vars);
    }
  }

  /**
   * The first event after an event-based gateway happened: the gateway completes, closing the other
   * events, and takes the flow to it; the event completes with the trigger's variables.
   */
  private void leaveEventBasedGateway(
      ElementInstance gateway, ExecutableElement event, Map<String, Object> vars) {
    ctx.write(
        gateway.key(), ValueType.PROCESS_INSTANCE, Intent.ELEMENT_COMPLETING, gateway.value());
    bpmn.subscriptions().close(gateway);
    List<ExecutableFlow> flows = new ArrayList<>();
    for (ExecutableFlow flow : gateway.element().outgoing()) {
      if (flow.target() == event) {
        flows.add(flow);
      }
    }
    bpmn.lifecycle().completedTaking(gateway, flows, vars);
  }

  /**
   * Starts an event sub-process in its scope. An interrupting one first terminates everything else
   * in the scope and closes the scope's other event sub-processes; it runs once.
   */
  public void triggerEventSubProcess(
      ElementInstance scope, ExecutableElement startEvent, Map<String, Object> variables) {
    if (startEvent.interrupting()) {
      bpmn.subscriptions().closeEventSubProcesses(scope);
      List<ElementInstance> children = new ArrayList<>();
      scope.children().forEach(children::add);
      children.forEach(bpmn.lifecycle()::terminate);
    }
    bpmn.lifecycle().activate(startEvent.flowScope(), scope, variables);
  }

  /**
   * Runs a boundary event: an interrupting one terminates the activity first, then the event is
   * activated in the activity's flow scope with the trigger's variables.
   */
  public void triggerBoundary(
      ElementInstance activity, ExecutableElement boundary, Map<String, Object> variables) {
    ElementInstance scope = activity.flowScope();
    if (boundary.interrupting() || boundary.eventKind() == EventKind.ERROR) {
      bpmn.lifecycle().terminate(activity);
    }
    bpmn.lifecycle().activate(boundary, scope, variables);
  }
}
