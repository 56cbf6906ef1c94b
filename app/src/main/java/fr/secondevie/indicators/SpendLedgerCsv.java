package fr.secondevie.indicators;

import fr.secondevie.common.InputError;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the spend ledger CSV (our own format, docs/indicators.md "Import du registre des
 * dépenses"): UTF-8 (with or without BOM) or Windows-1252, {@code ;} or {@code ,} as delimiter (as
 * the GLPI import accepts), a header line naming the columns {@code date}, {@code piece}, {@code
 * fournisseur}, {@code libelle} (optional), {@code montant_ht} and {@code nature}; other columns
 * are ignored. Every bad row is reported with its line and field.
 */
final class SpendLedgerCsv {

  static final List<String> REQUIRED =
      List.of("date", "piece", "fournisseur", "montant_ht", "nature");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,13}(\\.\\d{1,2})?");
  private static final DateTimeFormatter FRENCH_DATE =
      DateTimeFormatter.ofPattern("dd/MM/uuuu")
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private SpendLedgerCsv() {}

  /** A valid line. */
  record Line(
      int line,
      LocalDate date,
      String reference,
      String supplier,
      String label,
      long amountCents,
      SpendNature nature) {}

  /**
   * What was read; the errors in the order found, each with its line and column (line null when it
   * concerns the whole file, field null when the whole line).
   */
  record Parsed(String encoding, char delimiter, List<Line> lines, List<InputError> errors) {

    boolean valid() {
      return errors.isEmpty();
    }
  }

  static Parsed parse(byte[] bytes) {
    List<InputError> errors = new ArrayList<>();
    String encoding = "UTF-8";
    String text = null;
    if (bytes.length >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      text = decode(bytes, 3, StandardCharsets.UTF_8);
      encoding = "UTF-8 (BOM)";
    } else if (!hasNul(bytes)) {
      text = decode(bytes, 0, StandardCharsets.UTF_8);
      if (text == null) {
        text = decode(bytes, 0, WINDOWS_1252);
        encoding = "Windows-1252";
      }
    }
    if (text == null) {
      return fileError("Encodage non reconnu : le fichier doit être en UTF-8 ou en Windows-1252.");
    }
    if (text.isBlank()) {
      return fileError("Le fichier est vide.");
    }
    String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    long semicolons = header.chars().filter(c -> c == ';').count();
    long commas = header.chars().filter(c -> c == ',').count();
    if (semicolons == 0 && commas == 0) {
      return fileError(
          "Séparateur non reconnu : la ligne d'en-tête ne contient ni « ; » ni « , ».");
    }
    char delimiter = semicolons >= commas ? ';' : ',';
    List<Line> lines = new ArrayList<>();
    CSVFormat format =
        CSVFormat.DEFAULT
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
      Map<String, Integer> columns = null;
      for (CSVRecord record : parser) {
        int lineNumber = (int) parser.getCurrentLineNumber();
        if (columns == null) {
          columns = new HashMap<>();
          for (int i = 0; i < record.size(); i++) {
            columns.put(record.get(i).strip().toLowerCase(Locale.ROOT), i);
          }
          Map<String, Integer> headerColumns = columns;
          List<String> missing =
              REQUIRED.stream().filter(c -> !headerColumns.containsKey(c)).toList();
          if (!missing.isEmpty()) {
            errors.add(
                InputError.line(
                    lineNumber,
                    null,
                    "Colonnes obligatoires absentes de l'en-tête : "
                        + String.join(", ", missing)
                        + ". Attendu : date;piece;fournisseur;libelle;montant_ht;nature."));
            break;
          }
          continue;
        }
        Line line = line(record, lineNumber, columns, errors);
        if (line != null) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException | IllegalArgumentException e) {
      errors.add(InputError.of(null, "Fichier CSV illisible : " + e.getMessage()));
    }
    if (errors.isEmpty() && lines.isEmpty()) {
      errors.add(InputError.of(null, "Le fichier ne contient aucune ligne de dépense."));
    }
    return new Parsed(encoding, delimiter, List.copyOf(lines), List.copyOf(errors));
  }

  private static Line line(
      CSVRecord record, int lineNumber, Map<String, Integer> columns, List<InputError> errors) {
    int before = errors.size();
    String dateText = value(record, columns, "date");
    LocalDate date = null;
    if (dateText.isEmpty()) {
      errors.add(InputError.atLine(lineNumber, "date", null, "La date est obligatoire."));
    } else {
      date = date(dateText);
      if (date == null) {
        errors.add(
            InputError.atLine(
                lineNumber,
                "date",
                null,
                "Date « " + dateText + " » non reconnue : attendu JJ/MM/AAAA ou AAAA-MM-JJ."));
      }
    }
    String reference = value(record, columns, "piece");
    if (reference.isEmpty() || reference.length() > 80) {
      errors.add(
          InputError.atLine(
              lineNumber,
              "piece",
              null,
              "La référence de la pièce est obligatoire (80 caractères au plus)."));
    }
    String supplier = value(record, columns, "fournisseur");
    if (supplier.isEmpty() || supplier.length() > 255) {
      errors.add(
          InputError.atLine(
              lineNumber,
              "fournisseur",
              null,
              "Le fournisseur est obligatoire (255 caractères au plus)."));
    }
    String label = value(record, columns, "libelle");
    if (label.length() > 500) {
      errors.add(
          InputError.atLine(lineNumber, "libelle", null, "Le libellé dépasse 500 caractères."));
    }
    String amountText = value(record, columns, "montant_ht");
    Long amount = amountCents(amountText);
    if (amount == null) {
      errors.add(
          InputError.atLine(
              lineNumber,
              "montant_ht",
              null,
              "Montant HT « "
                  + amountText
                  + " » non reconnu : attendu un nombre en euros, par exemple 1 234,56."));
    }
    String natureText = value(record, columns, "nature");
    SpendNature nature = SpendNature.parse(natureText).orElse(null);
    if (nature == null) {
      errors.add(
          InputError.atLine(
              lineNumber,
              "nature",
              null,
              "Nature « "
                  + natureText
                  + " » non reconnue : attendu NEUF, RECONDITIONNE ou REEMPLOI."));
    }
    if (errors.size() > before) {
      return null;
    }
    return new Line(
        lineNumber, date, reference, supplier, label.isEmpty() ? null : label, amount, nature);
  }

  private static String value(CSVRecord record, Map<String, Integer> columns, String name) {
    Integer i = columns.get(name);
    return i == null || i >= record.size() ? "" : record.get(i).strip();
  }

  static LocalDate date(String text) {
    try {
      return text.contains("/") ? LocalDate.parse(text, FRENCH_DATE) : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** "1 234,56", "1234.56", "1.234,56 €" → cents; null when not an amount. */
  static Long amountCents(String text) {
    String s = text.replaceAll("[\\s\\u00A0\\u202F€]", "");
    int comma = s.lastIndexOf(',');
    int dot = s.lastIndexOf('.');
    if (comma >= 0 && dot >= 0) {
      char decimal = comma > dot ? ',' : '.';
      char grouping = decimal == ',' ? '.' : ',';
      s = s.replace(String.valueOf(grouping), "").replace(decimal, '.');
    } else if (comma >= 0) {
      s = s.replace(',', '.');
    }
    if (!AMOUNT.matcher(s).matches()) {
      return null;
    }
    return new java.math.BigDecimal(s).movePointRight(2).longValueExact();
  }

  private static Parsed fileError(String message) {
    return new Parsed("", ';', List.of(), List.of(InputError.of(null, message)));
  }

  private static String decode(byte[] bytes, int offset, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean hasNul(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
