package fr.secondevie.inventory.glpi;

import fr.secondevie.common.InputError;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A stored {@link InputError} of an import run, as runs have always been stored and shown: line 0
 * for the file as a whole.
 */
@Table("import_row_error")
public record ImportRowError(int line, String field, String value, String message) {

  static ImportRowError of(InputError error) {
    return new ImportRowError(
        error.line() == null ? 0 : error.line(), error.field(), error.value(), error.message());
  }
}
