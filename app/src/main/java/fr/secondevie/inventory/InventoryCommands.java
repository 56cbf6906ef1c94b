package fr.secondevie.inventory;

import org.springframework.modulith.NamedInterface;

/**
 * Commands other modules send to {@link InventoryService}. Each names the asset by inventory
 * number, the actor (user name, or {@code worker:<job type>}), and carries an {@code operationId}
 * chosen by the caller (e.g. the job key, or process instance key + element id): the same operation
 * id applied twice to an asset changes nothing the second time.
 */
@NamedInterface("api")
public final class InventoryCommands {

  private InventoryCommands() {}

  /** Move an asset to another status. */
  @NamedInterface("api")
  public record ChangeStatus(
      String inventoryNumber,
      AssetStatus target,
      String actor,
      String details,
      String evidence,
      String operationId) {}

  /** Record the route decided for an asset. */
  @NamedInterface("api")
  public record AssignRoute(
      String inventoryNumber,
      DispositionRoute route,
      String reason,
      String actor,
      String operationId) {}

  /** Record (or correct) a storage device found in an asset. */
  public record RecordStorageDevice(
      String inventoryNumber, StorageDevice device, String actor, String operationId) {}

  /** Append a free entry (handover, evidence, note) to an asset's chain of custody. */
  @NamedInterface("api")
  public record AppendCustody(
      String inventoryNumber,
      CustodyAction action,
      String actor,
      String details,
      String evidence,
      String operationId) {}

  /**
   * What a command did.
   *
   * @param applied false when the operation id had already been applied (nothing changed)
   * @param entry the custody entry recording the operation (the earlier one when not applied)
   */
  public record Outcome(Asset asset, CustodyEntry entry, boolean applied) {}
}
