package fr.secondevie.indicators;

import static fr.secondevie.inventory.AssetCategory.DESKTOP;
import static fr.secondevie.inventory.AssetCategory.LAPTOP;
import static fr.secondevie.inventory.AssetCategory.MONITOR;
import static fr.secondevie.inventory.AssetStatus.DONATED;
import static fr.secondevie.inventory.AssetStatus.DONATION_PENDING;
import static fr.secondevie.inventory.AssetStatus.IN_STOCK;
import static fr.secondevie.inventory.AssetStatus.RECONDITIONING;
import static fr.secondevie.inventory.AssetStatus.RECYCLED;
import static fr.secondevie.inventory.AssetStatus.RECYCLING_PENDING;

import java.math.BigDecimal;

/** The seeded year 2025 of the indicators tests: A = 1, B = 3, rate 33,3 %. */
final class AnnualReportFixtures {

  private AnnualReportFixtures() {}

  /**
   * Three in-scope assets retired in autumn 2024 are in stock on 1 January 2025 (B = 3); one is
   * reconditioned (A), one recycled, one donated without a recorded reuse commitment (excluded from
   * A). Returns the id of the reconditioned asset.
   */
  static long year2025(SeededAssets seeded) {
    long reconditioned =
        seeded
            .asset("IND-A", DESKTOP)
            .retiredOn("2024-11-04")
            .then("2025-02-03T09:00:00Z", RECONDITIONING)
            .then("2025-03-03T09:00:00Z", IN_STOCK)
            .save();
    long recycled =
        seeded
            .asset("IND-B", LAPTOP)
            .retiredOn("2024-10-01")
            .then("2024-10-05T09:00:00Z", RECYCLING_PENDING)
            .then("2025-04-01T09:00:00Z", RECYCLED)
            .save();
    long donated =
        seeded
            .asset("IND-C", MONITOR)
            .retiredOn("2024-12-02")
            .then("2025-01-06T09:00:00Z", DONATION_PENDING)
            .then("2025-02-03T09:00:00Z", DONATED)
            .save();
    seeded.fact(reconditioned, "RECONDITION", "2025-03-03", null);
    seeded.fact(recycled, "RECYCLE", "2025-04-01", new BigDecimal("2.5"));
    seeded.fact(donated, "DONATION", "2025-02-03", null);
    return reconditioned;
  }
}
