package fr.secondevie.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The assets of the benchmark campaign: a GLPI CSV export in the format of {@code
 * samples/glpi-export-chu.csv}, and for each asset what the technicians and managers will do with
 * it, chosen so that every route of P2 occurs.
 *
 * <p>The mix (of 1,200): 20 % monitors of at most 6 years (internal reuse), 25 % desktops of 6 to 9
 * years fully depreciated (donation), 15 % recent laptops with a worn battery (reconditioning by a
 * supplier or the workshop), 10 % servers (review: the asset manager arbitrates recycling), 5 %
 * laptops whose SSD is only overwritten (the wipe fails, the media are destroyed, recycling), the
 * rest desktops older than 10 years (recycling). The recycled count is a multiple of the demo
 * adapted company's lot size, so every dismantling lot closes on size (the other way, {@code P30D},
 * would wait a month).
 */
final class CampaignFleet {

  /** Site of the measured campaign's assets: the campaign takes the whole site. */
  static final String SITE = "Hôpital Charles-Nicolle";

  /** Site of the warm-up campaign's assets. */
  static final String WARM_UP_SITE = "Hôpital de Bois-Guillaume";

  /** What happens to an asset, and the route P2 ends with. */
  enum Kind {
    REUSE_MONITOR("INTERNAL_REUSE"),
    DONATION_DESKTOP("DONATION"),
    RECONDITION_LAPTOP("RECONDITION"),
    REVIEW_SERVER("RECYCLE"),
    WIPE_FAILED_LAPTOP("RECYCLE"),
    RECYCLE_OLD_DESKTOP("RECYCLE");

    final String outcome;

    Kind(String outcome) {
      this.outcome = outcome;
    }
  }

  /** A drive the technician finds in the asset. */
  record Drive(String serialNumber, String type, int capacityGb, String model) {}

  /** One asset of the export and its scenario. */
  record Planned(
      String inventoryNumber,
      Kind kind,
      String glpiType,
      String manufacturer,
      String model,
      String os,
      LocalDate boughtOn,
      long costCents,
      String service,
      List<Drive> drives) {}

  private static final String[] SERVICES = {
    "Radiologie",
    "Urgences",
    "Cardiologie",
    "Pédiatrie",
    "Maternité",
    "Bloc opératoire",
    "Pharmacie",
    "Laboratoire",
    "Direction des achats",
    "Direction financière"
  };
  private static final String[] BUILDINGS = {
    "Pavillon Derocque", "Pavillon Félix-Dévé", "Bâtiment Dévé", "Pavillon Lecat"
  };

  private final String site;
  private final int firstNumber;
  private final List<Planned> assets;
  private final Map<String, Planned> byInventoryNumber = new LinkedHashMap<>();

  private CampaignFleet(String site, int firstNumber, List<Planned> assets) {
    this.site = site;
    this.firstNumber = firstNumber;
    this.assets = List.copyOf(assets);
    assets.forEach(a -> byInventoryNumber.put(a.inventoryNumber(), a));
  }

