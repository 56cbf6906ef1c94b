package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.processing.behavior.TimerSchedules;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.MessageSubscriptionValue;
import fr.secondevie.engine.record.TimerValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import java.util.Map;

/**
 * What happens when a timer fires or a message correlates: a catch event or receive task completes;
 * a boundary event interrupts its activity or runs beside it; a timer start event creates an
 * instance. Cycles are scheduled again until their repetitions are used up.
 */
public final class EventTriggerBehavior {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  EventTriggerBehavior(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  public void timerDue(long timerKey) {
    TimerValue timer = ctx.state().timers().get(timerKey);
    if (timer == null) {
      return;
    }
    ExecutableProcess process = ctx.state().definitions().process(timer.processDefinitionKey());
    ExecutableElement event = process.element(timer.targetElementId());
    if (timer.elementInstanceKey() < 0) {
      ctx.write(timerKey, ValueType.TIMER, Intent.TRIGGERED, timer);
      rescheduleCycle(timer);
      bpmn.creator().create(process, event, Map.of());
      return;
    }
    ElementInstance instance = ctx.state().instances().get(timer.elementInstanceKey());
    if (instance == null || !instance.isActive()) {
      return; // fires once the element is active again (e.g. after an incident is resolved)
    }
    ctx.write(timerKey, ValueType.TIMER, Intent.TRIGGERED, timer);
    if (instance.element() == event) {
      bpmn.lifecycle().complete(instance);
    } else {
      if (!event.interrupting()) {
        rescheduleCycle(timer);
      }
      triggerBoundary(instance, event, Map.of());
    }
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
    ExecutableElement event = instance.element().process().element(subscription.elementId());
    if (instance.element() == event) {
      bpmn.variables().applyResult(instance, vars);
      bpmn.lifecycle().complete(instance);
    } else {
      triggerBoundary(instance, event, vars);
    }
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
