package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.ElementType;
import fr.secondevie.engine.model.ExecutableElement;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.record.CompensationSubscriptionValue;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.CompensationState.Subscription;
import fr.secondevie.engine.state.ElementInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compensation, as the Camunda 8.8 "Compensation events" and "Compensation handler" pages describe
 * it. When an activity with a compensation boundary event completes, a subscription remembers it
 * (one per completion); so does a completed embedded sub-process, ad-hoc sub-process or
 * multi-instance body that holds subscriptions (a multi-instance activity is thus compensated once,
 * and only if its body completed). A compensation intermediate throw or end event triggers the
 * subscriptions of its scope (for a throw event inside an event sub-process, the scope around it),
 * all at once or only those of its {@code activityRef}, and those inside the completed
 * sub-processes among them, recursively: each subscription's boundary event is activated and
 * completed, then its handler is activated beside the throw event. The throw event stays active
 * until every handler it invoked completed (it always waits, as Camunda does); with nothing to
 * compensate it completes at once. A subscription is triggered at most once; subscriptions of
 * active or terminated activities do not exist, and none cross a call activity.
 */
final class CompensationBehavior {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  CompensationBehavior(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /** An element is about to be completed: remembers it if it can be compensated. */
  void completing(ElementInstance instance) {
    ElementInstance scope = instance.flowScope();
    if (scope == null) {
      return;
    }
    ExecutableElement element = instance.element();
    ExecutableElement boundary = element.compensationBoundaryEvent();
    if (boundary == null && !(isScope(element) && hasSubscriptionsIn(instance))) {
      return;
    }
    ctx.write(
        ctx.nextKey(),
        ValueType.COMPENSATION_SUBSCRIPTION,
        Intent.CREATED,
        new CompensationSubscriptionValue(
            instance.processInstanceKey(),
            instance.value().processDefinitionKey(),
            element.id(),
            instance.key(),
            scope.key(),
            boundary == null || boundary.compensationHandler() == null
                ? null
                : boundary.compensationHandler().id(),
            -1,
            -1));
  }

  private static boolean isScope(ExecutableElement element) {
    return element.type() == ElementType.SUB_PROCESS
        || element.type() == ElementType.MULTI_INSTANCE_BODY
        || element.type() == ElementType.AD_HOC_SUB_PROCESS
        || element.type() == ElementType.AD_HOC_SUB_PROCESS_INNER_INSTANCE;
  }

  private boolean hasSubscriptionsIn(ElementInstance scope) {
    return subscriptions(scope).stream()
        .anyMatch(s -> s.value().compensableActivityScopeKey() == scope.key());
  }

  private List<Subscription> subscriptions(ElementInstance instance) {
    return ctx.state().compensations().of(instance.processInstanceKey());
  }

  /**
   * A compensation throw or end event is active: triggers the compensation of its scope. Returns
   * whether a subscription was triggered (the event then waits for the handlers).
   */
  boolean trigger(ElementInstance thrower) {
    ElementInstance throwScope = thrower.flowScope();
    ElementInstance scope = throwScope;
    if (scope.element().type() == ElementType.EVENT_SUB_PROCESS && scope.flowScope() != null) {
      scope = scope.flowScope();
    }
    List<Subscription> waiting =
        subscriptions(thrower).stream().filter(s -> !s.value().isTriggered()).toList();
    ExecutableElement activity = thrower.element().compensationActivity();
    List<Subscription> triggered = new ArrayList<>();
    for (Subscription subscription : waiting) {
      if (subscription.value().compensableActivityScopeKey() == scope.key()
          && (activity == null
              || activity.id().equals(subscription.value().compensableActivityId()))) {
        collect(subscription, waiting, triggered);
      }
    }
    if (triggered.isEmpty()) {
      return false;
    }
    // all are marked first, so that a handler completing at once does not end the wait early
    for (Subscription subscription : triggered) {
      ctx.write(
          subscription.key(),
          ValueType.COMPENSATION_SUBSCRIPTION,
          Intent.TRIGGERED,
          subscription.value().triggered(thrower.key(), -1));
    }
    for (Subscription subscription : triggered) {
      if (subscription.value().compensationHandlerId() != null) {
        invokeHandler(thrower, throwScope, subscription);
      }
    }
    return true;
  }

  /** The subscription and, below it, those of the scope it stands for, recursively. */
  private static void collect(
      Subscription subscription, List<Subscription> waiting, List<Subscription> into) {
    into.add(subscription);
    for (Subscription inner : waiting) {
      if (inner.value().compensableActivityScopeKey()
          == subscription.value().compensableActivityInstanceKey()) {
        collect(inner, waiting, into);
      }
    }
  }

  private void invokeHandler(
      ElementInstance thrower, ElementInstance throwScope, Subscription subscription) {
    ExecutableElement activity =
        thrower.element().process().element(subscription.value().compensableActivityId());
    ExecutableElement boundary = activity.compensationBoundaryEvent();
    bpmn.lifecycle().activate(boundary, throwScope, Map.of());
    bpmn.lifecycle()
        .activate(
            boundary.compensationHandler(),
            throwScope,
            Map.of(),
            handler ->
                ctx.write(
                    subscription.key(),
                    ValueType.COMPENSATION_SUBSCRIPTION,
                    Intent.TRIGGERED,
                    subscription.value().triggered(thrower.key(), handler.key())));
  }

  /**
   * An element completed: if it is a compensation handler, its subscription is done, then the
   * sub-processes whose handlers are all done; once nothing the throw event invoked is left, the
   * throw event completes.
   */
  void completed(ElementInstance instance) {
    Subscription done = null;
    for (Subscription subscription : subscriptions(instance)) {
      if (subscription.value().compensationHandlerInstanceKey() == instance.key()) {
        done = subscription;
      }
    }
    if (done == null) {
      return;
    }
    complete(done);
    completeScopes(instance, done.value().compensableActivityScopeKey());
    long throwEventKey = done.value().throwEventInstanceKey();
    boolean waiting =
        subscriptions(instance).stream()
            .anyMatch(s -> s.value().throwEventInstanceKey() == throwEventKey);
    if (!waiting) {
      ctx.followUp(
          () -> {
            ElementInstance thrower = ctx.state().instances().get(throwEventKey);
            if (thrower != null && thrower.isActive()) {
              bpmn.lifecycle().complete(thrower);
            }
          });
    }
  }

  /** A scope's subscription (without handler of its own) is done once nothing inside is left. */
  private void completeScopes(ElementInstance instance, long scopeKey) {
    List<Subscription> subscriptions = subscriptions(instance);
    if (subscriptions.stream().anyMatch(s -> s.value().compensableActivityScopeKey() == scopeKey)) {
      return;
    }
    for (Subscription subscription : subscriptions) {
      if (subscription.value().compensableActivityInstanceKey() == scopeKey
          && subscription.value().isTriggered()
          && subscription.value().compensationHandlerId() == null) {
        complete(subscription);
        completeScopes(instance, subscription.value().compensableActivityScopeKey());
        return;
      }
    }
  }

  private void complete(Subscription subscription) {
    ctx.write(
        subscription.key(),
        ValueType.COMPENSATION_SUBSCRIPTION,
        Intent.COMPLETED,
        subscription.value());
  }

  /**
   * An element was terminated: the subscriptions of what completed inside it can no longer be
   * triggered, nor can the subscription of a handler that was running; they are deleted.
   */
  void terminated(ElementInstance instance) {
    List<Subscription> subscriptions = subscriptions(instance);
    if (subscriptions.isEmpty()) {
      return;
    }
    List<Subscription> gone = new ArrayList<>();
    for (Subscription subscription : subscriptions) {
      if (subscription.value().compensationHandlerInstanceKey() == instance.key()) {
        gone.add(subscription);
      } else if (subscription.value().compensableActivityScopeKey() == instance.key()) {
        collect(subscription, subscriptions, gone);
      }
    }
    for (Subscription subscription : gone) {
      ctx.write(
          subscription.key(),
          ValueType.COMPENSATION_SUBSCRIPTION,
          Intent.DELETED,
          subscription.value());
    }
  }
}
