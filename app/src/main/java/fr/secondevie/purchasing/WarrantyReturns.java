package fr.secondevie.purchasing;

import static fr.secondevie.purchasing.PurchaseCommands.choice;
import static fr.secondevie.purchasing.PurchaseCommands.text;
import static fr.secondevie.purchasing.PurchaseCommands.today;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The warranty-return command of P5: a unit the order delivered goes back to its supplier under
 * warranty; the return and the unit's custody entry are written in one transaction.
 */
@Service
class WarrantyReturns {

  private final PurchaseOfferRepository offers;
  private final PurchaseOrderRepository orders;
  private final PurchaseUnitRepository units;
  private final InventoryService inventory;
  private final TransactionTemplate transactions;
  private final Clock clock;

  WarrantyReturns(
      PurchaseOfferRepository offers,
      PurchaseOrderRepository orders,
      PurchaseUnitRepository units,
      InventoryService inventory,
      TransactionTemplate transactions,
      Clock clock) {
    this.offers = offers;
    this.orders = orders;
    this.units = units;
    this.inventory = inventory;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** A warranty return as typed on the request's page. */
  record WarrantyReturnInput(
      String inventoryNumber, LocalDate returnedOn, String remedy, String reason) {}

  /**
   * Records that a unit of the request's order went back to its supplier under warranty: the return
   * against the order and a hand-over entry in the unit's chain of custody, in one transaction. The
   * unit must be one the order delivered, still under warranty on the return date.
   */
  WarrantyReturn recordWarrantyReturn(long requestId, WarrantyReturnInput in, String user) {
    PurchaseOrder order =
        orders
            .orderOf(requestId)
            .filter(o -> o.accepted() > 0)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "order", "Cette demande n'a pas d'unité réceptionnée."));
    Offer offer = offers.offer(order.offerId()).orElseThrow();
    Map<String, String> errors = new LinkedHashMap<>();
    String number = in.inventoryNumber() == null ? "" : in.inventoryNumber().strip();
    Optional<ReceptionUnit> unit =
        units.units(order.id()).stream()
            .filter(u -> u.accepted() && number.equals(u.inventoryNumber()))
            .findFirst();
    Asset asset = unit.flatMap(u -> inventory.findByInventoryNumber(number)).orElse(null);
    if (asset == null) {
      errors.put(
          "inventoryNumber",
          "Choisissez une unité livrée par la commande " + order.reference() + ".");
    }
    LocalDate on = in.returnedOn();
    if (on == null) {
      errors.put("returnedOn", "Indiquez la date du retour.");
    } else if (on.isAfter(today(clock))) {
      errors.put("returnedOn", "La date du retour est dans le futur.");
    } else if (order.receivedOn() != null && on.isBefore(order.receivedOn())) {
      errors.put("returnedOn", "La date du retour précède la réception de la commande.");
    } else if (asset != null && asset.warrantyEnd() != null && on.isAfter(asset.warrantyEnd())) {
      errors.put(
          "returnedOn",
          "La garantie de "
              + number
              + " a pris fin le "
              + PurchaseOrderRenderer.DATE.format(asset.warrantyEnd())
              + " : un retour sous garantie n'est plus possible.");
    }
    WarrantyReturn.Remedy remedy =
        choice(WarrantyReturn.Remedy.class, in.remedy(), "remedy", "ce qui est demandé", errors);
    String reason = text(in.reason(), "reason", "le motif du retour", 1000, errors);
    if (errors.isEmpty() && units.warrantyReturnExists(asset.id(), on)) {
      errors.put(
          "returnedOn",
          "Un retour de "
              + number
              + " est déjà enregistré le "
              + PurchaseOrderRenderer.DATE.format(on)
              + ".");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    long id =
        transactions.execute(
            tx -> {
              long inserted =
                  units.insertWarrantyReturn(
                      order.id(),
                      asset.id(),
                      number,
                      asset.serialNumber(),
                      on,
                      remedy,
                      reason,
                      user,
                      clock.instant());
              inventory.appendCustody(
                  new AppendCustody(
                      number,
                      CustodyAction.HANDOVER,
                      user,
                      "Retour sous garantie au fournisseur « %s », commande %s, le %s : %s ;"
                              .formatted(
                                  offer.supplierName(),
                                  order.reference(),
                                  PurchaseOrderRenderer.DATE.format(on),
                                  reason)
                          + " demandé : "
                          + remedy.label(),
                      order.reference(),
                      "purchase-warranty-return:" + inserted));
              return inserted;
            });
    return units.warrantyReturns(order.id()).stream()
        .filter(r -> r.id() == id)
        .findFirst()
        .orElseThrow();
  }
}
