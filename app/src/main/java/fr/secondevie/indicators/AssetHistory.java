package fr.secondevie.indicators;

import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the reuse rate needs to know of one asset: its category, acquisition date and status changes
 * over time (read from the chain of custody, oldest first).
 */
record AssetHistory(
    long assetId,
    String inventoryNumber,
    AssetCategory category,
    LocalDate acquisitionDate,
    List<StatusChange> changes) {

  AssetHistory {
    changes = List.copyOf(changes);
  }

  /** One status change of the chain of custody. */
  record StatusChange(Instant at, AssetStatus from, AssetStatus to) {}
}
