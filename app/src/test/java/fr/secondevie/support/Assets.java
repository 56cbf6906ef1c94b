package fr.secondevie.support;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryCommands.RecordStorageDevice;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.inventory.StorageType;
import java.time.LocalDate;
import java.util.UUID;

/** Assets for service and worker tests, registered through the inventory API. */
public final class Assets {

  private Assets() {}

  /** A desktop in service, bought in 2019 for 712.40 €. */
  public static Asset desktop(InventoryService inventory) {
    return register(
        inventory, AssetCategory.DESKTOP, "Cardiologie", LocalDate.of(2019, 5, 14), 71240L);
  }

  public static Asset register(
      InventoryService inventory,
      AssetCategory category,
      String service,
      LocalDate acquired,
      Long costCents) {
    String number = "T-" + UUID.randomUUID().toString().substring(0, 8);
    return inventory
        .register(
            number,
            new Asset.Description(
                "SN-" + number,
                "PC-" + number,
                category,
                "Dell",
                "OptiPlex 7070",
                "Hôpital Charles-Nicolle",
                "Hôpital Charles-Nicolle > " + service,
                service,
                acquired,
                costCents),
            AssetStatus.IN_SERVICE,
            "test",
            "test",
            "register-" + number)
        .asset();
  }

  /** Records a storage device on the asset. */
  public static Asset withDrive(
      InventoryService inventory, Asset asset, String serial, StorageType type) {
    return inventory
        .recordStorageDevice(
            new RecordStorageDevice(
                asset.inventoryNumber(),
                new StorageDevice(serial, type, 512_000_000_000L, "SATA", "Model " + serial),
                "test",
                "storage-" + asset.inventoryNumber() + "-" + serial))
        .asset();
  }

  /** Moves the asset along the lifecycle (test setup). */
  public static Asset moveTo(InventoryService inventory, Asset asset, AssetStatus... path) {
    Asset current = asset;
    for (AssetStatus status : path) {
      current =
          inventory
              .changeStatus(
                  new ChangeStatus(
                      current.inventoryNumber(),
                      status,
                      "test",
                      null,
                      null,
                      "move-" + current.inventoryNumber() + "-" + status))
              .asset();
    }
    return current;
  }
}
