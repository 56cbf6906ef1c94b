package fr.secondevie.inventory.glpi;

import fr.secondevie.common.InputError;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Typed access to the cells of one data row of a GLPI export, recording each refused value as a
 * {@link InputError} with the row's line and the column's name as written in the file.
 */
record GlpiRow(CSVRecord record, GlpiHeader header, int line, List<InputError> errors) {

  private static final String FORBIDDEN_IN_NUMBER = "/\\%?#<>";
  private static final String FORBIDDEN_LIST = "/ \\ % ? # < >";

  /** GLPI's multi-value separators become " / ". */
  static String clean(String value) {
    return value.replaceAll("(?i)<br\\s*/?>|<hr\\s*/?>", " / ").replaceAll("\\s+", " ").strip();
  }

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
    errors.add(InputError.atLine(line, field(column), value, message));
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
    return value == null
        ? null
        : GlpiValues.purchaseDate(value, today, message -> error(column, value, message));
  }

  Long cents(GlpiColumn column) {
    String value = raw(column);
    return value == null ? null : GlpiValues.cents(value, message -> error(column, value, message));
  }
}
