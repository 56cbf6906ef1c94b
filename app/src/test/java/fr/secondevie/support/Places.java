package fr.secondevie.support;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import fr.secondevie.inventory.InventoryService;
import java.time.LocalDate;
import java.util.UUID;

/** In-service assets at a given site, place and service, for pages that show where assets are. */
public final class Places {

  private Places() {}

  /**
   * A desktop in service at the site, in the GLPI location "site > place", in the service.
   *
   * @param place the location below the site (building, floor), or null for the site only
   */
  public static Asset desktopAt(
      InventoryService inventory, String site, String place, String service) {
    String number = "P-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    return inventory
        .register(
            number,
            new Asset.Description(
                "SN-" + number,
                "PC-" + number,
                AssetCategory.DESKTOP,
                "Dell",
                "OptiPlex 7060",
                site,
                place == null ? site : site + " > " + place,
                service,
                LocalDate.of(2019, 5, 14),
                71_240L),
            AssetStatus.IN_SERVICE,
            "gestionnaire",
            "test",
            "register-" + number)
        .asset();
  }

  /** A site name no other test uses. */
  public static String site(String name) {
    return name + " " + UUID.randomUUID().toString().substring(0, 6);
  }
}
