package fr.secondevie.reconditioning;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code ReconditioningCompleted} after the completion's commit, then notes when on the
 * order ("Processus prévenu"). A failed publication stays incomplete in the event publication
 * registry: submitted again at the next start, on schedule, or from the order's page. The order's
 * row lock makes it once per order, even when a publication is submitted again while it runs.
 */
@Component
class CompletionListener {

  private final ReconditioningOrderRepository orders;
  private final CompletionMessages messages;
  private final Clock clock;

  CompletionListener(
      ReconditioningOrderRepository orders, CompletionMessages messages, Clock clock) {
    this.orders = orders;
    this.messages = messages;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(CompletionRecorded recorded) {
    orders.lock(recorded.orderId());
    ReconditioningOrder order =
        orders
            .findById(recorded.orderId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Expected order " + recorded.orderId() + " to publish but found none"));
    if (order.messagePublishedAt() != null) {
      return; // told already: a publication submitted again while the first one ran
    }
    messages.publish(order.id(), order.assetId(), ReconditioningService.variables(order));
    order.published(clock.instant().truncatedTo(ChronoUnit.MICROS));
    orders.save(order);
  }
}
