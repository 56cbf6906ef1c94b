package fr.secondevie.routing;

import fr.secondevie.inventory.AssetCategory;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the routing module ({@code secondevie.routing.*}).
 *
 * @param accountingLifeYears accounting life per category, for the residual value; categories not
 *     given take the defaults of {@link #DEFAULT_LIFE_YEARS}
 */
@ConfigurationProperties("secondevie.routing")
record RoutingProperties(Map<AssetCategory, Integer> accountingLifeYears) {

  /** Defaults: within the 3 to 5 years hospitals' accounting uses for IT equipment. */
  public static final Map<AssetCategory, Integer> DEFAULT_LIFE_YEARS = defaults();

  public RoutingProperties {
    Map<AssetCategory, Integer> merged = new EnumMap<>(DEFAULT_LIFE_YEARS);
    if (accountingLifeYears != null) {
      merged.putAll(accountingLifeYears);
    }
    accountingLifeYears = Map.copyOf(merged);
  }

  public int lifeYears(AssetCategory category) {
    return accountingLifeYears.get(category);
  }

  private static Map<AssetCategory, Integer> defaults() {
    Map<AssetCategory, Integer> m = new EnumMap<>(AssetCategory.class);
    m.put(AssetCategory.DESKTOP, 5);
    m.put(AssetCategory.LAPTOP, 4);
    m.put(AssetCategory.MONITOR, 5);
    m.put(AssetCategory.PRINTER, 5);
    m.put(AssetCategory.PHONE, 3);
    m.put(AssetCategory.SERVER, 5);
    m.put(AssetCategory.STORAGE_ARRAY, 5);
    m.put(AssetCategory.NETWORK_SWITCH, 5);
    m.put(AssetCategory.SECURITY_APPLIANCE, 5);
    return Map.copyOf(m);
  }
}
