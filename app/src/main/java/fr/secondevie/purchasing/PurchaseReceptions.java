package fr.secondevie.purchasing;

import static fr.secondevie.purchasing.PurchaseCommands.blankToNull;
import static fr.secondevie.purchasing.PurchaseCommands.lines;
import static fr.secondevie.purchasing.PurchaseCommands.person;
import static fr.secondevie.purchasing.PurchaseCommands.request;
import static fr.secondevie.purchasing.PurchaseCommands.today;

import fr.secondevie.common.CompletedBy;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reception command of P5: check a delivery of the order (typed, or from a file through {@link
 * ReceptionImport}), register each accepted unit in the inventory, keep each refused one with its
 * reason, count the delivery, and publish the spend when every unit ordered is accepted; all or
 * nothing, idempotent by the job's operation id.
 */
@Service
class PurchaseReceptions {

  static final String ACTOR_RECEPTION = "worker:purchasing.record-reception";

  private final PurchaseRequestRepository requests;
  private final PurchaseOfferRepository offers;
  private final PurchaseOrderRepository orders;
  private final PurchaseUnitRepository units;
  private final PurchaseSpend spend;
  private final InventoryService inventory;
  private final TransactionTemplate transactions;
  private final Clock clock;

  PurchaseReceptions(
      PurchaseRequestRepository requests,
      PurchaseOfferRepository offers,
      PurchaseOrderRepository orders,
      PurchaseUnitRepository units,
      PurchaseSpend spend,
      InventoryService inventory,
      TransactionTemplate transactions,
      Clock clock) {
    this.requests = requests;
    this.offers = offers;
    this.orders = orders;
    this.units = units;
    this.spend = spend;
    this.inventory = inventory;
    this.transactions = transactions;
    this.clock = clock;
  }

  /** What the reception form carries. */
  record ReceptionInput(
      LocalDate receivedOn, String acceptedSerials, String refusedUnits, String notes) {}

  /**
   * One delivery recorded.
   *
   * @param receivedCount units of this delivery accepted
   * @param refusedCount units of this delivery refused
   * @param missingQuantity units of the order still due after it (refused or not delivered)
   */
  record Reception(int receivedCount, int refusedCount, int missingQuantity) {

    static Reception last(PurchaseOrder order) {
      return new Reception(
          order.lastDeliveryReceived() == null ? 0 : order.lastDeliveryReceived(),
          order.lastDeliveryRefused() == null ? 0 : order.lastDeliveryRefused(),
          order.awaitsDelivery() ? order.missing() : 0);
    }
  }

  /**
   * Records a delivery of the order: each accepted unit is registered in the inventory (in service
   * at the requesting service, with how it was bought), each refused one keeps its reason. When
   * every unit ordered is accepted the order is received and its spend published; otherwise the
   * units still due wait for the buyer's decision ({@link
   * ReplacementDecisions#recordReplacementDecision}). All or nothing; the same operation (a job
   * delivered twice) returns the first one's counts.
   */
  Reception recordReception(
      long requestId, ReceptionInput input, Optional<CompletedBy> receivedBy, String operationId) {
    PurchaseOrder order =
        orders
            .orderOf(requestId)
            .orElseThrow(() -> new IllegalStateException("No order for request " + requestId));
    if (operationId.equals(order.lastReceptionOperation()) || !order.awaitsDelivery()) {
      return Reception.last(order);
    }
    PurchaseRequest request = request(requests, requestId);
    Offer offer = offers.offer(order.offerId()).orElseThrow();
    CheckedReception checked;
    try {
      checked = check(order, input);
    } catch (InvalidInputException e) {
      // the same job delivered twice: its units are in the inventory because the first recorded
      // them
      PurchaseOrder now = orders.orderOf(requestId).orElseThrow();
      if (operationId.equals(now.lastReceptionOperation())) {
        return Reception.last(now);
      }
      throw e;
    }
    List<String> accepted = checked.accepted();
    List<ReceptionUnit> refused = checked.refused();
    LocalDate receivedOn = input.receivedOn();
    LocalDate warrantyEnd = receivedOn.plusMonths(offer.warrantyMonths());
    return transactions.execute(
        tx -> {
          // the same job delivered twice at once: the second waits here, then returns the first's
          // counts (nothing registered, no second spend line)
          requests.lockRequest(requestId);
          PurchaseOrder current = orders.orderOf(requestId).orElseThrow();
          if (operationId.equals(current.lastReceptionOperation()) || !current.awaitsDelivery()) {
            return Reception.last(current);
          }
          if (accepted.size() + refused.size() > current.missing()) {
            throw InvalidInputException.of("acceptedSerials", tooMany(accepted, refused, current));
          }
          Map<String, String> inInventory = alreadyInInventory(accepted);
          if (!inInventory.isEmpty()) {
            throw InvalidInputException.of("acceptedSerials", alreadyInInventoryText(inInventory));
          }
          int delivery = current.deliveryCount() + 1;
          int before = current.accepted();
          for (int i = 0; i < accepted.size(); i++) {
            String serial = accepted.get(i);
            String inventoryNumber = "%s-%03d".formatted(order.reference(), before + i + 1);
            inventory.register(
                inventoryNumber,
                new Asset.Description(
                    serial,
                    request.category().label()
                        + (offer.reconditioned() ? " reconditionné" : " neuf"),
                    request.category(),
                    null,
                    null,
                    request.site(),
                    null,
                    request.service(),
                    receivedOn,
                    offer.unitPriceCents()),
                new Asset.Acquisition(
                    offer.reconditioned(),
                    offer.supplierName(),
                    offer.contractReference(),
                    warrantyEnd,
                    order.reference()),
                AssetStatus.IN_SERVICE,
                receivedBy.map(c -> c.actor(ACTOR_RECEPTION)).orElse(ACTOR_RECEPTION),
                order.documentId(),
                "purchase-reception:" + order.id() + ":" + serial);
            units.insertUnit(
                order.id(), delivery, new ReceptionUnit(serial, true, null, inventoryNumber));
          }
          refused.forEach(unit -> units.insertUnit(order.id(), delivery, unit));
          int total = before + accepted.size();
          boolean complete = total == order.quantity();
          orders.writeDelivery(
              order.id(),
              receivedOn,
              accepted.size(),
              refused.size(),
              blankToNull(input.notes()),
              person(receivedBy),
              operationId,
              complete ? PurchaseOrder.RECEIVED : PurchaseOrder.PARTIALLY_RECEIVED);
          requests.writeStatus(
              requestId, complete ? RequestStatus.RECEIVED : RequestStatus.PARTIALLY_RECEIVED);
          if (complete) {
            spend.publish(request, order, offer, receivedOn, total);
          }
          return new Reception(accepted.size(), refused.size(), order.quantity() - total);
        });
  }

