package fr.secondevie.productionlike;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The campaign's assets: monitors (no storage) and recent desktops with one SSD each, all fit for
 * internal reuse, so that the campaign needs no adapted company nor beneficiary: every asset is
 * collected, the desktops' drives are wiped (wipe station's report, certificate), and the internal
 * workshop reconditions each one. The GLPI export is in the format of {@code
 * samples/glpi-export-chu.csv} (UTF-8 with BOM, {@code ;}, quoted values, French headers).
 */
record ReuseFleet(String site, List<Planned> assets) {

  /** One asset of the export; {@code driveSerial} is null for a monitor. */
  record Planned(String inventoryNumber, String glpiType, String model, String driveSerial) {}

  static ReuseFleet of(int monitors, int desktops, LocalDate today) {
    List<Planned> assets = new ArrayList<>();
    int year = today.minusYears(3).getYear();
    for (int n = 1; n <= monitors + desktops; n++) {
      boolean desktop = n > monitors;
      String number = String.format(Locale.ROOT, "CHU76-%d-%05d", year, 90_000 + n);
      assets.add(
          new Planned(
              number,
              desktop ? "Poste fixe" : "Écran",
              desktop ? "EliteDesk 800 G8" : "P2419H",
              desktop ? String.format(Locale.ROOT, "SSD-PROD-%05d", n) : null));
    }
    return new ReuseFleet("Hôpital Charles-Nicolle", List.copyOf(assets));
  }

  Planned get(String inventoryNumber) {
    return assets.stream()
        .filter(a -> a.inventoryNumber().equals(inventoryNumber))
        .findFirst()
        .orElseThrow(() -> new AssertionError("Not an asset of the campaign: " + inventoryNumber));
  }

  long desktops() {
    return assets.stream().filter(a -> a.driveSerial() != null).count();
  }

  byte[] glpiCsv(LocalDate today) {
    StringBuilder csv = new StringBuilder("\uFEFF");
    csv.append(
        row(
            "Nom",
            "Entité",
            "Statut",
            "Fabricant",
            "Numéro de série",
            "Type",
            "Modèle",
            "Lieu",
            "Numéro d'inventaire",
            "Groupe",
            "Système d'exploitation - Nom",
            "Date d'achat",
            "Valeur"));
    int n = 0;
    for (Planned a : assets) {
      n++;
      boolean desktop = a.driveSerial() != null;
      csv.append(
          row(
              String.format(Locale.ROOT, "PROD-%05d", n),
              "CHU de Rouen",
              "En service",
              desktop ? "HP" : "Dell",
              String.format(Locale.ROOT, "SNPROD%06d", n * 7919),
              a.glpiType(),
              a.model(),
              site + " > Pavillon Derocque > Radiologie",
              a.inventoryNumber(),
              "Radiologie",
              desktop ? "Windows 11 Entreprise" : "",
              today.minusYears(3).minusDays(n).toString(),
              desktop ? "890,00" : "210,00"));
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String row(String... values) {
    StringBuilder line = new StringBuilder();
    for (String v : values) {
      line.append('"').append(v.replace("\"", "\"\"")).append("\";");
    }
    return line.append("\r\n").toString();
  }
}
