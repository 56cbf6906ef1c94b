package fr.secondevie.purchasing;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The spend command of P5: an order settled (received in full, or closed with the units received)
 * publishes its spend as {@link PurchaseOrderReceived}, in the caller's transaction, which the
 * indicators write to the spend ledger.
 */
@Component
class PurchaseSpend {

  private final ApplicationEventPublisher events;

  PurchaseSpend(ApplicationEventPublisher events) {
    this.events = events;
  }

  /** The order's spend, once, when it is settled: the units accepted over all its deliveries. */
  void publish(PurchaseRequest request, PurchaseOrder order, Offer offer, LocalDate on, int units) {
    if (units == 0) {
      return;
    }
    events.publishEvent(
        new PurchaseOrderReceived(
            order.reference(),
            on,
            offer.supplierName(),
            "%s : %d × %s %s (demande %s)"
                .formatted(
                    order.reference(),
                    units,
                    request.category().label().toLowerCase(Locale.FRENCH),
                    offer.reconditioned() ? "reconditionné(s)" : "neuf(s)",
                    request.reference()),
            offer.unitPriceCents() * units,
            offer.reconditioned()));
  }
}
