package fr.secondevie.inventory;

import java.time.LocalDate;

/** One line of an asset list. */
public record AssetSummary(
    long id,
    String inventoryNumber,
    String serialNumber,
    String name,
    AssetCategory category,
    String manufacturer,
    String model,
    String site,
    String service,
    LocalDate acquisitionDate,
    Long acquisitionCostCents,
    AssetStatus status,
    DispositionRoute route) {}
