package fr.secondevie.donation;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import java.time.format.DateTimeFormatter;

/**
 * What the donation's command services share ({@link DonationProposals}, {@link
 * DonationAgreements}, {@link DonationHandovers}): the date format of custody entries, the asset
 * that must exist and the status it must have.
 */
final class DonationCommands {

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private DonationCommands() {}

  static Asset asset(InventoryService inventory, long assetId) {
    return inventory
        .findById(assetId)
        .orElseThrow(
            () -> new IllegalArgumentException("Expected asset " + assetId + " but found none"));
  }

  static void requirePending(Asset asset, String what) {
    if (asset.status() != AssetStatus.DONATION_PENDING) {
      throw new IllegalStateException(
          "L'équipement %s est au statut « %s » : %s qu'au statut « %s »."
              .formatted(
                  asset.inventoryNumber(),
                  asset.status().label(),
                  what,
                  AssetStatus.DONATION_PENDING.label()));
    }
  }
}
