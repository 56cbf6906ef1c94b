package fr.secondevie.reconditioning;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.processes.AssetEndOfLifeProcess.Variables;
import fr.secondevie.processes.AssetRouteDecision.Routes;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders and completes refurbishments. Orders are idempotent by operation id; a completion is saved
 * (with its custody entry) before the message goes to the process, and the message can be sent
 * again until the runtime accepted it.
 */
@Service
class ReconditioningService {

  static final String ACTOR_ORDER = "worker:reconditioning.create-order";

  private final ReconditionerRepository reconditioners;
  private final ReconditioningOrderRepository orders;
  private final InventoryService inventory;
  private final ApplicationEventPublisher events;
  private final IncompleteEventPublications incomplete;
  private final TransactionTemplate tx;
  private final Clock clock;

  ReconditioningService(
      ReconditionerRepository reconditioners,
      ReconditioningOrderRepository orders,
      InventoryService inventory,
      ApplicationEventPublisher events,
      IncompleteEventPublications incomplete,
      PlatformTransactionManager transactions,
      Clock clock) {
    this.reconditioners = reconditioners;
    this.orders = orders;
    this.inventory = inventory;
    this.events = events;
    this.incomplete = incomplete;
    this.tx = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  /** No active workshop or supplier: the second life is given up (fallback to recycling). */
  static class NoReconditionerAvailable extends RuntimeException {
    NoReconditionerAvailable(String message) {
      super(message);
    }
  }

  /**
   * Gives the asset to the least busy active reconditioner: the internal workshop for internal
   * reuse, a referenced supplier for reconditioning, the other kind when the preferred one has
   * none. An asset leaving for a supplier is handed over in its chain of custody.
   *
   * @param route {@code INTERNAL_REUSE} or {@code RECONDITION}
   * @throws NoReconditionerAvailable nobody can take it
   */
  public ReconditioningOrder createOrder(
      long assetId, String route, String conditionGrade, Boolean functional, String operationId) {
    return tx.execute(
        status -> {
          Optional<ReconditioningOrder> done = orders.findByOperationId(operationId);
          if (done.isPresent()) {
            return done.get();
          }
          Asset asset =
              inventory
                  .findById(assetId)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "Expected asset " + assetId + " but found none"));
          if (asset.status() != AssetStatus.RECONDITIONING) {
            throw new IllegalStateException(
                "L'équipement %s est au statut « %s » : il n'est confié à un reconditionneur qu'au"
                        .formatted(asset.inventoryNumber(), asset.status().label())
                    + " statut « "
                    + AssetStatus.RECONDITIONING.label()
                    + " ».");
          }
          Channel preferred =
              Routes.INTERNAL_REUSE.equals(route) ? Channel.INTERNAL_WORKSHOP : Channel.SUPPLIER;
          Channel other =
              preferred == Channel.SUPPLIER ? Channel.INTERNAL_WORKSHOP : Channel.SUPPLIER;
          Reconditioner reconditioner =
              first(preferred)
                  .or(() -> first(other))
                  .orElseThrow(
                      () ->
                          new NoReconditionerAvailable(
                              "Aucun atelier interne ni fournisseur référencé actif ne peut"
                                  + " remettre en état l'équipement "
                                  + asset.inventoryNumber()
                                  + "."));
          ReconditioningOrder order =
              orders.save(
                  ReconditioningOrder.create(
                      assetId,
                      asset.inventoryNumber(),
                      route,
                      reconditioner,
                      conditionGrade,
                      functional,
                      operationId,
                      now()));
          order.assignNumber();
          order = orders.save(order);
          boolean leaves = reconditioner.channel() == Channel.SUPPLIER;
          inventory.appendCustody(
              new AppendCustody(
                  asset.inventoryNumber(),
                  leaves ? CustodyAction.HANDOVER : CustodyAction.NOTE,
                  ACTOR_ORDER,
                  (leaves
                          ? "Confié au fournisseur « %s » (référence %s) pour reconditionnement,"
                              + " ordre %s"
                          : "Ordre de remise en état %3$s confié à « %1$s »%2$s")
                      .formatted(
                          reconditioner.name(),
                          leaves ? reconditioner.supplierRef() : "",
                          order.number()),
                  "ordre " + order.number(),
                  operationId));
          return order;
        });
  }

  private Optional<Reconditioner> first(Channel channel) {
    return reconditioners.findActiveLeastBusy(channel.name()).stream().findFirst();
  }

  /**
   * Records the workshop's report (custody entry: the asset is back from a supplier, or its
   * refurbishment is documented) and, in the same transaction, {@link CompletionRecorded}: the
   * asset's process is told after the commit ({@link CompletionListener}).
   *
   * @throws InvalidInputException nothing is written (the order was completed already, or a value
   *     is wrong)
   */
  public ReconditioningOrder complete(long orderId, Completion completion, String actor) {
    return record(orderId, completion, actor);
  }

  /**
   * Records the workshop's report and its event (see {@link #complete}).
   *
   * @throws InvalidInputException nothing is written
   */
  public ReconditioningOrder record(long orderId, Completion completion, String actor) {
    Completion.Valid valid = completion.validate();
    return tx.execute(
        status -> {
          orders.lock(orderId);
          ReconditioningOrder order = order(orderId);
          if (order.status() == OrderStatus.COMPLETED) {
            throw InvalidInputException.of(
                "result", "L'ordre " + order.number() + " est déjà terminé.");
          }
          order.complete(valid, actor, now());
          boolean back = order.channel() == Channel.SUPPLIER;
          inventory.appendCustody(
              new AppendCustody(
                  order.inventoryNumber(),
                  back ? CustodyAction.HANDOVER : CustodyAction.NOTE,
                  actor,
                  describe(order, valid, back),
                  "ordre " + order.number(),
                  "reconditioning-completed-" + order.id()));
          ReconditioningOrder saved = orders.save(order);
          events.publishEvent(new CompletionRecorded(saved.id()));
          return saved;
        });
  }

  private static String describe(ReconditioningOrder order, Completion.Valid c, boolean back) {
    String head =
        back
            ? "Retour du fournisseur « " + order.reconditionerName() + " », ordre " + order.number()
            : "Remise en état par « " + order.reconditionerName() + " », ordre " + order.number();
    String body =
        c.reconditioned()
            ? " : remis en état, état %s, durée de vie allongée de %d mois, coût %s ; %s"
                .formatted(
                    c.newGrade(), c.lifetimeExtensionMonths(), euros(c.costCents()), c.workDone())
            : " : irréparable (%s), coût %s".formatted(c.workDone(), euros(c.costCents()));
    String parts = c.partsReplaced() == null ? "" : " ; pièces : " + c.partsReplaced();
    String text = head + body + parts;
    return text.length() > 2000 ? text.substring(0, 1999) + "…" : text;
  }

  /**
   * Tells the asset's process again of a completion whose publication failed: submits its
   * incomplete {@link CompletionRecorded} publication again (the listener runs after this returns).
   * Nothing happens when the process was told already.
   */
  public ReconditioningOrder publish(long orderId) {
    ReconditioningOrder order = order(orderId);
    if (order.awaitsMessage()) {
      CompletionRecorded event = new CompletionRecorded(orderId);
      incomplete.resubmitIncompletePublications(p -> event.equals(p.getEvent()));
    }
    return order;
  }

  /** {@code reconditioningResult} and {@code reconditioningReport}. */
  static Map<String, Object> variables(ReconditioningOrder order) {
    Completion.Valid c = order.completion();
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("orderId", order.number());
    report.put("workDone", c.workDone());
    report.put("partsReplaced", c.partsReplaced());
    report.put("costCents", c.costCents());
    report.put("newGrade", c.newGrade());
    report.put("lifetimeExtensionMonths", c.lifetimeExtensionMonths());
    report.put("lifetimeExtensionYears", c.lifetimeExtensionYears());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(Variables.RECONDITIONING_RESULT, c.result());
    variables.put(Variables.RECONDITIONING_REPORT, report);
    return variables;
  }

  public List<ReconditioningOrder> orders() {
    return orders.findAllOpenFirst();
  }

  public Optional<ReconditioningOrder> find(long id) {
    return orders.findById(id);
  }

  ReconditioningOrder order(long id) {
    return orders
        .findById(id)
        .orElseThrow(
            () ->
                InvalidInputException.of(
                    "orderId", "Aucun ordre de remise en état n° " + id + "."));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  static String euros(Long cents) {
    return fr.secondevie.common.FrenchFormats.euros(cents);
  }
}
