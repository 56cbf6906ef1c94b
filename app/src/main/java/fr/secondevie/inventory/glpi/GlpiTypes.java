package fr.secondevie.inventory.glpi;

import fr.secondevie.inventory.AssetCategory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * GLPI "Type" values (computer, monitor and network equipment types are dropdowns each hospital
 * fills) mapped to Seconde Vie's categories. Matching ignores case and accents. Routers and Wi-Fi
 * access points count as network switches; the GLPI type is kept as an attribute.
 */
final class GlpiTypes {

  private static final Map<String, AssetCategory> TYPES = new LinkedHashMap<>();

  static {
    put(
        AssetCategory.DESKTOP,
        "Desktop",
        "Poste fixe",
        "PC fixe",
        "Poste de travail",
        "Unité centrale",
        "UC",
        "Ordinateur de bureau",
        "Ordinateur fixe",
        "Station de travail",
        "Workstation",
        "Tour",
        "Mini PC",
        "Mini-PC",
        "Tout-en-un",
        "All-in-one",
        "Client léger",
        "Thin client");
    put(
        AssetCategory.LAPTOP,
        "Laptop",
        "Portable",
        "Ordinateur portable",
        "PC portable",
        "Notebook",
        "Ultraportable",
        "Tablette",
        "Tablet",
        "Tablette PC");
    put(
        AssetCategory.MONITOR,
        "Moniteur",
        "Monitor",
        "Écran",
        "Ecran",
        "Écran plat",
        "LCD",
        "Écran LCD");
    put(
        AssetCategory.SERVER,
        "Serveur",
        "Server",
        "Serveur rack",
        "Serveur lame",
        "Lame",
        "Blade",
        "Serveur tour",
        "Hyperviseur");
    put(
        AssetCategory.STORAGE_ARRAY,
        "Baie de stockage",
        "Baie",
        "Stockage",
        "Storage",
        "SAN",
        "NAS",
        "Baie SAN",
        "Librairie de sauvegarde");
    put(
        AssetCategory.NETWORK_SWITCH,
        "Switch",
        "Commutateur",
        "Commutateur réseau",
        "Switch réseau",
        "Routeur",
        "Router",
        "Borne Wi-Fi",
        "Borne WiFi",
        "Point d'accès",
        "Point d'accès Wi-Fi",
        "Access point");
    put(
        AssetCategory.SECURITY_APPLIANCE,
        "Pare-feu",
        "Firewall",
        "UTM",
        "Appliance de sécurité",
        "Boîtier de sécurité",
        "Équipement de sécurité",
        "Proxy",
        "Concentrateur VPN");
    put(
        AssetCategory.PRINTER,
        "Imprimante",
        "Printer",
        "Multifonction",
        "Imprimante multifonction",
        "Copieur",
        "MFP",
        "Traceur");
    put(
        AssetCategory.PHONE,
        "Téléphone",
        "Telephone",
        "Phone",
        "Smartphone",
        "Téléphone IP",
        "Téléphone fixe",
        "Téléphone mobile",
        "DECT",
        "Mobile");
    for (AssetCategory category : AssetCategory.values()) {
      TYPES.putIfAbsent(GlpiColumn.normalize(category.name()), category);
      TYPES.putIfAbsent(GlpiColumn.normalize(category.label()), category);
    }
  }

  private GlpiTypes() {}

  private static void put(AssetCategory category, String... types) {
    for (String type : types) {
      TYPES.put(GlpiColumn.normalize(type), category);
    }
  }

  static Optional<AssetCategory> categoryOf(String glpiType) {
    return Optional.ofNullable(TYPES.get(GlpiColumn.normalize(glpiType)));
  }

  /** A few accepted values, for error messages. */
  static String examples() {
    return "Poste fixe, Portable, Écran, Serveur, Baie de stockage, Switch, Pare-feu,"
        + " Imprimante, Téléphone";
  }
}
