package fr.secondevie.purchasing;

import static fr.secondevie.purchasing.PurchaseCommands.person;
import static fr.secondevie.purchasing.PurchaseCommands.request;
import static fr.secondevie.purchasing.PurchaseCommands.supplierEmail;
import static fr.secondevie.purchasing.PurchaseCommands.today;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.notification.OutgoingMessage;
import fr.secondevie.suppliers.SupplierDirectory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order commands of P5: order the selected offer (the order, its PDF and the e-mail to the
 * supplier after the commit; a second call returns the first order) and remind the supplier of a
 * late delivery (once per job operation id).
 */
@Service
class PurchaseOrdering {

  private final PurchaseRequestRepository requests;
  private final PurchaseOfferRepository offers;
  private final PurchaseOrderRepository orders;
  private final SupplierDirectory suppliers;
  private final DocumentService documents;
  private final NotificationService notifications;
  private final PurchaseOrderRenderer renderer;
  private final TransactionTemplate transactions;
  private final Clock clock;

  PurchaseOrdering(
      PurchaseRequestRepository requests,
      PurchaseOfferRepository offers,
      PurchaseOrderRepository orders,
      SupplierDirectory suppliers,
      DocumentService documents,
      NotificationService notifications,
      PurchaseOrderRenderer renderer,
      TransactionTemplate transactions,
      Clock clock) {
    this.requests = requests;
    this.offers = offers;
    this.orders = orders;
    this.suppliers = suppliers;
    this.documents = documents;
    this.notifications = notifications;
    this.renderer = renderer;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Orders the offer of the selected rank: the order (reference {@code BC-<year>-<request>}), its
   * PDF and the e-mail to the supplier's first contact when the registry knows one. A second call
   * returns the order placed by the first.
   */
  PurchaseOrder placeOrder(
      long requestId,
      Integer rank,
      String reason,
      String operationId,
      Optional<CompletedBy> selectedBy) {
    Optional<PurchaseOrder> placed = orders.orderOf(requestId);
    if (placed.isPresent()) {
      return placed.get();
    }
    PurchaseRequest request = request(requests, requestId);
    Map<String, String> errors = new LinkedHashMap<>();
    List<Offer> ranked = offers.offers(requestId);
    Offer offer =
        rank == null
            ? null
            : ranked.stream().filter(o -> o.rank() == rank).findFirst().orElse(null);
    if (offer == null) {
      errors.put(
          "selectedRank", "Choisissez le rang d'une offre classée (1 à " + ranked.size() + ").");
    }
    if (reason == null || reason.strip().length() < 5) {
      errors.put("selectionReason", "Motivez le choix de l'offre.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    LocalDate today = today(clock);
    String reference = "BC-%d-%05d".formatted(today.getYear(), requestId);
    PurchaseOrder order =
        transactions.execute(
            tx -> {
              // the same job delivered twice at once: the second waits here, then finds the order
              requests.lockRequest(requestId);
              Optional<PurchaseOrder> already = orders.orderOf(requestId);
              if (already.isPresent()) {
                return already.get();
              }
              orders.insertOrder(
                  requestId,
                  reference,
                  offer.id(),
                  reason.strip(),
                  request.remainingQuantity(),
                  today,
                  today.plusDays(offer.deliveryDays()),
                  person(selectedBy));
              PurchaseOrder inserted = orders.orderOf(requestId).orElseThrow();
              String documentId =
                  documents
                      .store(
                          NewDocument.pdf(
                              DocumentKind.PURCHASE_ORDER,
                              reference + ".pdf",
                              renderer.render(request, inserted, offer),
                              "purchase-order:" + inserted.id(),
                              "worker:purchasing.place-order"))
                      .publicId();
              orders.writeOrderDocument(inserted.id(), documentId);
              requests.writeStatus(requestId, RequestStatus.ORDERED);
              return orders.orderOf(requestId).orElseThrow();
            });
    supplierEmail(suppliers, offer)
        .ifPresent(
            email ->
                notifications.send(
                    new OutgoingMessage(
                        "purchase-order:" + order.id(),
                        email,
                        "Bon de commande " + reference,
                        renderer.emailBody(request, order, offer),
                        List.of(order.documentId()))));
    return order;
  }

  /**
   * Reminds the supplier when the promised delivery date has passed and the order is not received.
   * The operation id (the reminder's job) makes a job delivered twice remind once.
   *
   * @return the days late, 0 when not late
   */
  long checkDelivery(long requestId, String operationId) {
    PurchaseOrder order = orders.orderOf(requestId).orElse(null);
    if (order == null || !order.awaitsDelivery()) {
      return 0;
    }
    long late = ChronoUnit.DAYS.between(order.expectedBy(), today(clock));
    if (late <= 0) {
      return 0;
    }
    Offer offer = offers.offer(order.offerId()).orElseThrow();
    Optional<String> email = supplierEmail(suppliers, offer);
    if (email.isPresent()) {
      notifications.send(
          new OutgoingMessage(
              "purchase-delivery-reminder:" + operationId,
              email.get(),
              "Commande " + order.reference() + " : livraison en retard",
              renderer.reminderBody(order, late),
              List.of()));
    }
    orders.countReminder(order.id(), operationId);
    return late;
  }
}
