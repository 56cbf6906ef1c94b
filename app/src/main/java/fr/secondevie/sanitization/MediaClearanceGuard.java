package fr.secondevie.sanitization;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.StatusGuard;
import fr.secondevie.inventory.StorageDevice;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The invariant of the end of life: an asset reaches {@code SANITIZED}, and any status after it
 * (routes, donation, reconditioning, recycling, and stock after reconditioning), only when every
 * storage device the inventory knows for it has a passing certificate or a destruction proof.
 * {@link fr.secondevie.inventory.InventoryService#changeStatus} asks it before every move.
 */
@Component
class MediaClearanceGuard implements StatusGuard {

  /** Statuses that require cleared media, whatever the status the asset comes from. */
  static final Set<AssetStatus> REQUIRE_CLEARED_MEDIA =
      EnumSet.of(
          AssetStatus.SANITIZED,
          AssetStatus.AWAITING_ROUTE,
          AssetStatus.DONATION_PENDING,
          AssetStatus.RECONDITIONING,
          AssetStatus.RECYCLING_PENDING,
          AssetStatus.DONATED,
          AssetStatus.RECYCLED);

  private final JdbcClient jdbc;

  MediaClearanceGuard(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void check(Asset asset, AssetStatus target) {
    boolean leaving =
        REQUIRE_CLEARED_MEDIA.contains(target)
            || (target == AssetStatus.IN_STOCK && asset.status() == AssetStatus.RECONDITIONING);
    if (!leaving || asset.storageDevices().isEmpty()) {
      return;
    }
    List<String> uncleared = unclearedMedia(asset);
    if (!uncleared.isEmpty()) {
      throw new MediaNotClearedException(asset.inventoryNumber(), target, uncleared);
    }
  }

  /** Serial numbers of the asset's media with neither a certificate nor a destruction proof. */
  List<String> unclearedMedia(Asset asset) {
    Set<String> cleared = new HashSet<>();
    jdbc.sql(
            "SELECT serial_number FROM sanitization_certificate WHERE asset_id = :id"
                + " UNION SELECT serial_number FROM media_destruction WHERE asset_id = :id")
        .param("id", asset.id())
        .query(String.class)
        .list()
        .forEach(serial -> cleared.add(ReportCheck.key(serial)));
    return asset.storageDevices().stream()
        .map(StorageDevice::serialNumber)
        .filter(serial -> !cleared.contains(ReportCheck.key(serial)))
        .sorted()
        .toList();
  }
}
