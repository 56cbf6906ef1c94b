package fr.secondevie.sanitization;

import fr.secondevie.inventory.StorageType;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Process variable {@code sanitizationPlan}: the level each storage device requires.
 *
 * @param healthData whether the asset's media may hold health data (then at least Purge)
 * @param noStorageReason with no drive to plan: why that is proven (the collection's attestation,
 *     or a category that carries no storage), in French; null when there are drives, or when
 *     nothing proves the absence (then the plan does not pass, {@link ReportCheck})
 */
@NamedInterface("api")
public record SanitizationPlan(
    boolean healthData, List<PlannedDrive> drives, String noStorageReason) {

  public SanitizationPlan {
    drives = drives == null ? List.of() : List.copyOf(drives);
    noStorageReason = drives.isEmpty() ? noStorageReason : null;
  }

  /** A plan with drives (or with no drive and nothing proving it). */
  public SanitizationPlan(boolean healthData, List<PlannedDrive> drives) {
    this(healthData, drives, null);
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