  /**
   * @param count number of assets, 40 at least
   * @param lotSize size of a dismantling lot: the recycled count is a multiple of it
   * @param today acquisition dates are counted back from it
   * @param site the site of every asset
   * @param firstNumber number of the first asset (inventory numbers, names, serial numbers): two
   *     fleets of one run must not overlap
   */
  static CampaignFleet generate(
      int count, int lotSize, LocalDate today, String site, int firstNumber) {
    if (count < 40) {
      throw new IllegalArgumentException("40 assets at least, got " + count);
    }
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    counts.put(Kind.REUSE_MONITOR, count * 20 / 100);
    counts.put(Kind.DONATION_DESKTOP, count * 25 / 100);
    counts.put(Kind.RECONDITION_LAPTOP, count * 15 / 100);
    counts.put(Kind.REVIEW_SERVER, count * 10 / 100);
    counts.put(Kind.WIPE_FAILED_LAPTOP, count * 5 / 100);
    int others = counts.values().stream().mapToInt(Integer::intValue).sum();
    int old = count - others;
    int recycled = old + counts.get(Kind.REVIEW_SERVER) + counts.get(Kind.WIPE_FAILED_LAPTOP);
    int excess = recycled % lotSize;
    counts.put(Kind.RECYCLE_OLD_DESKTOP, old - excess);
    counts.merge(Kind.REUSE_MONITOR, excess, Integer::sum);

    List<Kind> kinds = new ArrayList<>();
    counts.forEach((kind, n) -> kinds.addAll(Collections.nCopies(n, kind)));
    Random random = new Random(20261129L);
    Collections.shuffle(kinds, random);
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < kinds.size(); i++) {
      planned.add(plan(kinds.get(i), firstNumber + i, today, random));
    }
    return new CampaignFleet(site, firstNumber, planned);
  }

  private static Planned plan(Kind kind, int n, LocalDate today, Random random) {
    String service = SERVICES[random.nextInt(SERVICES.length)];
    return switch (kind) {
      case REUSE_MONITOR ->
          planned(
              kind, n, "Écran", "Dell", "P2419H", "", today, 2, 5, 180_00, 260_00, service, 0, null,
              random);
      case DONATION_DESKTOP ->
          planned(
              kind,
              n,
              "Poste fixe",
              "HP",
              "EliteDesk 800 G3",
              "Windows 10 Entreprise",
              today,
              6,
              9,
              520_00,
              790_00,
              service,
              1,
              "SSD",
              random);
      case RECONDITION_LAPTOP ->
          planned(
              kind,
              n,
              "Portable",
              "Lenovo",
              "ThinkPad T14 Gen 2",
              "Windows 11 Entreprise",
              today,
              2,
              4,
              1_090_00,
              1_390_00,
              service,
              1,
              "NVME",
              random);
      case REVIEW_SERVER ->
          planned(
              kind,
              n,
              "Serveur",
              "Dell",
              "PowerEdge R640",
              "Windows Server 2019",
              today,
              4,
              7,
              6_200_00,
              9_400_00,
              service,
              2,
              "HDD",
              random);
      case WIPE_FAILED_LAPTOP ->
          planned(
              kind,
              n,
              "Portable",
              "Dell",
              "Latitude 5490",
              "Windows 10 Entreprise",
              today,
              5,
              8,
              880_00,
              1_150_00,
              service,
              1,
              "SSD",
              random);
      case RECYCLE_OLD_DESKTOP ->
          planned(
              kind,
              n,
              "Poste fixe",
              "Dell",
              "OptiPlex 7010",
              "Windows 7 Professionnel",
              today,
              11,
              14,
              480_00,
              690_00,
              service,
              1,
              "HDD",
              random);
    };
  }

  private static Planned planned(
      Kind kind,
      int n,
      String glpiType,
      String manufacturer,
      String model,
      String os,
      LocalDate today,
      int minYears,
      int maxYears,
      long minCents,
      long maxCents,
      String service,
      int drives,
      String driveType,
      Random random) {
    // Strictly inside [minYears, maxYears] years of age, whatever the day of the run.
    int days = 365 * minYears + 20 + random.nextInt(365 * (maxYears - minYears) - 40 + 1);
    LocalDate bought = today.minusDays(days);
    long cost = minCents + (long) (random.nextDouble() * (maxCents - minCents));
    String inventoryNumber = String.format(Locale.ROOT, "CHU76-%d-%05d", bought.getYear(), n);
    List<Drive> list = new ArrayList<>();
    for (int d = 1; d <= drives; d++) {
      list.add(
          new Drive(
              "DRV" + bought.getYear() + String.format(Locale.ROOT, "%05d", n) + "-" + d,
              driveType,
              switch (driveType) {
                case "HDD" -> 600;
                case "NVME" -> 512;
                default -> 256;
              },
              switch (driveType) {
                case "HDD" -> "Seagate Exos 10E2400";
                case "NVME" -> "Samsung PM9A1";
                default -> "Samsung PM871b";
              }));
    }
    return new Planned(
        inventoryNumber, kind, glpiType, manufacturer, model, os, bought, cost, service, list);
  }

  String site() {
    return site;
  }

  boolean contains(String inventoryNumber) {
    return byInventoryNumber.containsKey(inventoryNumber);
  }

  List<Planned> assets() {
    return assets;
  }

  Planned get(String inventoryNumber) {
    Planned planned = byInventoryNumber.get(inventoryNumber);
    if (planned == null) {
      throw new IllegalStateException("Not an asset of the benchmark: " + inventoryNumber);
    }
    return planned;
  }

  Map<Kind, Long> countsByKind() {
    Map<Kind, Long> counts = new EnumMap<>(Kind.class);
    assets.forEach(a -> counts.merge(a.kind(), 1L, Long::sum));
    return counts;
  }

  /** The GLPI export: UTF-8 with BOM, {@code ;}, every value quoted, French headers. */
  byte[] glpiCsv() {
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
    int n = firstNumber - 1;
    for (Planned a : assets) {
      n++;
      String cost =
          String.format(Locale.FRANCE, "%.2f", a.costCents() / 100.0).replace('\u202f', ' ');
      csv.append(
          row(
              String.format(Locale.ROOT, "BENCH-%05d", n),
              "CHU de Rouen",
              "En service",
              a.manufacturer(),
              String.format(Locale.ROOT, "SN%08d", n * 7919L),
              a.glpiType(),
              a.model(),
              site + " > " + BUILDINGS[n % BUILDINGS.length] + " > " + a.service(),
              a.inventoryNumber(),
              a.service(),
              a.os(),
              a.boughtOn().toString(),
              cost));
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
