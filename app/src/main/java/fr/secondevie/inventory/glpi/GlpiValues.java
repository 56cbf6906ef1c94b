package fr.secondevie.inventory.glpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The typed values of a GLPI export's cells: dates in the exporting user's format (YYYY-MM-DD by
 * default, or DD-MM-YYYY), amounts in the user's number format ("1 234,56" or "1,234.56"). A value
 * refused is told to {@code refused} with the French reason, and read as null.
 */
final class GlpiValues {

  private static final LocalDate OLDEST = LocalDate.of(1980, 1, 1);
  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}");
  private static final Pattern DMY_DATE = Pattern.compile("\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}");
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DMY =
      DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
  private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d{1,2})?");
  private static final long MAX_CENTS = 10_000_000_00L;

  private GlpiValues() {}

  /** A purchase date (a time after it is ignored), neither after {@code today} nor before 1980. */
  static LocalDate purchaseDate(String value, LocalDate today, Consumer<String> refused) {
    String day = value.split("[ T]")[0];
    LocalDate date;
    try {
      if (ISO_DATE.matcher(day).matches()) {
        date = LocalDate.parse(day, ISO);
      } else if (DMY_DATE.matcher(day).matches()) {
        date = LocalDate.parse(day.replace('/', '-').replace('.', '-'), DMY);
      } else {
        refused.accept("Date illisible : attendu AAAA-MM-JJ ou JJ-MM-AAAA (ou JJ/MM/AAAA)");
        return null;
      }
    } catch (DateTimeParseException e) {
      refused.accept("Date invalide (jour ou mois hors limites)");
      return null;
    }
    if (date.isAfter(today)) {
      refused.accept("Date d'achat dans le futur");
      return null;
    }
    if (date.isBefore(OLDEST)) {
      refused.accept("Date d'achat invraisemblable (avant 1980)");
      return null;
    }
    return date;
  }

  /** An amount in euros as cents, positive and at most 10 million euros. */
  static Long cents(String value, Consumer<String> refused) {
    String s = value.replace("€", "").replace("EUR", "").replaceAll("[\\s\u00a0\u202f']", "");
    if (s.startsWith("-")) {
      refused.accept("Valeur négative");
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
      refused.accept("Montant illisible : attendu par exemple 1234,56 ou 1 234.56");
      return null;
    }
    BigDecimal cents = new BigDecimal(s).movePointRight(2);
    // compared before any conversion: a 30-digit value does not fit a long
    if (cents.compareTo(BigDecimal.valueOf(MAX_CENTS)) > 0) {
      refused.accept("Montant invraisemblable (plus de 10 millions d'euros)");
      return null;
    }
    return cents.setScale(0, RoundingMode.UNNECESSARY).longValueExact();
  }
}
