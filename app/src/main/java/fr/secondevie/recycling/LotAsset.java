package fr.secondevie.recycling;

import fr.secondevie.inventory.AssetCategory;
import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An asset in a lot, with what the order lists of it.
 *
 * @param completionPublishedAt when {@code DismantlingCompleted} was published for it
 */
@Table("dismantling_lot_asset")
record LotAsset(
    long assetId,
    String inventoryNumber,
    AssetCategory category,
    String serialNumber,
    String description,
    Instant addedAt,
    String operationId,
    Instant completionPublishedAt) {

  /** Typical weight of the category, for the order (the pickup weighs the lot). */
  public java.math.BigDecimal estimatedWeightKg() {
    return EstimatedWeights.of(category);
  }
}
