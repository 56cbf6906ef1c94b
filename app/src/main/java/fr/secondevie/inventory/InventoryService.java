package fr.secondevie.inventory;

import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryCommands.AssignRoute;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryCommands.Outcome;
import fr.secondevie.inventory.InventoryCommands.RecordStorageDevice;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's API for the rest of the application (job workers, pages).
 *
 * <p>Every command locks the asset's row, is idempotent by its operation id, and appends one entry
 * to the asset's chain of custody in the same transaction as the change it records.
 */
@NamedInterface("api")
@Service
@Transactional
public class InventoryService {

  private final AssetRepository assets;
  private final CustodyRepository custody;
  private final AssetQueries queries;
  private final Clock clock;
  private final ObjectProvider<StatusGuard> guards;
  private final CustodySeal seal;

  InventoryService(
      AssetRepository assets,
      CustodyRepository custody,
      AssetQueries queries,
      Clock clock,
      ObjectProvider<StatusGuard> guards,
      CustodySeal seal) {
    this.seal = seal;
    this.assets = assets;
    this.custody = custody;
    this.queries = queries;
    this.clock = clock;
    this.guards = guards;
  }

  @Transactional(readOnly = true)
  public Optional<Asset> findByInventoryNumber(String inventoryNumber) {
    return assets.findByInventoryNumber(inventoryNumber);
  }

  /**
   * @throws AssetNotFoundException when no asset has this inventory number
   */
  @Transactional(readOnly = true)
  public Asset get(String inventoryNumber) {
    return findByInventoryNumber(inventoryNumber)
        .orElseThrow(() -> new AssetNotFoundException(inventoryNumber));
  }

  @Transactional(readOnly = true)
  public Optional<Asset> findById(long id) {
    return assets.findById(id);
  }

  @Transactional(readOnly = true)
  public AssetPage search(AssetQuery query) {
    return queries.search(query);
  }

  /** The list lines of these assets, by id (unknown ids left out), without one query per asset. */
  @Transactional(readOnly = true)
  public Map<Long, AssetSummary> summaries(Collection<Long> ids) {
    return ids.isEmpty() ? Map.of() : queries.summaries(ids);
  }

  /**
   * The ids of every asset matching the query's filters, whatever its page, in inventory number
   * order, at most {@code limit}.
   */
  @Transactional(readOnly = true)
  public List<Long> matchingIds(AssetQuery query, int limit) {
    return queries.ids(query, limit);
  }

  /**
   * The inventory numbers of the assets having one of these serial numbers (compared without case),
   * by serial number as stored: a delivery refuses a unit already in the inventory.
   */
  @Transactional(readOnly = true)
  public Map<String, String> inventoryNumbersBySerial(Collection<String> serialNumbers) {
    return serialNumbers.isEmpty() ? Map.of() : queries.inventoryNumbersBySerial(serialNumbers);
  }

  /** The sites assets are located at, for filters. */
  @Transactional(readOnly = true)
  public List<String> sites() {
    return queries.sites();
  }

  /** The asset's chain of custody, oldest first. */
  @Transactional(readOnly = true)
  public List<CustodyEntry> custodyOf(long assetId) {
    return custody.findByAssetIdOrderBySeq(assetId);
  }

  /**
   * Checks the asset's chain of custody and reports the first broken entry, if any.
   *
   * <p>The head (on the asset) and the entries are read in one REPEATABLE READ snapshot: under READ
   * COMMITTED an entry appended between the two reads would look like a broken chain. Called inside
   * a command (the media-clearance guard), it reads under the asset's lock instead.
   */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public CustodyVerification verifyCustody(long assetId) {
    Asset asset = assets.findById(assetId).orElseThrow();
    return CustodyVerification.of(
        custody.findByAssetIdOrderBySeq(assetId),
        asset.custodyLength(),
        asset.custodyHeadHash(),
        seal);
  }

