package fr.secondevie.donation;

import fr.secondevie.inventory.AssetCategory;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Solidarity prices: the highest price, VAT included, at which a public-utility or general-interest
 * association may resell donated equipment to people in precarity (décret of 7 November 2022,
 * working device with its charger, storage, operating system and battery). Source: {@code
 * domain-research.md} §3.3.
 */
final class SolidarityPrices {

  private static final Map<AssetCategory, Long> CAP_CENTS = new EnumMap<>(AssetCategory.class);

  static {
    CAP_CENTS.put(AssetCategory.LAPTOP, 18_000L);
    // "unité centrale + écran + clavier + souris"
    CAP_CENTS.put(AssetCategory.DESKTOP, 15_000L);
    CAP_CENTS.put(AssetCategory.MONITOR, 3_000L);
    // individual printer (a multifunction printer is capped at 170 €)
    CAP_CENTS.put(AssetCategory.PRINTER, 3_000L);
    CAP_CENTS.put(AssetCategory.PHONE, 10_000L);
  }

  private SolidarityPrices() {}

  /** The cap in euro cents, VAT included, or empty when the decree sets none for the category. */
  static Optional<Long> capCents(AssetCategory category) {
    return Optional.ofNullable(CAP_CENTS.get(category));
  }
}