  private static String tooMany(
      List<String> accepted, List<ReceptionUnit> refused, PurchaseOrder order) {
    return "Plus d'unités saisies ("
        + (accepted.size() + refused.size())
        + ") que d'unités attendues ("
        + order.missing()
        + (order.deliveryCount() == 0 ? ")." : " sur " + order.quantity() + " commandées).");
  }

  /** The units of a reception, checked. */
  record CheckedReception(List<String> accepted, List<ReceptionUnit> refused) {}

  /**
   * Checks a reception of the request's order as {@link #recordReception} will, writing nothing:
   * the file import completes the reception task only with what the worker will accept.
   */
  CheckedReception checkReception(long requestId, ReceptionInput input) {
    PurchaseOrder order =
        orders
            .orderOf(requestId)
            .filter(PurchaseOrder::awaitsDelivery)
            .orElseThrow(
                () ->
                    InvalidInputException.of(
                        "order", "Cette demande n'a pas de commande en attente de réception."));
    return check(order, input);
  }

  private CheckedReception check(PurchaseOrder order, ReceptionInput input) {
    Map<String, String> errors = new LinkedHashMap<>();
    LocalDate receivedOn = input.receivedOn();
    if (receivedOn == null) {
      errors.put("receivedOn", "Indiquez la date de réception.");
    } else if (receivedOn.isAfter(today(clock))) {
      errors.put("receivedOn", "La date de réception est dans le futur.");
    } else if (receivedOn.isBefore(order.orderedOn())) {
      errors.put("receivedOn", "La date de réception précède la commande.");
    }
    List<String> accepted = lines(input.acceptedSerials());
    List<ReceptionUnit> refused = new ArrayList<>();
    List<String> refusedLines = lines(input.refusedUnits());
    for (int i = 0; i < refusedLines.size(); i++) {
      String[] parts = refusedLines.get(i).split(";", 2);
      if (parts.length < 2 || parts[0].isBlank() || parts[1].isBlank()) {
        errors.put(
            "refusedUnits",
            "Unités refusées, ligne "
                + (i + 1)
                + " : écrivez « numéro de série ; motif du refus ».");
        break;
      }
      refused.add(new ReceptionUnit(parts[0].strip(), false, parts[1].strip(), null));
    }
    Set<String> seen = new HashSet<>();
    for (String serial : accepted) {
      if (serial.length() > 128) {
        errors.put("acceptedSerials", "Le numéro de série « " + serial + " » est trop long.");
      }
      if (!seen.add(serial.toUpperCase(Locale.ROOT))) {
        errors.put("acceptedSerials", "Le numéro de série « " + serial + " » est saisi deux fois.");
      }
    }
    for (ReceptionUnit unit : refused) {
      if (!seen.add(unit.serialNumber().toUpperCase(Locale.ROOT))) {
        errors.put(
            "refusedUnits",
            "Le numéro de série « " + unit.serialNumber() + " » est saisi deux fois.");
      }
    }
    if (accepted.isEmpty() && refused.isEmpty()) {
      errors.put("acceptedSerials", "Saisissez au moins une unité reçue.");
    }
    if (accepted.size() + refused.size() > order.missing()) {
      errors.put("acceptedSerials", tooMany(accepted, refused, order));
    }
    if (errors.isEmpty()) {
      Map<String, String> inInventory = alreadyInInventory(accepted);
      if (!inInventory.isEmpty()) {
        errors.put("acceptedSerials", alreadyInInventoryText(inInventory));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return new CheckedReception(accepted, refused);
  }

  /** Serial number to inventory number of the accepted units already in the inventory. */
  Map<String, String> alreadyInInventory(List<String> serials) {
    return inventory.inventoryNumbersBySerial(serials);
  }

  private static String alreadyInInventoryText(Map<String, String> inInventory) {
    List<String> units = new ArrayList<>();
    inInventory.forEach((serial, number) -> units.add("« " + serial + " » (" + number + ")"));
    return (units.size() == 1
            ? "Le numéro de série " + units.get(0) + " est déjà à l'inventaire"
            : "Les numéros de série " + String.join(", ", units) + " sont déjà à l'inventaire")
        + " : une unité n'entre qu'une fois.";
  }
}
