package fr.secondevie.reconditioning;

import java.util.Map;

/**
 * Tells the asset's process that its refurbishment is over (message {@code
 * ReconditioningCompleted}); implemented with the Camunda client ({@link
 * CamundaCompletionMessages}). Publishing twice is harmless (message id per order).
 */
interface CompletionMessages {

  void publish(long orderId, long assetId, Map<String, Object> variables);
}