  /**
   * Moves an asset to another status.
   *
   * @throws AssetNotFoundException no asset has this inventory number
   * @throws IllegalStatusTransitionException the lifecycle does not allow this transition
   * @throws OperationConflictException the operation id was used for another operation
   * @throws RuntimeException a {@link StatusGuard} refused the change (nothing is written)
   */
  public Outcome changeStatus(ChangeStatus command) {
    Objects.requireNonNull(command.target(), "target");
    return apply(
        command.inventoryNumber(),
        command.operationId(),
        CustodyAction.STATUS_CHANGED,
        command.target(),
        asset -> {
          AssetStatus from = asset.status();
          if (from.canMoveTo(command.target())) {
            guards.orderedStream().forEach(guard -> guard.check(asset, command.target()));
          }
          asset.moveTo(command.target(), clock.instant());
          return new Change(
              command.actor(),
              CustodyAction.STATUS_CHANGED,
              from,
              command.target(),
              command.details(),
              command.evidence());
        });
  }

  /** Records the route decided for an asset (its status changes separately). */
  public Outcome assignRoute(AssignRoute command) {
    Objects.requireNonNull(command.route(), "route");
    return apply(
        command.inventoryNumber(),
        command.operationId(),
        CustodyAction.ROUTE_ASSIGNED,
        null,
        asset -> {
          asset.assignRoute(command.route(), command.reason(), clock.instant());
          return new Change(
              command.actor(),
              CustodyAction.ROUTE_ASSIGNED,
              asset.status(),
              asset.status(),
              "Orientation : " + command.route().label() + reason(command.reason()),
              null);
        });
  }

  /** Records a storage device found in the asset (replacing one with the same serial). */
  public Outcome recordStorageDevice(RecordStorageDevice command) {
    StorageDevice device = Objects.requireNonNull(command.device(), "device");
    return apply(
        command.inventoryNumber(),
        command.operationId(),
        CustodyAction.STORAGE_RECORDED,
        null,
        asset -> {
          StorageDevice replaced = asset.recordStorageDevice(device, clock.instant());
          assets.writeStorageDevice(asset, replaced, device);
          return new Change(
              command.actor(),
              CustodyAction.STORAGE_RECORDED,
              asset.status(),
              asset.status(),
              "%s n° de série %s".formatted(device.type().label(), device.serialNumber()),
              null);
        });
  }

  /** Appends an entry to the asset's chain of custody without changing the asset. */
  public Outcome appendCustody(AppendCustody command) {
    Objects.requireNonNull(command.action(), "action");
    return apply(
        command.inventoryNumber(),
        command.operationId(),
        command.action(),
        null,
        asset ->
            new Change(
                command.actor(),
                command.action(),
                asset.status(),
                asset.status(),
                command.details(),
                command.evidence()));
  }

  /**
   * Locks the asset, applies {@code change} to it unless the operation id was applied already, and
   * appends the custody entry recording it. {@code change} may change the asset's status, route and
   * update instant, which are written with the custody head; a change to a child row (a storage
   * device) must be written by {@code change} itself.
   */
  private Outcome apply(
      String inventoryNumber,
      String operationId,
      CustodyAction action,
      AssetStatus target,
      Function<Asset, Change> change) {
    long id =
        assets
            .lockByInventoryNumber(inventoryNumber)
            .orElseThrow(() -> new AssetNotFoundException(inventoryNumber));
    Asset asset = assets.findById(id).orElseThrow();
    if (operationId != null) {
      Optional<CustodyEntry> done = custody.findByAssetIdAndOperationId(id, operationId);
      if (done.isPresent()) {
        CustodyEntry earlier = done.get();
        if (earlier.action() != action || (target != null && earlier.toStatus() != target)) {
          throw new OperationConflictException(
              inventoryNumber,
              operationId,
              earlier.action() + (earlier.toStatus() == null ? "" : " → " + earlier.toStatus()));
        }
        return new Outcome(asset, earlier, false);
      }
    }
    Change c = change.apply(asset);
    CustodyEntry entry =
        custody.save(
            seal.seal(
                id,
                asset.custodyLength() + 1,
                clock.instant(),
                requireActor(c.actor()),
                c.action(),
                c.from(),
                c.to(),
                c.details(),
                c.evidence(),
                operationId,
                asset.custodyLength() == 0 ? CustodyEntry.GENESIS : asset.custodyHeadHash()));
    asset.advanceCustodyHead(entry);
    // Only the asset's own row changed (status, route, custody head, update instant), plus the one
    // storage device a record wrote itself: saving the aggregate would rewrite all its children.
    assets.writeRoot(asset);
    return new Outcome(asset, entry, true);
  }

