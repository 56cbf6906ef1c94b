package fr.secondevie.recycling;

import static fr.secondevie.recycling.LotCommands.lot;
import static fr.secondevie.recycling.LotCommands.now;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.notification.OutgoingMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order command of a closed lot: generate the order (PDF), cite it in the chain of custody of
 * every asset, and e-mail it to the company after the commit. Idempotent: a second call sends and
 * stores nothing again.
 */
@Service
class LotOrdering {

  static final String ACTOR = "worker:dismantling.send-order";

  private final AdaptedCompanyRepository companies;
  private final DismantlingLotRepository lots;
  private final InventoryService inventory;
  private final DocumentService documents;
  private final NotificationService notifications;
  private final OrderRenderer orders;
  private final TransactionTemplate tx;
  private final Clock clock;

  LotOrdering(
      AdaptedCompanyRepository companies,
      DismantlingLotRepository lots,
      InventoryService inventory,
      DocumentService documents,
      NotificationService notifications,
      OrderRenderer orders,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.companies = companies;
    this.lots = lots;
    this.inventory = inventory;
    this.documents = documents;
    this.notifications = notifications;
    this.orders = orders;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** The order sent to the company (process variable {@code dismantlingOrder}). */
  record Order(String orderId, String documentRef, Instant sentAt) {}

  /**
   * Generates the order (PDF), cites it in the chain of custody of every asset of the lot, and
   * e-mails it to the company. A second call sends and stores nothing again.
   */
  public Order sendOrder(long lotId, long adaptedCompanyId, String operationId) {
    DismantlingLot lot =
        tx.execute(
            status -> {
              lots.lock(lotId);
              DismantlingLot l = lot(lots, lotId);
              if (l.companyId() != adaptedCompanyId) {
                throw new IllegalArgumentException(
                    "Expected company %d for lot %s but got %d"
                        .formatted(l.companyId(), l.number(), adaptedCompanyId));
              }
              if (l.orderDocumentId() != null) {
                return l;
              }
              if (l.status() != LotStatus.CLOSED) {
                throw new IllegalStateException(
                    "Expected a closed lot to order its pickup but lot "
                        + l.number()
                        + " is "
                        + l.status());
              }
              AdaptedCompany company = companies.findById(l.companyId()).orElseThrow();
              Instant now = now(clock);
              String orderNumber = "BE-" + l.number();
              StoredDocument stored =
                  documents.store(
                      NewDocument.pdf(
                          DocumentKind.DISMANTLING_ORDER,
                          "bon-enlevement-" + l.number() + ".pdf",
                          orders.render(l, company, orderNumber, now),
                          "dismantling-lot:" + l.id(),
                          ACTOR));
              l.orderSent(orderNumber, stored.publicId(), now);
              for (LotAsset a : l.assets()) {
                inventory.appendCustody(
                    new AppendCustody(
                        a.inventoryNumber(),
                        CustodyAction.EVIDENCE,
                        ACTOR,
                        "Bon d'enlèvement %s du lot %s envoyé à « %s » (%s)"
                            .formatted(orderNumber, l.number(), company.name(), company.email()),
                        stored.evidence(),
                        operationId));
              }
              lots.writeOrder(l);
              return l;
            });
    AdaptedCompany company = companies.findById(lot.companyId()).orElseThrow();
    notifications.send(
        new OutgoingMessage(
            "dismantling-order:" + lot.id(),
            company.email(),
            "Bon d'enlèvement %s — lot %s (%d équipements)"
                .formatted(lot.orderNumber(), lot.number(), lot.assetCount()),
            orders.emailBody(lot, company),
            List.of(lot.orderDocumentId())));
    return new Order(lot.orderNumber(), lot.orderDocumentId(), lot.orderSentAt());
  }
}
