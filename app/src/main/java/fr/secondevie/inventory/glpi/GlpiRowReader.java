package fr.secondevie.inventory.glpi;

import fr.secondevie.common.InputError;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks the data rows of a GLPI export one by one, with their line number: its width against the
 * header, its inventory number (present, fit for an address, once in the file), its type, dates,
 * amounts and status. A valid row becomes an {@link ImportedAsset}; a refused one adds its errors.
 */
final class GlpiRowReader {

  /** Attributes kept per asset, at most. */
  static final int MAX_ATTRIBUTES = 60;

  private static final Set<String> STOCK_STATUSES =
      Set.of("en stock", "stock", "en reserve", "reserve", "disponible", "spare", "in stock");

  /**
   * Seconde Vie's own labels of the statuses an asset reaches only through its lifecycle (wiped,
   * routed, donated, recycled…): a row claiming one of them is refused, never imported as is.
   */
  private static final Set<String> LIFECYCLE_STATUSES =
      Arrays.stream(AssetStatus.values())
          .filter(s -> !s.isEntry())
          .map(s -> GlpiColumn.normalize(s.label()))
          .collect(Collectors.toUnmodifiableSet());

  private final GlpiHeader header;
  private final LocalDate today;
  private final List<ImportedAsset> rows;
  private final List<InputError> errors;

  /** The first line of each inventory number read so far (lower case). */
  private final Map<String, Integer> seen = new HashMap<>();

  /**
   * @param today acquisition dates after today are errors
   * @param rows receives the valid rows
   * @param errors receives the errors of the refused rows
   */
  GlpiRowReader(
      GlpiHeader header, LocalDate today, List<ImportedAsset> rows, List<InputError> errors) {
    this.header = header;
    this.today = today;
    this.rows = rows;
    this.errors = errors;
  }

  void read(CSVRecord record, int line) {
    int before = errors.size();
    int width = header.width();
    if (record.size() < width) {
      errors.add(
          InputError.atLine(
              line,
              null,
              null,
              "Ligne incomplète : %d champ(s) au lieu de %d (séparateur différent de « %s » ?)"
                  .formatted(record.size(), width, header.delimiterHint)));
      return;
    }
    for (int i = width; i < record.size(); i++) {
      if (!record.get(i).isBlank()) {
        errors.add(
            InputError.atLine(
                line,
                null,
                record.get(i),
                "Ligne trop longue : %d champ(s) au lieu de %d".formatted(record.size(), width)));
        return;
      }
    }
    GlpiRow row = new GlpiRow(record, header, line, errors);
    String inventoryNumber = inventoryNumber(row);
    String type = row.text(GlpiColumn.TYPE, 128);
    AssetCategory category = category(row, type);
    String location = row.text(GlpiColumn.LOCATION, 512);
    String site = location == null ? null : location.split("\\s*>\\s*")[0].strip();
    LocalDate purchased = row.date(GlpiColumn.PURCHASE_DATE, today);
    Long cents = row.cents(GlpiColumn.VALUE);
    String glpiStatus = row.text(GlpiColumn.STATUS, 128);
    if (glpiStatus != null && LIFECYCLE_STATUSES.contains(GlpiColumn.normalize(glpiStatus))) {
      row.error(
          GlpiColumn.STATUS,
          glpiStatus,
          "Statut « %s » : un équipement n'entre dans Seconde Vie qu'en service ou en stock ; il"
                  .formatted(glpiStatus)
              + " n'atteint l'effacement, le don, le reconditionnement ou le recyclage que par son"
              + " cycle de vie, avec ses preuves");
    }
    Asset.Description description =
        new Asset.Description(
            row.text(GlpiColumn.SERIAL_NUMBER, 128),
            row.text(GlpiColumn.NAME, 255),
            category,
            row.text(GlpiColumn.MANUFACTURER, 128),
            row.text(GlpiColumn.MODEL, 255),
            site == null || site.isEmpty() ? null : truncate(site, 255),
            location,
            row.text(GlpiColumn.GROUP, 255),
            purchased,
            cents);
    if (errors.size() > before) {
      return;
    }
    AssetStatus initial =
        glpiStatus != null && STOCK_STATUSES.contains(GlpiColumn.normalize(glpiStatus))
            ? AssetStatus.IN_STOCK
            : AssetStatus.IN_SERVICE;
    rows.add(
        new ImportedAsset(
            line, inventoryNumber, description, initial, glpiStatus, attributes(row, type)));
  }

  /** The row's inventory number, or null with an error: missing, unfit or already read. */
  private String inventoryNumber(GlpiRow row) {
    String inventoryNumber = row.text(GlpiColumn.INVENTORY_NUMBER, 64);
    String unfit = row.unfitInventoryNumber();
    if (unfit != null) {
      row.error(GlpiColumn.INVENTORY_NUMBER, row.raw(GlpiColumn.INVENTORY_NUMBER), unfit);
    } else if (inventoryNumber == null) {
      row.error(GlpiColumn.INVENTORY_NUMBER, null, "Numéro d'inventaire manquant");
    } else {
      Integer first = seen.putIfAbsent(inventoryNumber.toLowerCase(Locale.ROOT), row.line());
      if (first != null) {
        row.error(
            GlpiColumn.INVENTORY_NUMBER,
            inventoryNumber,
            "Numéro d'inventaire en double : déjà présent ligne " + first);
      }
    }
    return inventoryNumber;
  }

  /** The category of GLPI's type, or null with an error: missing or unknown. */
  private static AssetCategory category(GlpiRow row, String type) {
    if (type == null) {
      row.error(GlpiColumn.TYPE, null, "Type manquant : impossible de déterminer la catégorie");
      return null;
    }
    Optional<AssetCategory> mapped = GlpiTypes.categoryOf(type);
    if (mapped.isEmpty()) {
      row.error(
          GlpiColumn.TYPE,
          type,
          "Type inconnu « " + type + " » ; types reconnus, par exemple : " + GlpiTypes.examples());
      return null;
    }
    return mapped.get();
  }

  /**
   * GLPI's type and entity, then the columns Seconde Vie does not read, as technical attributes.
   */
  private Map<String, String> attributes(GlpiRow row, String type) {
    Map<String, String> attributes = new TreeMap<>();
    if (type != null) {
      attributes.put("Type GLPI", type);
    }
    String entity = row.text(GlpiColumn.ENTITY, 1000);
    if (entity != null) {
      attributes.put("Entité GLPI", entity);
    }
    for (int i = 0; i < header.width() && attributes.size() < MAX_ATTRIBUTES; i++) {
      if (header.columns[i] == null && !header.names[i].isEmpty()) {
        String value = GlpiRow.clean(row.record().get(i));
        if (!value.isEmpty()) {
          attributes.put(truncate(header.names[i], 128), truncate(value, 1000));
        }
      }
    }
    return attributes;
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }
}
