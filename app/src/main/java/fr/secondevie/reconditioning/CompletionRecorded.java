package fr.secondevie.reconditioning;

/**
 * A workshop's report was recorded on a reconditioning order: {@code ReconditioningCompleted} is to
 * be published to the asset's process ({@link CompletionListener}). Published once per order, in
 * the transaction that completes it.
 */
record CompletionRecorded(long orderId) {}
