package fr.secondevie.purchasing;

import fr.secondevie.common.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The reception file: the units of one delivery, one line each, as an alternative to typing them in
 * the reception task (format in {@code docs/purchasing.md}, « Réception par fichier CSV »).
 *
 * <pre>
 * numero_de_serie;decision;motif
 * PF-4A11;acceptée;
 * PF-4A12;refusée;écran fissuré à la livraison
 * </pre>
 *
 * UTF-8 (a byte order mark is accepted), separator {@code ;} or {@code ,} (the header's), quotes as
 * in RFC 4180, blank lines ignored. Every problem is reported with its line and column; a file with
 * one problem gives nothing.
 */
final class ReceptionCsv {

  static final String SERIAL = "numero_de_serie";
  static final String DECISION = "decision";
  static final String REASON = "motif";
  static final int MAX_BYTES = 1024 * 1024;
  static final int MAX_SERIAL = 128;
  static final int MAX_REASON = 500;

  /** Problems listed before the rest are counted only. */
  static final int MAX_REPORTED = 50;

  private ReceptionCsv() {}

  /** The units of the file: accepted serial numbers and refused units with their reason. */
  record Units(List<String> accepted, List<ReceptionUnit> refused, Map<String, Long> lines) {

    /** The line of the file holding this serial number. */
    long lineOf(String serial) {
      return lines.getOrDefault(serial.toUpperCase(Locale.ROOT), 0L);
    }

    /** {@code acceptedSerials} of the reception task: one serial number per line. */
    String acceptedText() {
      return String.join("\n", accepted);
    }

    /** {@code refusedUnits} of the reception task: « serial ; reason » per line. */
    String refusedText() {
      return String.join(
          "\n", refused.stream().map(u -> u.serialNumber() + " ; " + u.refusalReason()).toList());
    }

    int size() {
      return accepted.size() + refused.size();
    }
  }

  /**
   * Reads the file.
   *
   * @throws InvalidInputException every problem, keyed {@code file} or {@code line<n>.<column>},
   *     each message naming the line and the column
   */
  static Units parse(byte[] content) {
    Read read = read(content);
    if (!read.errors().isEmpty()) {
      throw new InvalidInputException(read.errors());
    }
    return read.units();
  }

  /**
   * The file's well-formed units and the problems of the others (so that more checks can name the
   * lines of the well-formed ones too).
   *
   * @throws InvalidInputException when the file as a whole cannot be read (encoding, size, header)
   */
  record Read(Units units, Map<String, String> errors) {}

  static Read read(byte[] content) {
    if (content == null || content.length == 0) {
      throw InvalidInputException.of("file", "Choisissez le fichier CSV de la livraison.");
    }
    if (content.length > MAX_BYTES) {
      throw InvalidInputException.of(
          "file", "Le fichier dépasse 1 Mo : une livraison compte au plus 5000 unités.");
    }
    String text = utf8(content);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String header = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
    char separator = header.indexOf(';') >= 0 || header.indexOf(',') < 0 ? ';' : ',';
    List<CSVRecord> records;
    try {
      records =
          CSVFormat.RFC4180
              .builder()
              .setDelimiter(separator)
              .setIgnoreEmptyLines(true)
              .setTrim(true)
              .get()
              .parse(new StringReader(text))
              .getRecords();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw InvalidInputException.of(
          "file",
          "Le fichier ne se lit pas comme un CSV (guillemet non refermé ?) : "
              + frenchCause(e)
              + ".");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (records.isEmpty()) {
      throw InvalidInputException.of(
          "file", "Le fichier est vide : la première ligne doit être l'en-tête " + headerText());
    }
    Map<String, Integer> columns = columns(records.get(0));
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> accepted = new ArrayList<>();
    List<ReceptionUnit> refused = new ArrayList<>();
    Map<String, Long> firstLine = new HashMap<>();
    int problems = 0;
    Lines lines = new Lines(text);
    if (records.size() - 1 > PurchaseRequests.MAX_QUANTITY) {
      throw InvalidInputException.of(
          "file",
          "Le fichier compte "
              + (records.size() - 1)
              + " unités : une livraison en compte au plus "
              + PurchaseRequests.MAX_QUANTITY
              + ".");
    }
    for (CSVRecord record : records.subList(1, records.size())) {
      long line = lines.at(record.getCharacterPosition());
      Map<String, String> lineErrors = new LinkedHashMap<>();
      String serial = value(record, columns.get(SERIAL));
      String decision = value(record, columns.get(DECISION));
      String reason = value(record, columns.get(REASON));
      if (record.size() > columns.size()) {
        lineErrors.put(
            "file",
            "%d valeurs au lieu de %d (un séparateur de trop ?)"
                .formatted(record.size(), columns.size()));
      }
      if (serial.isEmpty()) {
        lineErrors.put(SERIAL, "vide : indiquez le numéro de série de l'unité");
      } else if (serial.length() > MAX_SERIAL) {
        lineErrors.put(SERIAL, "trop long (" + MAX_SERIAL + " caractères au plus)");
      } else if (serial.chars().anyMatch(Character::isISOControl)) {
        lineErrors.put(SERIAL, "contient un caractère de contrôle");
      } else {
        Long first = firstLine.putIfAbsent(serial.toUpperCase(Locale.ROOT), line);
        if (first != null) {
          lineErrors.put(SERIAL, "« " + serial + " » figure déjà ligne " + first);
        }
      }
      Boolean isAccepted = decision(decision);
      if (isAccepted == null) {
        lineErrors.put(
            DECISION,
            decision.isEmpty()
                ? "vide : écrivez « acceptée » ou « refusée »"
                : "« " + decision + " » : écrivez « acceptée » ou « refusée »");
      } else if (!isAccepted && reason.isEmpty()) {
        lineErrors.put(REASON, "vide : indiquez pourquoi l'unité est refusée");
      } else if (isAccepted && !reason.isEmpty()) {
        lineErrors.put(REASON, "laissez vide pour une unité acceptée");
      } else if (reason.length() > MAX_REASON) {
        lineErrors.put(REASON, "trop long (" + MAX_REASON + " caractères au plus)");
      }
      if (!lineErrors.isEmpty()) {
        for (Map.Entry<String, String> error : lineErrors.entrySet()) {
          problems++;
          if (problems <= MAX_REPORTED) {
            errors.put(
                "line" + line + "." + error.getKey(),
                "Ligne "
                    + line
                    + (error.getKey().equals("file") ? "" : ", colonne " + error.getKey())
                    + " : "
                    + error.getValue()
                    + ".");
          }
        }
        continue;
      }
      if (isAccepted) {
        accepted.add(serial);
      } else {
        refused.add(new ReceptionUnit(serial, false, reason, null));
      }
    }
    if (problems > MAX_REPORTED) {
      errors.put(
          "more", "… et " + (problems - MAX_REPORTED) + " autre(s) problème(s) dans le fichier.");
    }
    if (errors.isEmpty() && accepted.isEmpty() && refused.isEmpty()) {
      errors.put("file", "Le fichier n'a aucune unité sous son en-tête.");
    }
    return new Read(
        new Units(List.copyOf(accepted), List.copyOf(refused), Map.copyOf(firstLine)), errors);
  }

  private static Map<String, Integer> columns(CSVRecord header) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (!List.of(SERIAL, DECISION, REASON).contains(name)) {
        errors.put(
            "header" + i,
            "Ligne 1 : colonne « " + header.get(i) + " » inconnue ; l'en-tête est " + headerText());
      } else if (columns.putIfAbsent(name, i) != null) {
        errors.put("header" + i, "Ligne 1 : la colonne « " + name + " » figure deux fois.");
      }
    }
    for (String name : List.of(SERIAL, DECISION, REASON)) {
      if (!columns.containsKey(name)) {
        errors.put(
            "header." + name,
            "Ligne 1 : il manque la colonne « " + name + " » ; l'en-tête est " + headerText());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException(errors);
    }
    return columns;
  }

  private static String headerText() {
    return "« " + SERIAL + ";" + DECISION + ";" + REASON + " ».";
  }

  /** Line numbers of character positions, asked in increasing order (records in file order). */
  private static final class Lines {
    private final String text;
    private int position;
    private long line = 1;

    Lines(String text) {
      this.text = text;
    }

    /** The line (1 for the first) of the character at this position. */
    long at(long target) {
      while (position < target && position < text.length()) {
        if (text.charAt(position++) == '\n') {
          line++;
        }
      }
      // the parser gives a record after ignored empty lines the position of the first of them
      while (position < text.length()
          && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
        if (text.charAt(position++) == '\n') {
          line++;
        }
      }
      return line;
    }
  }

  private static String value(CSVRecord record, Integer column) {
    return column == null || column >= record.size() ? "" : record.get(column).strip();
  }

  /** TRUE for « acceptée », FALSE for « refusée » (accents and case ignored), else null. */
  static Boolean decision(String value) {
    String plain =
        Normalizer.normalize(value, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT);
    return switch (plain) {
      case "acceptee", "accepte" -> Boolean.TRUE;
      case "refusee", "refuse" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static String utf8(byte[] content) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content))
          .toString();
    } catch (CharacterCodingException e) {
      throw InvalidInputException.of(
          "file",
          "Le fichier n'est pas en UTF-8 : enregistrez-le en « CSV UTF-8 » (Excel) ou en UTF-8"
              + " (LibreOffice).");
    }
  }

  private static String frenchCause(RuntimeException e) {
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)").matcher(message);
    return line.find() ? "vers la ligne " + line.group(1) : "fin de fichier inattendue";
  }
}
