package fr.secondevie.sanitization;

import fr.secondevie.inventory.StorageType;
import java.util.List;

/**
 * Process variable {@code sanitizationPlan}: the level each storage device requires.
 *
 * @param healthData whether the asset's media may hold health data (then at least Purge)
 */
public record SanitizationPlan(boolean healthData, List<PlannedDrive> drives) {

  public SanitizationPlan {
    drives = drives == null ? List.of() : List.copyOf(drives);
  }

  /** One storage device to sanitize. */
  public record PlannedDrive(
      String serialNumber,
      StorageType type,
      SanitizationLevel requiredLevel,
      String recommendedMethod) {}

  /** Whether any drive must be wiped (variable {@code sanitizationRequired}). */
  public boolean sanitizationRequired() {
    return !drives.isEmpty();
  }
}
