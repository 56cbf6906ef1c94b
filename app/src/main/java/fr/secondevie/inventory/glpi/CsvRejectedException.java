package fr.secondevie.inventory.glpi;

import java.util.List;

/** The file cannot be read as a GLPI CSV export at all (encoding, delimiter, header). */
class CsvRejectedException extends Exception {

  private final transient List<RowError> errors;

  CsvRejectedException(List<RowError> errors) {
    super(errors.isEmpty() ? "rejected" : errors.get(0).message());
    this.errors = List.copyOf(errors);
  }

  CsvRejectedException(RowError error) {
    this(List.of(error));
  }

  List<RowError> errors() {
    return errors;
  }
}
