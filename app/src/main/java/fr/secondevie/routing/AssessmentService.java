package fr.secondevie.routing;

import fr.secondevie.common.FrenchFormats;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.InventoryService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the {@link Assessment} of an asset at today's date (Paris). Reads only. */
@Service
@Transactional(readOnly = true)
class AssessmentService {

  /** GLPI export columns that name the operating system (French headers). */
  static final String OS_NAME = "Système d'exploitation - Nom";

  static final String OS_VERSION = "Système d'exploitation - Version";

  /** Categories with an operating system whose support matters for reuse. */
  static final Set<AssetCategory> WITH_OS =
      EnumSet.of(AssetCategory.DESKTOP, AssetCategory.LAPTOP, AssetCategory.SERVER);

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final InventoryService inventory;
  private final RoutingProperties properties;
  private final Clock clock;

  AssessmentService(InventoryService inventory, RoutingProperties properties, Clock clock) {
    this.inventory = inventory;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * @throws IllegalArgumentException unknown asset
   */
  public Assessment assess(long assetId) {
    Asset asset =
        inventory
            .findById(assetId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Aucun équipement n° " + assetId + " dans l'inventaire"));
    LocalDate today = LocalDate.now(clock.withZone(PARIS));
    return assess(asset, today);
  }

  Assessment assess(Asset asset, LocalDate on) {
    Double age = AssetAge.yearsBetween(asset.acquisitionDate(), on);
    BigDecimal residual =
        Depreciation.residualValueEuros(
            asset.acquisitionCostCents(), age, properties.lifeYears(asset.category()));
    return new Assessment(
        asset.category().name(),
        age,
        residual,
        osSupported(asset, on),
        on.toString(),
        asset.category().label(),
        FrenchFormats.age(age),
        FrenchFormats.euros(residual));
  }

  private static Boolean osSupported(Asset asset, LocalDate on) {
    if (!WITH_OS.contains(asset.category())) {
      return null;
    }
    Map<String, String> attributes = asset.technicalAttributes();
    String name = attributes.get(OS_NAME);
    if (name == null) {
      return null;
    }
    String version = attributes.get(OS_VERSION);
    return OsSupportTable.supported(version == null ? name : name + " " + version, on);
  }
}
