package fr.secondevie.purchasing;

import static fr.secondevie.purchasing.PurchaseCommands.blankToNull;
import static fr.secondevie.purchasing.PurchaseCommands.person;
import static fr.secondevie.purchasing.PurchaseCommands.request;
import static fr.secondevie.purchasing.PurchaseCommands.supplierEmail;
import static fr.secondevie.purchasing.PurchaseCommands.today;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.notification.OutgoingMessage;
import fr.secondevie.suppliers.SupplierDirectory;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The replacement command of P5, after a partial delivery: ask the supplier to replace the units
 * still due (e-mail after the commit), or close the order short and publish its spend; once per job
 * operation id.
 */
@Service
class ReplacementDecisions {

  private final PurchaseRequestRepository requests;
  private final PurchaseOfferRepository offers;
  private final PurchaseOrderRepository orders;
  private final PurchaseUnitRepository units;
  private final PurchaseSpend spend;
  private final SupplierDirectory suppliers;
  private final NotificationService notifications;
  private final PurchaseOrderRenderer renderer;
  private final TransactionTemplate transactions;
  private final Clock clock;

  ReplacementDecisions(
      PurchaseRequestRepository requests,
      PurchaseOfferRepository offers,
      PurchaseOrderRepository orders,
      PurchaseUnitRepository units,
      PurchaseSpend spend,
      SupplierDirectory suppliers,
      NotificationService notifications,
      PurchaseOrderRenderer renderer,
      TransactionTemplate transactions,
      Clock clock) {
    this.requests = requests;
    this.offers = offers;
    this.orders = orders;
    this.units = units;
    this.spend = spend;
    this.suppliers = suppliers;
    this.notifications = notifications;
    this.renderer = renderer;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * The buyer's decision on the units still due after a delivery: the supplier is asked by e-mail
   * to replace them on the same order (new promised date; the reception starts again), or the order
   * is closed with the units received and its spend published. The same operation twice decides
   * once.
   */
  void recordReplacementDecision(
      long requestId,
      boolean replace,
      String comment,
      Optional<CompletedBy> decidedBy,
      String operationId) {
    PurchaseRequest request = request(requests, requestId);
    PurchaseOrder order = orders.orderOf(requestId).orElseThrow();
    Offer offer = offers.offer(order.offerId()).orElseThrow();
    boolean mail =
        transactions.execute(
            tx -> {
              requests.lockRequest(requestId);
              PurchaseOrder current = orders.orderOf(requestId).orElseThrow();
              if (operationId.equals(current.lastReplacementOperation())
                  || !PurchaseOrder.PARTIALLY_RECEIVED.equals(current.status())) {
                return replace && operationId.equals(current.lastReplacementOperation());
              }
              if (replace) {
                orders.writeReplacementRequested(
                    order.id(), today(clock).plusDays(offer.deliveryDays()), operationId);
                return true;
              }
              orders.writeClosed(
                  order.id(),
                  blankToNull(comment) == null ? "Close sans motif" : comment.strip(),
                  person(decidedBy),
                  operationId);
              requests.writeStatus(requestId, RequestStatus.CLOSED_SHORT);
              spend.publish(request, current, offer, current.receivedOn(), current.accepted());
              return false;
            });
    if (mail) {
      PurchaseOrder asked = orders.orderOf(requestId).orElseThrow();
      supplierEmail(suppliers, offer)
          .ifPresent(
              email ->
                  notifications.send(
                      new OutgoingMessage(
                          "purchase-replacement:" + operationId,
                          email,
                          "Commande " + asked.reference() + " : unités à remplacer",
                          renderer.replacementBody(asked, units.units(asked.id()), comment),
                          List.of())));
    }
  }
}
