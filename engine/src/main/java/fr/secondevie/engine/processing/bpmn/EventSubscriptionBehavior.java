package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.feel.VariableLookup;
import fr.secondevie.engine.model.EventKind;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.processing.behavior.TimerSchedules;
import fr.secondevie.engine.processing.behavior.TimerSchedules.Schedule;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.MessageStartSubscriptionValue;
import fr.secondevie.engine.record.MessageSubscriptionValue;
import fr.secondevie.engine.record.TimerValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.util.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Opens and closes what an element waits for: timers and message subscriptions of catch events,
 * receive tasks and boundary events, and the start events of deployed processes. Everything is
 * evaluated first and written after, so a failing expression opens nothing.
 */
public final class EventSubscriptionBehavior {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  EventSubscriptionBehavior(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /**
   * Opens the subscriptions of the boundary events attached to an element and, for a catch event or
   * a receive task, its own.
   */
  public Either<Void> open(ElementInstance instance, boolean includeOwn) {
    List<ExecutableElement> events = new ArrayList<>();
    if (includeOwn) {
      events.add(instance.element());
    }
    events.addAll(instance.element().boundaryEvents());
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
    for (long timerKey : ctx.state().timers().ofElementInstance(instance.key())) {
      ctx.write(timerKey, ValueType.TIMER, Intent.CANCELED, ctx.state().timers().get(timerKey));
    }
    for (long key : ctx.state().subscriptions().ofElementInstance(instance.key())) {
      ctx.write(
          key,
          ValueType.MESSAGE_SUBSCRIPTION,
          Intent.DELETED,
          ctx.state().subscriptions().get(key));
    }
  }

  /**
   * Opens the timer and message start events of a newly deployed version, closing those of the
   * version it replaces. Start event expressions are evaluated now, without variables.
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
    return Either.ok(() -> writes.forEach(Runnable::run));
  }
}
