package fr.secondevie.inventory;

import java.time.LocalDate;
import org.springframework.modulith.NamedInterface;

/**
 * One line of an asset list.
 *
 * @param location the GLPI location ("Lieu"), its first level being the site
 */
@NamedInterface("api")
public record AssetSummary(
    long id,
    String inventoryNumber,
    String serialNumber,
    String name,
    AssetCategory category,
    String manufacturer,
    String model,
    String site,
    String location,
    String service,
    LocalDate acquisitionDate,
    Long acquisitionCostCents,
    AssetStatus status,
    DispositionRoute route) {

  /** The location below the site (building, floor...), or null when GLPI gives only the site. */
  public String place() {
    if (location == null || location.isBlank()) {
      return null;
    }
    String[] levels = location.split("\\s*>\\s*", 2);
    if (levels.length == 2 && site != null && levels[0].strip().equals(site)) {
      return levels[1].strip().isEmpty() ? null : levels[1].strip();
    }
    return site != null && location.strip().equals(site) ? null : location.strip();
  }
}
