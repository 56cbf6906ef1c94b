package fr.secondevie.support;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InspectionService;
import fr.secondevie.inventory.InspectionService.RecordInspection;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryCommands.RecordStorageDevice;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageAttestation;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.inventory.StorageType;
import fr.secondevie.sanitization.CertificateService;
import fr.secondevie.sanitization.SanitizationLevel;
import fr.secondevie.sanitization.SanitizationMethod;
import fr.secondevie.sanitization.SanitizationPlan;
import fr.secondevie.sanitization.SanitizationPlanner;
import fr.secondevie.sanitization.Verification;
import fr.secondevie.sanitization.WipeReportContent;
import fr.secondevie.sanitization.WipeReportContent.DriveResult;
import fr.secondevie.sanitization.WipeReportContent.ReportedDrive;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Assets for service and worker tests, registered through the inventory API. The static methods
 * build one step at a time; an instance builds assets in the state the end-of-life routes find
 * them: registered, then moved along the inventory's own transitions, with storage devices
 * certified by the sanitization module.
 */
public final class Assets {

  private final InventoryService inventory;
  private final SanitizationPlanner planner;
  private final CertificateService certificates;
  private final InspectionService inspections;

  public Assets(
      InventoryService inventory, SanitizationPlanner planner, CertificateService certificates) {
    this(inventory, planner, certificates, null);
  }

  /** With the inspections, to build assets that carry storage collected with no drive. */
  public Assets(
      InventoryService inventory,
      SanitizationPlanner planner,
      CertificateService certificates,
      InspectionService inspections) {
    this.inventory = inventory;
    this.planner = planner;
    this.certificates = certificates;
    this.inspections = inspections;
  }

  /** A registered, in-service asset. */
  public Asset inService(AssetCategory category) {
    String number = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return inventory
        .register(
            number,
            new Asset.Description(
                "SN-" + number,
                "PC-" + number,
                category,
                "Dell",
                "OptiPlex 7060",
                "Hôpital Charles-Nicolle",
                "Hôpital Charles-Nicolle > Cardiologie",
                "Cardiologie",
                LocalDate.of(2019, 5, 14),
                71_240L),
            AssetStatus.IN_SERVICE,
            "gestionnaire",
            "test",
            "register-" + number)
        .asset();
  }

  /**
   * An asset wiped with a certificate per drive, then moved to {@code target} (DONATION_PENDING,
   * RECONDITIONING, RECYCLING_PENDING…).
   */
  public Asset sanitizedThen(AssetCategory category, AssetStatus target, String... driveSerials) {
    Asset asset = inService(category);
    String number = asset.inventoryNumber();
    move(number, AssetStatus.DECOMMISSIONING);
    for (String serial : driveSerials) {
      inventory.recordStorageDevice(
          new RecordStorageDevice(
              number,
              new StorageDevice(serial, StorageType.SSD, 256_060_514_304L, "SATA", null),
              "technicien",
              "drive-" + serial));
    }
    move(number, AssetStatus.SANITIZING);
    if (driveSerials.length == 0 && category.carriesStorage()) {
      if (inspections == null) {
        throw new IllegalStateException(
            "A "
                + category
                + " without drive needs its attestation: build Assets with inspections");
      }
      attestedWithoutStorage(inspections, asset);
    }
    if (driveSerials.length > 0) {
      // Through the sanitization module, as the worker does: the media-clearance invariant lets
      // the asset past SANITIZED only with a passing certificate per drive.
      long id = asset.id();
      SanitizationPlan plan = planner.plan(id, List.of(), "technicien", "plan-" + number);
      List<ReportedDrive> reported =
          plan.drives().stream()
              .map(
                  drive ->
                      new ReportedDrive(
                          drive.serialNumber(),
                          SanitizationLevel.PURGE,
                          SanitizationMethod.BLOCK_ERASE,
                          Verification.FULL,
                          DriveResult.PASSED,
                          null,
                          null,
                          null))
              .toList();
      certificates.record(
          id,
          plan,
          new WipeReportContent(
              "nwipe", "0.37", "technicien", "RPT-" + number, "2026-11-02", reported),
          true,
          "technicien",
          "certificate-" + number);
    }
    move(number, AssetStatus.SANITIZED);
    if (target != AssetStatus.SANITIZED) {
      move(number, target);
    }
    return inventory.get(number);
  }

  public void move(String inventoryNumber, AssetStatus target) {
    inventory.changeStatus(
        new ChangeStatus(
            inventoryNumber,
            target,
            "worker:inventory.update-status",
            null,
            null,
            "status-" + target + "-" + inventoryNumber));
  }

  /** The serial numbers of the drives of an asset built here. */
  public static List<String> drives(String... serials) {
    return List.of(serials);
  }

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

  /**
   * Records the collection of an asset found with no storage device, with the technician's
   * attestation that its absence was verified: what an asset that carries storage needs before it
   * may pass SANITIZED without any drive.
   */
  public static Asset attestedWithoutStorage(InspectionService inspections, Asset asset) {
    inspections.record(
        new RecordInspection(
            asset.id(),
            "B",
            true,
            null,
            true,
            true,
            true,
            true,
            LocalDate.of(2026, 11, 2),
            "Magasin DSI",
            null,
            List.of(),
            "technicien",
            "attested-" + asset.inventoryNumber(),
            new StorageAttestation(
                StorageAttestation.Kind.VERIFIED_ABSENT, null, "Camille Martin (DSI)")));
    return asset;
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
