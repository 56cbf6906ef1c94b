package fr.secondevie.engine.record;

/**
 * A completed activity that can be compensated: written CREATED when an activity with a
 * compensation boundary event completes (or a sub-process or multi-instance body holding such
 * subscriptions), TRIGGERED when a compensation throw or end event invokes its handler, COMPLETED
 * when the handler (or, for a scope, every handler inside it) completed.
 *
 * @param compensableActivityId the completed activity (or scope)
 * @param compensableActivityInstanceKey its element instance
 * @param compensableActivityScopeKey the element instance of its flow scope
 * @param compensationHandlerId the handler of its compensation boundary event, or {@code null}
 * @param throwEventInstanceKey the compensation throw or end event that triggered it, or -1
 * @param compensationHandlerInstanceKey the handler's element instance once invoked, or -1
 */
public record CompensationSubscriptionValue(
    long processInstanceKey,
    long processDefinitionKey,
    String compensableActivityId,
    long compensableActivityInstanceKey,
    long compensableActivityScopeKey,
    String compensationHandlerId,
    long throwEventInstanceKey,
    long compensationHandlerInstanceKey)
    implements RecordValue {

  public boolean isTriggered() {
    return throwEventInstanceKey >= 0;
  }

  public CompensationSubscriptionValue triggered(long throwEventKey, long handlerInstanceKey) {
    return new CompensationSubscriptionValue(
        processInstanceKey,
        processDefinitionKey,
        compensableActivityId,
        compensableActivityInstanceKey,
        compensableActivityScopeKey,
        compensationHandlerId,
        throwEventKey,
        handlerInstanceKey);
  }
}
