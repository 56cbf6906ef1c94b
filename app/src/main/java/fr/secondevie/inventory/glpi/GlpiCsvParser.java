package fr.secondevie.inventory.glpi;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>This class reads the records and their line numbers; the header is mapped by {@link
 * GlpiHeader}, each row checked by {@link GlpiRowReader} through {@link GlpiRow}, and the dates and
 * amounts read by {@link GlpiValues}.
 */
final class GlpiCsvParser {

  private static final Pattern CSV_LINE = Pattern.compile("line: ([\\d\\s,.\\u00a0\\u202f]+)");

  /** What the parser found. */
  record Result(CsvText format, int dataRows, List<ImportedAsset> rows, List<InputError> errors) {}

  /** What a file the import refuses as a whole is called. */
  static final String REFUSED = "Fichier GLPI refusé";

  private GlpiCsvParser() {}

  /** The file cannot be read at all (encoding, delimiter, columns): nothing of it is imported. */
  static InvalidInputException refused(List<InputError> errors) {
    return new InvalidInputException(REFUSED, errors);
  }

  static InvalidInputException refused(InputError error) {
    return refused(List.of(error));
  }

  /**
   * The row error of a record the CSV reader cannot read, in French: the line where the broken
   * field starts and what is wrong with its quotes (never the reader's English exception).
   */
  static InputError unreadable(int line, RuntimeException e) {
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
    return InputError.atLine(
        line,
        null,
        null,
        "Ligne illisible : "
            + reason
            + ". La lecture du fichier s'arrête à cette ligne ;"
            + " corrigez-la puis importez le fichier à nouveau.");
  }

  /**
   * Parses the whole file: the header line ({@link GlpiHeader}), then each data row ({@link
   * GlpiRowReader}), with its line number in the file.
   *
   * @param today acquisition dates after today are errors
   * @param progress told the number of data rows read so far, every 500 rows
   * @throws InvalidInputException the file cannot be read at all (encoding, delimiter, columns)
   */
  static Result parse(byte[] bytes, LocalDate today, IntConsumer progress) {
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
    List<InputError> errors = new ArrayList<>();
    int dataRows = 0;
    try (CSVParser parser = format.parse(new StringReader(text.text()))) {
      var records = parser.iterator();
      long lineBefore = 0;
      GlpiHeader header = null;
      GlpiRowReader reader = null;
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
          header = GlpiHeader.of(record, line, text.delimiter());
          reader = new GlpiRowReader(header, today, rows, errors);
          continue;
        }
        dataRows++;
        if (dataRows % 500 == 0) {
          progress.accept(dataRows);
        }
        reader.read(record, line);
      }
      if (header == null) {
        throw refused(InputError.of(null, "Le fichier est vide."));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (dataRows == 0) {
      throw refused(
          InputError.atLine(
              2, null, null, "Le fichier ne contient que la ligne d'en-tête : aucun équipement."));
    }
    progress.accept(dataRows);
    return new Result(text, dataRows, rows, errors);
  }

  private static boolean isBlank(CSVRecord record) {
    for (String value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
