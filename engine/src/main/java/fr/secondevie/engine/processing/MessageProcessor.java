package fr.secondevie.engine.processing;

import fr.secondevie.engine.processing.bpmn.BpmnBehaviors;
import fr.secondevie.engine.record.Intent;
import fr.secondevie.engine.record.MessageStartSubscriptionValue;
import fr.secondevie.engine.record.MessageSubscriptionValue;
import fr.secondevie.engine.record.MessageValue;
import fr.secondevie.engine.record.ValueType;
import fr.secondevie.engine.state.MessageState;
import java.util.Map;

/** Publishes messages (buffered for their time-to-live) and expires them. */
final class MessageProcessor {

  private final EngineContext ctx;
  private final BpmnBehaviors bpmn;

  MessageProcessor(EngineContext ctx, BpmnBehaviors bpmn) {
    this.ctx = ctx;
    this.bpmn = bpmn;
  }

  Result<Long> publish(
      String name,
      String correlationKey,
      long timeToLive,
      String messageId,
      Map<String, Object> variables) {
    if (name == null || name.isBlank()) {
      return Result.rejected(
          RejectionType.INVALID_ARGUMENT, "Expected a message name, but it was blank");
    }
    String key = correlationKey == null ? "" : correlationKey;
    String id = messageId == null ? "" : messageId;
    if (!id.isEmpty() && ctx.state().messages().existsWithId(name, key, id)) {
      return Result.rejected(
          RejectionType.ALREADY_EXISTS,
          "Expected to publish a new message with id '"
              + id
              + "', but a message with that id was already published");
    }
    long ttl = Math.max(0, timeToLive);
    long messageKey = ctx.nextKey();
    MessageValue message = new MessageValue(name, key, ttl, id, variables, ctx.now() + ttl);
    ctx.write(messageKey, ValueType.MESSAGE, Intent.PUBLISHED, message);
    bpmn.messages().correlatePublished(messageKey, message);
    return Result.ok(messageKey);
  }

  /**
   * Correlates a message without buffering it (the REST {@code /messages/correlation}): rejected
   * NOT_FOUND when no start event or waiting subscription matches; otherwise answers the message
   * key and the first process instance the message correlated with (started or continued).
   */
  Result<MessageCorrelation> correlate(
      String name, String correlationKey, Map<String, Object> variables) {
    if (name == null || name.isBlank()) {
      return Result.rejected(
          RejectionType.INVALID_ARGUMENT, "Expected a message name, but it was blank");
    }
    String key = correlationKey == null ? "" : correlationKey;
    if (!hasReceiver(name, key)) {
      return Result.rejected(
          RejectionType.NOT_FOUND,
          "Expected to find subscription for message with name '"
              + name
              + "' and correlation key '"
              + key
              + "', but none was found.");
    }
    long from = ctx.store().lastPosition();
    long messageKey = ctx.nextKey();
    MessageValue message = new MessageValue(name, key, 0, "", variables, ctx.now());
    ctx.write(messageKey, ValueType.MESSAGE, Intent.PUBLISHED, message);
    bpmn.messages().correlatePublished(messageKey, message);
    long[] processInstanceKey = {-1};
    ctx.store()
        .forEach(
            from + 1,
            record -> {
              if (processInstanceKey[0] >= 0 || record.intent() != Intent.CORRELATED) {
                return;
              }
              if (record.value() instanceof MessageSubscriptionValue subscription
                  && subscription.messageKey() == messageKey) {
                processInstanceKey[0] = subscription.processInstanceKey();
              } else if (record.value() instanceof MessageStartSubscriptionValue start
                  && start.messageKey() == messageKey) {
                processInstanceKey[0] = start.processInstanceKey();
              }
            });
    return Result.ok(new MessageCorrelation(messageKey, processInstanceKey[0]));
  }

  private boolean hasReceiver(String name, String correlationKey) {
    for (var start : ctx.state().subscriptions().startSubscriptions(name)) {
      if (correlationKey.isEmpty()
          || !ctx.state()
              .messages()
              .hasActiveInstanceStartedWith(start.getValue().bpmnProcessId(), correlationKey)) {
        return true;
      }
    }
    for (var entry : ctx.state().subscriptions().matching(name, correlationKey)) {
      var instance = ctx.state().instances().get(entry.getValue().elementInstanceKey());
      if (instance != null && instance.isActive()) {
        return true;
      }
    }
    return false;
  }

  void expire(long messageKey) {
    MessageState.Buffered message = ctx.state().messages().get(messageKey);
    if (message != null) {
      ctx.write(messageKey, ValueType.MESSAGE, Intent.EXPIRED, message.value());
    }
  }
}