  /**
   * Registers a new asset with its first custody entry (P5 reception, manual entry, tests). An
   * inventory number that is already registered by the same operation id changes nothing.
   *
   * @throws IllegalArgumentException the inventory number is registered already, or {@code status}
   *     is not an entry status ({@link AssetStatus#isEntry}): an asset reaches {@code SANITIZED}
   *     and every status after it only through {@link #changeStatus} and its guards
   */
  public Outcome register(
      String inventoryNumber,
      Asset.Description description,
      AssetStatus status,
      String actor,
      String evidence,
      String operationId) {
    return register(inventoryNumber, description, null, status, actor, evidence, operationId);
  }

  /**
   * Registers an asset received on a purchase order (P5), with how it was bought, as {@link
   * #register(String, Asset.Description, AssetStatus, String, String, String)} does.
   */
  public Outcome register(
      String inventoryNumber,
      Asset.Description description,
      Asset.Acquisition acquisition,
      AssetStatus status,
      String actor,
      String evidence,
      String operationId) {
    Objects.requireNonNull(status, "status");
    if (!status.isEntry()) {
      throw new IllegalArgumentException(
          "Un équipement ne peut être enregistré qu'en service, en stock ou en retrait, pas « %s »"
                  .formatted(status.label())
              + " : il n'atteint ce statut que par son cycle de vie, avec ses preuves d'effacement");
    }
    Optional<Asset> existing = assets.findByInventoryNumber(inventoryNumber);
    if (existing.isPresent()) {
      Asset asset = existing.get();
      Optional<CustodyEntry> done =
          operationId == null
              ? Optional.empty()
              : custody.findByAssetIdAndOperationId(asset.id(), operationId);
      if (done.isPresent() && done.get().action() == CustodyAction.REGISTERED) {
        return new Outcome(asset, done.get(), false);
      }
      throw new IllegalArgumentException(
          "Le numéro d'inventaire « " + inventoryNumber + " » est déjà enregistré");
    }
    Asset asset = Asset.register(inventoryNumber, description.category(), status, clock.instant());
    asset.describe(description);
    if (acquisition != null) {
      asset.acquire(acquisition);
    }
    asset = assets.save(asset);
    CustodyEntry entry =
        custody.save(
            seal.seal(
                asset.id(),
                1,
                clock.instant(),
                requireActor(actor),
                CustodyAction.REGISTERED,
                null,
                status,
                "Enregistré : " + description.category().label(),
                evidence,
                operationId,
                CustodyEntry.GENESIS));
    asset.advanceCustodyHead(entry);
    // The new asset has no children yet, but saving it again would still delete them by asset id.
    assets.writeRoot(asset);
    return new Outcome(asset, entry, true);
  }

  private static String requireActor(String actor) {
    if (actor == null || actor.isBlank()) {
      throw new IllegalArgumentException("Every custody entry needs its actor");
    }
    return actor;
  }

  private static String reason(String reason) {
    return reason == null || reason.isBlank() ? "" : " — " + reason;
  }

  private record Change(
      String actor,
      CustodyAction action,
      AssetStatus from,
      AssetStatus to,
      String details,
      String evidence) {}
}
