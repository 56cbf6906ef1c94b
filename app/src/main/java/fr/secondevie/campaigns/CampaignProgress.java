package fr.secondevie.campaigns;

import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.DispositionRoute;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * Where a campaign's assets are, from the facts the workers recorded: the inventory status of each
 * asset (one per step of P2), the routes recorded, and the outcome facts of the assets done.
 *
 * @param byStatus number of assets per inventory status, in lifecycle order, zeros included
 * @param byRoute number of assets per recorded route, zeros included
 * @param byOutcome number of assets whose process ended, per outcome (the four routes)
 */
@NamedInterface("api")
public record CampaignProgress(
    int assetCount,
    Map<AssetStatus, Long> byStatus,
    Map<DispositionRoute, Long> byRoute,
    Map<String, Long> byOutcome) {

  public long done() {
    return byOutcome.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Share of assets whose process ended, 0–100. */
  public int percentDone() {
    return assetCount == 0 ? 0 : (int) Math.floor(100.0 * done() / assetCount);
  }

  /** Internal reuse, donation and reconditioning among the assets done. */
  public long reuseOriented() {
    return byOutcome.getOrDefault("INTERNAL_REUSE", 0L)
        + byOutcome.getOrDefault("DONATION", 0L)
        + byOutcome.getOrDefault("RECONDITION", 0L);
  }
}
