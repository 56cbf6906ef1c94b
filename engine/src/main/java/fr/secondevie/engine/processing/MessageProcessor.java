package fr.secondevie.engine.processing;

import fr.secondevie.engine.processing.bpmn.BpmnBehaviors;
import fr.secondevie.engine.record.Intent;
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

  void expire(long messageKey) {
    MessageState.Buffered message = ctx.state().messages().get(messageKey);
    if (message != null) {
      ctx.write(messageKey, ValueType.MESSAGE, Intent.EXPIRED, message.value());
    }
  }
}
