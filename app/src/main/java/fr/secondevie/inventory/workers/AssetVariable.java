package fr.secondevie.inventory.workers;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.StorageDevice;
import java.util.Comparator;
import java.util.List;

/**
 * Process variable {@code asset}: the summary of the asset that forms display and later jobs read
 * (docs/processes.md, "Variables").
 *
 * @param storageDevices capacity in decimal gigabytes (10^9 bytes), as typed in the forms
 */
record AssetVariable(
    long id,
    String inventoryNumber,
    String serialNumber,
    String category,
    String manufacturer,
    String model,
    String site,
    String location,
    String status,
    List<Device> storageDevices) {

  /** One storage device: {@code {serialNumber, type, capacityGb}}. */
  public record Device(String serialNumber, String type, Long capacityGb) {}

  static AssetVariable of(Asset asset) {
    return new AssetVariable(
        asset.id(),
        asset.inventoryNumber(),
        asset.serialNumber(),
        asset.category().name(),
        asset.manufacturer(),
        asset.model(),
        asset.site(),
        asset.location(),
        asset.status().name(),
        asset.storageDevices().stream()
            .sorted(Comparator.comparing(StorageDevice::serialNumber))
            .map(
                d ->
                    new Device(
                        d.serialNumber(),
                        d.type().name(),
                        d.capacityBytes() == null
                            ? null
                            : Math.round(d.capacityBytes() / 1_000_000_000.0)))
            .toList());
  }
}
