package fr.secondevie.inventory.glpi;

import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.AssetCategory;
import fr.secondevie.inventory.AssetStatus;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a GLPI list export (computers, monitors, network equipment) into valid rows and errors.
 *
 * <p>GLPI writes one header line of search-option names, then one line per item, every value in
 * double quotes (a quote inside a value becomes two apostrophes), each followed by the delimiter
 * (so lines end with a trailing delimiter), multi-valued cells joined with {@code <br>}. Dates
 * follow the exporting user's preference (YYYY-MM-DD by default, or DD-MM-YYYY); values use the
 * user's number format ("1 234,56" or "1,234.56"). Every row is checked; nothing is written here.
 */
final class GlpiCsvParser {

  /** Attributes kept per asset, at most. */
  static final int MAX_ATTRIBUTES = 60;

  private static final LocalDate OLDEST = LocalDate.of(1980, 1, 1);
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final Pattern DMY_DATE = Pattern.compile("\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}");
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DMY =
      DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d{1,2})?");
  private static final Set<String> STOCK_STATUSES =
      Set.of("en stock", "stock", "en reserve", "reserve", "disponible", "spare", "in stock");

  /**
   * Seconde Vie's own labels of the statuses an asset reaches only through its lifecycle (wiped,
   * routed, donated, recycled…): a row claiming one of them is refused, never imported as is.
   */
  private static final Set<String> LIFECYCLE_STATUSES =
      java.util.Arrays.stream(AssetStatus.values())
          .filter(s -> !s.isEntry())
          .map(s -> GlpiColumn.normalize(s.label()))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  private static final long MAX_CENTS = 10_000_000_00L;
  private static final String FORBIDDEN_IN_NUMBER = "/\\%?#<>";
  private static final String FORBIDDEN_LIST = "/ \\ % ? # < >";

  /** What the parser found. */
  record Result(CsvText format, int dataRows, List<ImportedAsset> rows, List<RowError> errors) {}

  private GlpiCsvParser() {}

  /**
   * Parses the whole file.
   *
   * @param today acquisition dates after today are errors
   * @param progress told the number of data rows read so far, every 500 rows
   * @throws CsvRejectedException the file cannot be read at all (encoding, delimiter, columns)
   */
  private static final Pattern CSV_LINE = Pattern.compile("line: ([\\d\\s,.\\u00a0\\u202f]+)");

  /**
   * The row error of a record the CSV reader cannot read, in French: the line where the broken
   * field starts and what is wrong with its quotes (never the reader's English exception).
   */
  static RowError unreadable(int line, RuntimeException e) {
    String detail = e.getCause() != null ? String.valueOf(e.getCause().getMessage()) : "";
    detail = detail.isEmpty() ? String.valueOf(e.getMessage()) : detail;
    String reason;
    if (detail.contains("EOF reached before encapsulated token finished")) {
      reason =
          "un champ ouvert par un guillemet (\") n'est jamais refermé : il manque le guillemet"
              + " fermant";
    } else if (detail.contains("Invalid character between encapsulated token and delimiter")) {
      Matcher at = CSV_LINE.matcher(detail);
      if (at.find()) {
        line = Integer.parseInt(at.group(1).replaceAll("\\D", ""));
      }
      reason =
          "un caractère suit le guillemet fermant d'un champ au lieu du séparateur (un guillemet"
              + " à l'intérieur d'un champ s'écrit doublé : \"\")";
    } else {
      reason = "guillemets mal placés";
    }
    return new RowError(
        line,
        null,
        null,
        "Ligne illisible : "
            + reason
            + ". La lecture du fichier s'arrête à cette ligne ;"
            + " corrigez-la puis importez le fichier à nouveau.");
  }

  static Result parse(byte[] bytes, LocalDate today, IntConsumer progress)
      throws CsvRejectedException {
    CsvText text = CsvText.detect(bytes);
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(text.delimiter())
            .setIgnoreEmptyLines(false)
            .setIgnoreSurroundingSpaces(true)
            .setTrim(true)
            .get();
    List<ImportedAsset> rows = new ArrayList<>();
    List<RowError> errors = new ArrayList<>();
    int dataRows = 0;
    try (CSVParser parser = format.parse(new StringReader(text.text()))) {
      var records = parser.iterator();
      long lineBefore = 0;
      Header header = null;
      Map<String, Integer> seen = new HashMap<>();
      while (true) {
        CSVRecord record;
        try {
          if (!records.hasNext()) {
            break;
          }
          record = records.next();
        } catch (UncheckedIOException | IllegalStateException e) {
          errors.add(unreadable((int) lineBefore + 1, e));
          break;
        }
        int line = (int) lineBefore + 1;
        lineBefore = parser.getCurrentLineNumber();
        if (isBlank(record)) {
          continue;
        }
        if (header == null) {
          header = Header.of(record, line);
          header.delimiterHint = String.valueOf(text.delimiter());
          continue;
        }
        dataRows++;
        if (dataRows % 500 == 0) {
          progress.accept(dataRows);
        }
        readRow(record, line, header, today, seen, rows, errors);
      }
      if (header == null) {
        throw new CsvRejectedException(RowError.file("Le fichier est vide."));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (dataRows == 0) {
      throw new CsvRejectedException(
          new RowError(
              2, null, null, "Le fichier ne contient que la ligne d'en-tête : aucun équipement."));
    }
    progress.accept(dataRows);
    return new Result(text, dataRows, rows, errors);
  }

  private static void readRow(
      CSVRecord record,
      int line,
      Header header,
      LocalDate today,
      Map<String, Integer> seen,
      List<ImportedAsset> rows,
      List<RowError> errors) {
    int before = errors.size();
    int width = header.width();
    if (record.size() < width) {
      errors.add(
          new RowError(
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
            new RowError(
                line,
                null,
                record.get(i),
                "Ligne trop longue : %d champ(s) au lieu de %d".formatted(record.size(), width)));
        return;
      }
    }
    Row row = new Row(record, header, line, errors);
    String inventoryNumber = row.text(GlpiColumn.INVENTORY_NUMBER, 64);
    String unfit = row.unfitInventoryNumber();
    if (unfit != null) {
      row.error(GlpiColumn.INVENTORY_NUMBER, row.raw(GlpiColumn.INVENTORY_NUMBER), unfit);
    } else if (inventoryNumber == null) {
      row.error(GlpiColumn.INVENTORY_NUMBER, null, "Numéro d'inventaire manquant");
    } else {
      Integer first = seen.putIfAbsent(inventoryNumber.toLowerCase(java.util.Locale.ROOT), line);
      if (first != null) {
        row.error(
            GlpiColumn.INVENTORY_NUMBER,
            inventoryNumber,
            "Numéro d'inventaire en double : déjà présent ligne " + first);
      }
    }
    String type = row.text(GlpiColumn.TYPE, 128);
    AssetCategory category = null;
    if (type == null) {
      row.error(GlpiColumn.TYPE, null, "Type manquant : impossible de déterminer la catégorie");
    } else {
      Optional<AssetCategory> mapped = GlpiTypes.categoryOf(type);
      if (mapped.isEmpty()) {
        row.error(
            GlpiColumn.TYPE,
            type,
            "Type inconnu « "
                + type
                + " » ; types reconnus, par exemple : "
                + GlpiTypes.examples());
      } else {
        category = mapped.get();
      }
    }
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
    Map<String, String> attributes = new TreeMap<>();
    if (type != null) {
      attributes.put("Type GLPI", type);
    }
    String entity = row.text(GlpiColumn.ENTITY, 1000);
    if (entity != null) {
      attributes.put("Entité GLPI", entity);
    }
    for (int i = 0; i < width && attributes.size() < MAX_ATTRIBUTES; i++) {
      if (header.columns[i] == null && !header.names[i].isEmpty()) {
        String value = clean(record.get(i));
        if (!value.isEmpty()) {
          attributes.put(truncate(header.names[i], 128), truncate(value, 1000));
        }
      }
    }
    AssetStatus initial =
        glpiStatus != null && STOCK_STATUSES.contains(GlpiColumn.normalize(glpiStatus))
            ? AssetStatus.IN_STOCK
            : AssetStatus.IN_SERVICE;
    rows.add(
        new ImportedAsset(line, inventoryNumber, description, initial, glpiStatus, attributes));
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** GLPI's multi-value separators become " / ". */
  static String clean(String value) {
    return value.replaceAll("(?i)<br\\s*/?>|<hr\\s*/?>", " / ").replaceAll("\\s+", " ").strip();
  }

  private static String truncate(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max);
  }

  /** The header line: which GLPI column each position holds. */
  private static final class Header {
    final String[] names;
    final GlpiColumn[] columns;
    final Map<GlpiColumn, Integer> positions = new EnumMap<>(GlpiColumn.class);
    String delimiterHint = ";";

    private Header(String[] names, GlpiColumn[] columns) {
      this.names = names;
      this.columns = columns;
    }

    /** Number of real columns (GLPI's trailing delimiter adds an empty last one). */
    int width() {
      return names.length;
    }

    static Header of(CSVRecord record, int line) throws CsvRejectedException {
      List<String> values = new ArrayList<>(record.toList());
      while (!values.isEmpty() && values.get(values.size() - 1).isBlank()) {
        values.remove(values.size() - 1);
      }
      String[] names =
          values.stream().map(v -> v.replace("\uFEFF", "").strip()).toArray(String[]::new);
      GlpiColumn[] columns = new GlpiColumn[names.length];
      Header header = new Header(names, columns);
      List<RowError> errors = new ArrayList<>();
      for (int i = 0; i < names.length; i++) {
        Optional<GlpiColumn> column = GlpiColumn.of(names[i]);
        if (column.isPresent()) {
          Integer previous = header.positions.putIfAbsent(column.get(), i);
          if (previous != null) {
            errors.add(
                new RowError(
                    line,
                    names[i],
                    null,
                    "Colonne en double : « %s » et « %s » désignent toutes deux « %s »"
                        .formatted(names[previous], names[i], column.get().header())));
          } else {
            columns[i] = column.get();
          }
        }
      }
      for (GlpiColumn column : GlpiColumn.values()) {
        if (column.required() && !header.positions.containsKey(column)) {
          errors.add(
              new RowError(
                  line,
                  column.header(),
                  null,
                  "Colonne obligatoire absente : « %s ». Colonnes trouvées : %s"
                      .formatted(column.header(), String.join(" | ", names))));
        }
      }
      if (!errors.isEmpty()) {
        throw new CsvRejectedException(errors);
      }
      return header;
    }
  }

  /** Typed access to the cells of one row, recording errors against their column. */
  private record Row(CSVRecord record, Header header, int line, List<RowError> errors) {

    String raw(GlpiColumn column) {
      Integer i = header.positions.get(column);
      if (i == null) {
        return null;
      }
      String value = clean(record.get(i));
      return value.isEmpty() ? null : value;
    }

    /**
     * Why the inventory number, as written in the file, cannot name an asset: it becomes a path
     * segment ({@code /assets/{inventoryNumber}}), so URL delimiters, markup and control characters
     * are refused rather than silently changed. Null when it is fit (or absent).
     */
    String unfitInventoryNumber() {
      Integer i = header.positions.get(GlpiColumn.INVENTORY_NUMBER);
      if (i == null) {
        return null;
      }
      String value = record.get(i);
      for (int k = 0; k < value.length(); k++) {
        char c = value.charAt(k);
        if (Character.isISOControl(c)) {
          return "Numéro d'inventaire refusé : caractère de contrôle U+%04X en position %d (il servirait dans l'adresse /assets/…)"
              .formatted((int) c, k + 1);
        }
        if (FORBIDDEN_IN_NUMBER.indexOf(c) >= 0) {
          return "Numéro d'inventaire refusé : le caractère « %c » est interdit (%s ne peuvent pas figurer dans l'adresse /assets/…)"
              .formatted(c, FORBIDDEN_LIST);
        }
      }
      return null;
    }

    String field(GlpiColumn column) {
      Integer i = header.positions.get(column);
      return i == null ? column.header() : header.names[i];
    }

    void error(GlpiColumn column, String value, String message) {
      errors.add(new RowError(line, field(column), value, message));
    }

    String text(GlpiColumn column, int max) {
      String value = raw(column);
      if (value != null && value.length() > max) {
        error(column, value, "Valeur trop longue : %d caractères au plus".formatted(max));
        return null;
      }
      return value;
    }

    LocalDate date(GlpiColumn column, LocalDate today) {
      String value = raw(column);
      if (value == null) {
        return null;
      }
      String day = value.split("[ T]")[0];
      LocalDate date;
      try {
        if (ISO_DATE.matcher(day).matches()) {
          date = LocalDate.parse(day, ISO);
        } else if (DMY_DATE.matcher(day).matches()) {
          date = LocalDate.parse(day.replace('/', '-').replace('.', '-'), DMY);
        } else {
          error(column, value, "Date illisible : attendu AAAA-MM-JJ ou JJ-MM-AAAA (ou JJ/MM/AAAA)");
          return null;
        }
      } catch (DateTimeParseException e) {
        error(column, value, "Date invalide (jour ou mois hors limites)");
        return null;
      }
      if (date.isAfter(today)) {
        error(column, value, "Date d'achat dans le futur");
        return null;
      }
      if (date.isBefore(OLDEST)) {
        error(column, value, "Date d'achat invraisemblable (avant 1980)");
        return null;
      }
      return date;
    }

    Long cents(GlpiColumn column) {
      String value = raw(column);
      if (value == null) {
        return null;
      }
      String s = value.replace("€", "").replace("EUR", "").replaceAll("[\\s\u00a0\u202f']", "");
      if (s.startsWith("-")) {
        error(column, value, "Valeur négative");
        return null;
      }
      int comma = s.lastIndexOf(',');
      int dot = s.lastIndexOf('.');
      if (comma >= 0 && dot >= 0) {
        // the last separator is the decimal one, the other groups thousands
        s = comma > dot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
      } else if (comma >= 0) {
        s = s.replace(',', '.');
      }
      if (!AMOUNT.matcher(s).matches()) {
        error(column, value, "Montant illisible : attendu par exemple 1234,56 ou 1 234.56");
        return null;
      }
      BigDecimal cents = new BigDecimal(s).movePointRight(2);
      // compared before any conversion: a 30-digit value does not fit a long
      if (cents.compareTo(BigDecimal.valueOf(MAX_CENTS)) > 0) {
        error(column, value, "Montant invraisemblable (plus de 10 millions d'euros)");
        return null;
      }
      return cents.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
    }
  }
}
