package fr.secondevie.recycling;

import fr.secondevie.inventory.AssetCategory;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/**
 * Typical weights per category, printed on the order so that the company plans its pickup. They are
 * estimates (our guess from common models), never used for indicators: the DEEE weight reported is
 * the one weighed at the pickup.
 */
final class EstimatedWeights {

  private static final Map<AssetCategory, BigDecimal> KG = new EnumMap<>(AssetCategory.class);

  static {
    KG.put(AssetCategory.DESKTOP, new BigDecimal("7.5"));
    KG.put(AssetCategory.LAPTOP, new BigDecimal("2.2"));
    KG.put(AssetCategory.MONITOR, new BigDecimal("5.0"));
    KG.put(AssetCategory.SERVER, new BigDecimal("25.0"));
    KG.put(AssetCategory.STORAGE_ARRAY, new BigDecimal("40.0"));
    KG.put(AssetCategory.NETWORK_SWITCH, new BigDecimal("4.0"));
    KG.put(AssetCategory.SECURITY_APPLIANCE, new BigDecimal("5.0"));
    KG.put(AssetCategory.PRINTER, new BigDecimal("10.0"));
    KG.put(AssetCategory.PHONE, new BigDecimal("0.2"));
  }

  private EstimatedWeights() {}

  static BigDecimal of(AssetCategory category) {
    return KG.getOrDefault(category, BigDecimal.ZERO);
  }
}
