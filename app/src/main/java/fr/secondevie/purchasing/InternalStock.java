package fr.secondevie.purchasing;

import static fr.secondevie.purchasing.PurchaseCommands.notFound;
import static fr.secondevie.purchasing.PurchaseCommands.request;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetQuery;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.AssetSummary;
import fr.secondevie.inventory.Inspection;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.reconditioning.ReconditionedGrades;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The internal-stock commands of P5, before anything is bought: propose the units in stock of the
 * request's category and grade, then assign those the requester accepted to the requesting service
 * (status and custody entry through the inventory), all or nothing, idempotent by the job's
 * operation id.
 */
@Service
class InternalStock {

  static final String ACTOR_ASSIGN = "worker:purchasing.assign-stock";

  /** Stock units read per search before their grades are compared. */
  static final int STOCK_CANDIDATES = AssetQuery.MAX_SIZE;

  /** Shown for a unit without any recorded grade (sorted after the graded ones). */
  static final String UNGRADED = "non évalué";

  private final PurchaseRequestRepository requests;
  private final PurchaseUnitRepository units;
  private final PurchaseChannels channels;
  private final InventoryService inventory;
  private final InspectionService inspections;
  private final ReconditionedGrades reconditionedGrades;
  private final TransactionTemplate transactions;
  private final Clock clock;

  InternalStock(
      PurchaseRequestRepository requests,
      PurchaseUnitRepository units,
      PurchaseChannels channels,
      InventoryService inventory,
      InspectionService inspections,
      ReconditionedGrades reconditionedGrades,
      TransactionTemplate transactions,
      Clock clock) {
    this.requests = requests;
    this.units = units;
    this.channels = channels;
    this.inventory = inventory;
    this.inspections = inspections;
    this.reconditionedGrades = reconditionedGrades;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * One asset proposed from the internal stock ({@code accepted} is set by the requester).
   *
   * @param grade A, B or C, or « non évalué »
   */
  record StockItem(
      long assetId,
      String inventoryNumber,
      String description,
      String site,
      String grade,
      Boolean accepted) {}

  /** What {@code purchasing.find-internal-stock} returns. */
  record StockSearch(
      PurchaseRequest request,
      List<StockItem> proposal,
      int remainingQuantity,
      boolean reconditionedOffersAvailable) {}

  StockSearch findInternalStock(long requestId) {
    PurchaseRequest request = request(requests, requestId);
    int remaining = request.remainingQuantity();
    List<StockItem> proposal = new ArrayList<>();
    if (remaining > 0) {
      List<AssetSummary> candidates =
          inventory
              .search(
                  new AssetQuery(
                      AssetStatus.IN_STOCK, request.category(), null, null, 0, STOCK_CANDIDATES))
              .content();
      Map<Long, String> grades = grades(candidates);
      candidates.stream()
          .filter(a -> fits(grades.get(a.id()), request.minimumGrade()))
          .sorted(Comparator.comparing((AssetSummary a) -> grades.getOrDefault(a.id(), UNGRADED)))
          .limit(remaining)
          .forEach(
              a ->
                  proposal.add(
                      new StockItem(
                          a.id(),
                          a.inventoryNumber(),
                          describe(a),
                          a.site() == null ? "" : a.site(),
                          grades.getOrDefault(a.id(), UNGRADED),
                          false)));
    }
    return new StockSearch(
        request, proposal, remaining, channels.reconditionedOffersAvailable(request));
  }

  /**
   * The grade of each unit: after its last reconditioning when it was reconditioned, else from its
   * last inspection (collection).
   */
  private Map<Long, String> grades(List<AssetSummary> units) {
    Map<Long, String> grades =
        new HashMap<>(reconditionedGrades.of(units.stream().map(AssetSummary::id).toList()));
    for (AssetSummary unit : units) {
      if (!grades.containsKey(unit.id())) {
        inspections
            .latest(unit.id())
            .map(Inspection::conditionGrade)
            .ifPresent(g -> grades.put(unit.id(), g));
      }
    }
    return grades;
  }

  /**
   * A unit fits a request when its grade is the minimum asked or better; D never fits; a unit never
   * graded fits only a request that accepts any working unit (C).
   */
  static boolean fits(String grade, String minimum) {
    if (grade == null) {
      return "C".equals(minimum);
    }
    return PurchaseRequests.GRADES.contains(grade) && grade.compareTo(minimum) <= 0;
  }

  private static String describe(AssetSummary a) {
    StringBuilder s = new StringBuilder(a.category().label());
    for (String part : new String[] {a.manufacturer(), a.model(), a.serialNumber()}) {
      if (part != null && !part.isBlank()) {
        s.append(" — ").append(part);
      }
    }
    return s.toString();
  }

  /** An accepted asset is no longer in stock: nothing was assigned. */
  static class StockUnavailableException extends RuntimeException {
    StockUnavailableException(String message) {
      super(message);
    }
  }

  /**
   * Assigns the accepted assets to the requesting service: each moves from IN_STOCK to IN_SERVICE
   * with a custody entry naming the service, the site and the request. All or nothing.
   *
   * @return the units still to buy
   */
  int assignStock(long requestId, List<StockItem> reviewed, String operationId, String actor) {
    return transactions.execute(
        tx -> {
          PurchaseRequest request =
              requests.lockRequest(requestId).orElseThrow(() -> notFound(requestId));
          for (StockItem item : reviewed == null ? List.<StockItem>of() : reviewed) {
            if (!Boolean.TRUE.equals(item.accepted())
                || units.isAssigned(requestId, item.assetId())) {
              continue;
            }
            Asset asset =
                inventory
                    .findById(item.assetId())
                    .orElseThrow(
                        () ->
                            new StockUnavailableException(
                                "L'équipement " + item.inventoryNumber() + " n'existe plus."));
            if (asset.status() != AssetStatus.IN_STOCK || asset.category() != request.category()) {
              throw new StockUnavailableException(
                  "L'équipement " + asset.inventoryNumber() + " n'est plus en stock.");
            }
            if (units.assignedInventoryNumbers(requestId).size() >= request.quantity()) {
              break;
            }
            inventory.changeStatus(
                new ChangeStatus(
                    asset.inventoryNumber(),
                    AssetStatus.IN_SERVICE,
                    actor,
                    "Affecté depuis le stock au service "
                        + request.service()
                        + " ("
                        + request.site()
                        + "), demande d'achat "
                        + request.reference(),
                    null,
                    operationId + ":" + asset.id()));
            units.insertAssignment(requestId, asset.id(), asset.inventoryNumber(), clock.instant());
          }
          PurchaseRequest after = requests.findRequest(requestId).orElseThrow();
          if (after.remainingQuantity() == 0) {
            requests.writeStatus(requestId, RequestStatus.SERVED_FROM_STOCK);
          }
          return after.remainingQuantity();
        });
  }
}
