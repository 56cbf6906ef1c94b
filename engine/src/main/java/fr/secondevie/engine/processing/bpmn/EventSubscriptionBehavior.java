package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.processing.behavior.TimerSchedules;
import fr.secondevie.engine.processing.behavior.TimerSchedules.Schedule;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.MessageStartSubscriptionValue;
import fr.secondevie.engine.record.MessageSubscriptionValue;
import fr.secondevie.engine.record.SignalSubscriptionValue;
import fr.secondevie.engine.record.TimerValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Opens and closes what an element waits for: timers, message and signal subscriptions of catch
 * events, receive tasks, boundary events, the start events of event sub-processes (held by their
 * scope), the events after an event-based gateway (held by the gateway), and the start events of
 * deployed processes. Everything is evaluated first and written after, so a failing expression
 * opens nothing.
 */
public final class EventSubscriptionBehavior {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  EventSubscriptionBehavior(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /**
   * Opens the subscriptions of the boundary events attached to an element, of the event
   * sub-processes of a scope, of the events after an event-based gateway and, for a catch event or
   * a receive task, its own.
   */
  public Either<Void> open(ElementInstance instance, boolean includeOwn) {
    ExecutableElement element = instance.element();
    List<ExecutableElement> events = new ArrayList<>();
    if (includeOwn) {
      events.add(element);
    }
    events.addAll(element.boundaryEvents());
    for (ExecutableElement eventSubProcess : element.eventSubProcesses()) {
      events.add(eventSubProcess.startEvents().get(0));
    }
    if (element.type() == ElementType.EVENT_BASED_GATEWAY) {
      element.outgoing().forEach(flow -> events.add(flow.target()));
    }
    return open(instance, events);
  }

  private Either<Void> open(ElementInstance instance, List<ExecutableElement> events) {
    VariableLookup variables = ctx.state().variables().lookup(instance.key());
    List<Runnable> writes = new ArrayList<>();
    for (ExecutableElement event : events) {
      if (event.eventKind() == EventKind.TIMER) {
        Either<Schedule> schedule =
            TimerSchedules.schedule(event.timer(), ctx.expressions(), variables, ctx.now());
        if (!schedule.isOk()) {
          return Either.fail(schedule.failure());
        }
        writes.add(() -> createTimer(instance, event, schedule.value()));
      } else if (event.eventKind() == EventKind.MESSAGE) {
        Either<String> name = ctx.expressions().evaluateString(event.messageName(), variables);
        if (!name.isOk()) {
          return Either.fail(name.failure());
        }
        Either<String> correlationKey =
            event.correlationKey() == null
                ? Either.ok("")
                : ctx.expressions().evaluateStringOrNumber(event.correlationKey(), variables);
        if (!correlationKey.isOk()) {
          return Either.fail(correlationKey.failure());
        }
        writes.add(() -> subscribe(instance, event, name.value(), correlationKey.value()));
      } else if (event.eventKind() == EventKind.SIGNAL) {
        Either<String> name = ctx.expressions().evaluateString(event.signalName(), variables);
        if (!name.isOk()) {
          return Either.fail(name.failure());
        }
        writes.add(
            () ->
                ctx.write(
                    ctx.nextKey(),
                    ValueType.SIGNAL_SUBSCRIPTION,
                    Intent.CREATED,
                    new SignalSubscriptionValue(
                        name.value(),
                        instance.value().processDefinitionKey(),
                        instance.value().bpmnProcessId(),
                        event.id(),
                        instance.key(),
                        instance.processInstanceKey(),
                        event.interrupting())));
      }
    }
    writes.forEach(Runnable::run);
    return Either.ok(null);
  }

  private void createTimer(ElementInstance instance, ExecutableElement event, Schedule schedule) {
    ctx.write(
        ctx.nextKey(),
        ValueType.TIMER,
        Intent.CREATED,
        new TimerValue(
            instance.key(),
            instance.processInstanceKey(),
            instance.value().processDefinitionKey(),
            instance.value().bpmnProcessId(),
            event.id(),
            schedule.dueDate(),
            schedule.repetitions(),
            schedule.interval()));
  }

  private void subscribe(
      ElementInstance instance, ExecutableElement event, String name, String correlationKey) {
    long key = ctx.nextKey();
    ctx.write(
        key,
        ValueType.MESSAGE_SUBSCRIPTION,
        Intent.CREATED,
        new MessageSubscriptionValue(
            instance.processInstanceKey(),
            instance.key(),
            event.id(),
            instance.value().bpmnProcessId(),
            instance.value().processDefinitionKey(),
            name,
            correlationKey,
            event.interrupting(),
            -1,
            Map.of()));
    // a buffered message may be waiting already; correlate it once the element is activated
    ctx.followUp(() -> bpmn.messages().correlateBuffered(key));
  }

  /** Closes the timers and subscriptions an element instance holds. */
  public void close(ElementInstance instance) {
    close(instance, id -> true);
  }

  /**
   * Closes the timers and subscriptions of the event sub-processes of a scope (an interrupting one
   * started), keeping those of the boundary events attached to it.
   */
  public void closeEventSubProcesses(ElementInstance scope) {
    List<String> startEvents = new ArrayList<>();
    for (ExecutableElement eventSubProcess : scope.element().eventSubProcesses()) {
      startEvents.add(eventSubProcess.startEvents().get(0).id());
    }
    if (!startEvents.isEmpty()) {
      close(scope, startEvents::contains);
    }
  }

  private void close(ElementInstance instance, Predicate<String> targets) {
    var state = ctx.state();
    for (long timerKey : state.timers().ofElementInstance(instance.key())) {
      TimerValue timer = state.timers().get(timerKey);
      if (targets.test(timer.targetElementId())) {
        ctx.write(timerKey, ValueType.TIMER, Intent.CANCELED, timer);
      }
    }
    for (long key : state.subscriptions().ofElementInstance(instance.key())) {
      MessageSubscriptionValue subscription = state.subscriptions().get(key);
      if (targets.test(subscription.elementId())) {
        ctx.write(key, ValueType.MESSAGE_SUBSCRIPTION, Intent.DELETED, subscription);
      }
    }
    for (long key : state.signals().ofElementInstance(instance.key())) {
      SignalSubscriptionValue subscription = state.signals().get(key);
      if (targets.test(subscription.catchEventId())) {
        ctx.write(key, ValueType.SIGNAL_SUBSCRIPTION, Intent.DELETED, subscription);
      }
    }
  }

  /**
   * Opens the timer, message and signal start events of a newly deployed version, closing those of
   * the version it replaces. Start event expressions are evaluated now, without variables.
   */
  public Either<Runnable> prepareStartEvents(ExecutableProcess process, ExecutableProcess old) {
    List<Runnable> writes = new ArrayList<>();
    if (old != null) {
      for (long timerKey : ctx.state().timers().ofStartEvents(old.key())) {
        writes.add(
            () ->
                ctx.write(
                    timerKey,
                    ValueType.TIMER,
                    Intent.CANCELED,
                    ctx.state().timers().get(timerKey)));
      }
    }
    for (long key : ctx.state().subscriptions().startSubscriptionsOf(process.bpmnProcessId())) {
      MessageStartSubscriptionValue value = ctx.state().subscriptions().startSubscription(key);
      writes.add(
          () -> ctx.write(key, ValueType.MESSAGE_START_EVENT_SUBSCRIPTION, Intent.DELETED, value));
    }
    for (long key : ctx.state().signals().startEventsOf(process.bpmnProcessId())) {
      SignalSubscriptionValue value = ctx.state().signals().get(key);
      writes.add(() -> ctx.write(key, ValueType.SIGNAL_SUBSCRIPTION, Intent.DELETED, value));
    }
    for (ExecutableElement start : process.startEvents(EventKind.TIMER)) {
      Either<Schedule> schedule =
          TimerSchedules.schedule(
              start.timer(), ctx.expressions(), VariableLookup.EMPTY, ctx.now());
      if (!schedule.isOk()) {
        return Either.fail(schedule.failure());
      }
      writes.add(
          () ->
              ctx.write(
                  ctx.nextKey(),
                  ValueType.TIMER,
                  Intent.CREATED,
                  new TimerValue(
                      -1,
                      -1,
                      process.key(),
                      process.bpmnProcessId(),
                      start.id(),
                      schedule.value().dueDate(),
                      schedule.value().repetitions(),
                      schedule.value().interval())));
    }
    for (ExecutableElement start : process.startEvents(EventKind.MESSAGE)) {
      Either<String> name =
          ctx.expressions().evaluateString(start.messageName(), VariableLookup.EMPTY);
      if (!name.isOk()) {
        return Either.fail(name.failure());
      }
      writes.add(
          () ->
              ctx.write(
                  ctx.nextKey(),
                  ValueType.MESSAGE_START_EVENT_SUBSCRIPTION,
                  Intent.CREATED,
                  new MessageStartSubscriptionValue(
                      process.key(),
                      process.bpmnProcessId(),
                      start.id(),
                      name.value(),
                      -1,
                      -1,
                      "",
                      Map.of())));
    }
    for (ExecutableElement start : process.startEvents(EventKind.SIGNAL)) {
      Either<String> name =
          ctx.expressions().evaluateString(start.signalName(), VariableLookup.EMPTY);
      if (!name.isOk()) {
        return Either.fail(name.failure());
      }
      writes.add(
          () ->
              ctx.write(
                  ctx.nextKey(),
                  ValueType.SIGNAL_SUBSCRIPTION,
                  Intent.CREATED,
                  new SignalSubscriptionValue(
                      name.value(),
                      process.key(),
                      process.bpmnProcessId(),
                      start.id(),
                      -1,
                      -1,
                      true)));
    }
    return Either.ok(() -> writes.forEach(Runnable::run));
  }
}
