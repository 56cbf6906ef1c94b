package fr.secondevie.inventory;

import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * Assets, by id or inventory number.
 *
 * <p>{@code save} is only for a new asset: saving an existing one makes Spring Data JDBC delete and
 * re-insert every row of {@code asset_storage_device} and {@code asset_attribute} of the asset,
 * although status changes and custody entries change only the asset's own row. That rewrite ran on
 * every status change of every job, and under REPEATABLE READ its deletes and inserts take gap
 * locks reaching the rows of the neighbouring assets, so that transactions writing different assets
 * (each holding only its own assets' locks) deadlocked on {@code asset_storage_device} inserts. A
 * command changing an existing asset therefore calls the aggregate's method (its checks), then
 * writes only what that method changed with the {@code write…} methods below, under the asset's
 * lock ({@link #lockByInventoryNumber}).
 */
interface AssetRepository extends ListCrudRepository<Asset, Long> {

  Optional<Asset> findByInventoryNumber(String inventoryNumber);

  /** Locks the asset's row until the end of the transaction: one writer per asset at a time. */
  @Query("SELECT id FROM asset WHERE inventory_number = :inventoryNumber FOR UPDATE")
  Optional<Long> lockByInventoryNumber(String inventoryNumber);

  /**
   * Writes the asset's status, route, custody head and update instant: all that status changes,
   * route assignments, storage device records and custody entries change on the asset's row.
   *
   * <p>The update checks the version the asset was read at and bumps it, as {@code save} would: the
   * row lock keeps other writers out, but a copy read in a REPEATABLE READ snapshot taken before
   * the lock could be older than the row; writing it then fails instead of overwriting a newer
   * status. The in-memory asset follows the new version, so that it can still be saved whole
   * afterwards.
   *
   * @throws OptimisticLockingFailureException the row is no longer at the asset's version
   */
  default void writeRoot(Asset asset) {
    int rows =
        updateRoot(
            asset.id(),
            asset.version(),
            asset.status().name(),
            asset.route() == null ? null : asset.route().name(),
            asset.routeReason(),
            asset.custodyLength(),
            asset.custodyHeadHash(),
            asset.updatedAt());
    if (rows != 1) {
      throw new OptimisticLockingFailureException(
          "Expected asset "
              + asset.id()
              + " at version "
              + asset.version()
              + " but it changed or is gone");
    }
    asset.rowWritten();
  }

  /**
   * Writes the storage device {@link Asset#recordStorageDevice} recorded: inserts a new one, or
   * updates the row of the one it replaced (same serial number); the asset's other devices' rows
   * are left alone.
   *
   * @param replaced the device returned by {@link Asset#recordStorageDevice}, or null
   */
  default void writeStorageDevice(Asset asset, StorageDevice replaced, StorageDevice device) {
    if (device.equals(replaced)) {
      return;
    }
    String type = device.type().name();
    if (replaced == null) {
      insertStorageDevice(
          asset.id(),
          device.serialNumber(),
          type,
          device.capacityBytes(),
          device.interfaceName(),
          device.model());
    } else {
      int rows =
          updateStorageDevice(
              asset.id(),
              replaced.serialNumber(),
              device.serialNumber(),
              type,
              device.capacityBytes(),
              device.interfaceName(),
              device.model());
      if (rows != 1) {
        throw new IllegalStateException(
            "Expected storage device "
                + replaced.serialNumber()
                + " of asset "
                + asset.id()
                + " to update but found none");
      }
    }
  }

  @Modifying
  @Query(
      "UPDATE asset SET version = version + 1, status = :status, route = :route, route_reason ="
          + " :routeReason, custody_length = :custodyLength, custody_head_hash ="
          + " :custodyHeadHash, updated_at = :updatedAt WHERE id = :id AND version = :version")
  int updateRoot(
      long id,
      int version,
      String status,
      String route,
      String routeReason,
      int custodyLength,
      String custodyHeadHash,
      Instant updatedAt);

  @Modifying
  @Query(
      "INSERT INTO asset_storage_device (asset_id, serial_number, type, capacity_bytes,"
          + " interface, model) VALUES (:assetId, :serialNumber, :type, :capacityBytes,"
          + " :interfaceName, :model)")
  void insertStorageDevice(
      long assetId,
      String serialNumber,
      String type,
      Long capacityBytes,
      String interfaceName,
      String model);

  @Modifying
  @Query(
      "UPDATE asset_storage_device SET serial_number = :serialNumber, type = :type,"
          + " capacity_bytes = :capacityBytes, interface = :interfaceName, model = :model"
          + " WHERE asset_id = :assetId AND serial_number = :replacedSerialNumber")
  int updateStorageDevice(
      long assetId,
      String replacedSerialNumber,
      String serialNumber,
      String type,
      Long capacityBytes,
      String interfaceName,
      String model);
}
