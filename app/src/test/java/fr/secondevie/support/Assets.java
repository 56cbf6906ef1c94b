package fr.secondevie.support;

import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryCommands.ChangeStatus;
import fr.secondevie.inventory.InventoryCommands.RecordStorageDevice;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.inventory.StorageDevice;
import fr.secondevie.inventory.StorageType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Builds assets of the inventory in the state the end-of-life routes find them: registered, then
 * moved along the inventory's own transitions, with storage devices and their wipe certificates
 * cited in the chain of custody as the sanitization steps cite them.
 */
public final class Assets {

  private final InventoryService inventory;
  private final DocumentService documents;

  public Assets(InventoryService inventory, DocumentService documents) {
    this.inventory = inventory;
    this.documents = documents;
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
    for (String serial : driveSerials) {
      StoredDocument certificate =
          documents.store(
              NewDocument.pdf(
                  DocumentKind.SANITIZATION_CERTIFICATE,
                  "certificat-" + serial + ".pdf",
                  ("%PDF-1.4 certificate " + serial).getBytes(StandardCharsets.UTF_8),
                  "asset:" + number,
                  "worker:sanitization.record-certificate"));
      inventory.appendCustody(
          new AppendCustody(
              number,
              CustodyAction.EVIDENCE,
              "worker:sanitization.record-certificate",
              "Certificat d'effacement du support " + serial + " : Purge (NIST SP 800-88), vérifié",
              certificate.evidence(),
              "certificate-" + serial));
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
}
