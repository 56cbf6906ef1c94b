package fr.secondevie.engine.processing.bpmn;

import fr.secondevie.engine.model.ExecutableProcess;
import fr.secondevie.engine.processing.EngineContext;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.MessageStartSubscriptionValue;
import fr.secondevie.engine.record.MessageSubscriptionValue;
import fr.secondevie.engine.record.MessageValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.ElementInstance;
import fr.secondevie.engine.state.MessageState;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Message correlation as Camunda documents it: by name and correlation key; a message correlates at
 * most once per BPMN process id (across versions and instances); message start events create one
 * instance per message, and no second one while an instance started with the same correlation key
 * is active; a new subscription takes the oldest buffered message.
 */
public final class MessageCorrelator {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  MessageCorrelator(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  /** Correlates a message just published to start events and open subscriptions. */
  public void correlatePublished(long messageKey, MessageValue message) {
    Set<String> correlated = new HashSet<>();
    for (var start : ctx.state().subscriptions().startSubscriptions(message.name())) {
      MessageStartSubscriptionValue subscription = start.getValue();
      if (!correlated.contains(subscription.bpmnProcessId())
          && canStart(subscription.bpmnProcessId(), message.correlationKey())) {
        start(start.getKey(), subscription, messageKey, message);
        correlated.add(subscription.bpmnProcessId());
      }
    }
    for (var entry :
        ctx.state().subscriptions().matching(message.name(), message.correlationKey())) {
      MessageSubscriptionValue subscription = entry.getValue();
      if (!correlated.contains(subscription.bpmnProcessId()) && isWaiting(subscription)) {
        correlate(entry.getKey(), subscription, messageKey, message.variables());
        correlated.add(subscription.bpmnProcessId());
      }
    }
  }

  /** A subscription was opened: it takes the oldest buffered message it may take. */
  public void correlateBuffered(long subscriptionKey) {
    MessageSubscriptionValue subscription = ctx.state().subscriptions().get(subscriptionKey);
    if (subscription == null || !isWaiting(subscription)) {
      return;
    }
    List<MessageState.Buffered> buffered =
        ctx.state().messages().buffered(subscription.messageName(), subscription.correlationKey());
    for (MessageState.Buffered message : buffered) {
      if (!message.correlatedProcessIds().contains(subscription.bpmnProcessId())) {
        correlate(subscriptionKey, subscription, message.key(), message.value().variables());
        return;
      }
    }
  }

  /**
   * An instance started by a message with a correlation key ended: a buffered message with that key
   * may now start the next one.
   */
  public void startBufferedAfter(String bpmnProcessId, String correlationKey) {
    ExecutableProcess latest = ctx.state().definitions().latestProcess(bpmnProcessId);
    if (latest == null) {
      return;
    }
    for (long key : ctx.state().subscriptions().startSubscriptionsOf(bpmnProcessId)) {
      MessageStartSubscriptionValue subscription =
          ctx.state().subscriptions().startSubscription(key);
      for (MessageState.Buffered message :
          ctx.state().messages().buffered(subscription.messageName(), correlationKey)) {
        if (!message.correlatedProcessIds().contains(bpmnProcessId)) {
          start(key, subscription, message.key(), message.value());
          return;
        }
      }
    }
  }

  private boolean canStart(String bpmnProcessId, String correlationKey) {
    return correlationKey == null
        || correlationKey.isEmpty()
        || !ctx.state().messages().hasActiveInstanceStartedWith(bpmnProcessId, correlationKey);
  }

  private boolean isWaiting(MessageSubscriptionValue subscription) {
    ElementInstance instance = ctx.state().instances().get(subscription.elementInstanceKey());
    return instance != null && instance.isActive();
  }

  private void correlate(
      long subscriptionKey,
      MessageSubscriptionValue subscription,
      long messageKey,
      Map<String, Object> variables) {
    MessageSubscriptionValue correlated = subscription.correlated(messageKey, variables);
    ctx.write(subscriptionKey, ValueType.MESSAGE_SUBSCRIPTION, Intent.CORRELATED, correlated);
    bpmn.triggers().messageCorrelated(correlated, variables);
  }

  private void start(
      long subscriptionKey,
      MessageStartSubscriptionValue subscription,
      long messageKey,
      MessageValue message) {
    ExecutableProcess process =
        ctx.state().definitions().process(subscription.processDefinitionKey());
    ElementInstance root =
        bpmn.creator()
            .create(process, process.element(subscription.startEventId()), message.variables());
    ctx.write(
        subscriptionKey,
        ValueType.MESSAGE_START_EVENT_SUBSCRIPTION,
        Intent.CORRELATED,
        new MessageStartSubscriptionValue(
            subscription.processDefinitionKey(),
            subscription.bpmnProcessId(),
            subscription.startEventId(),
            subscription.messageName(),
            messageKey,
            root.key(),
            message.correlationKey() == null ? "" : message.correlationKey(),
            message.variables()));
  }
}
