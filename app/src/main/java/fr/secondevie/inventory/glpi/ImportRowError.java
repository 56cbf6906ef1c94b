package fr.secondevie.inventory.glpi;

import org.springframework.data.relational.core.mapping.Table;

/** A stored {@link RowError} of an import run. */
@Table("import_row_error")
public record ImportRowError(int line, String field, String value, String message) {

  static ImportRowError of(RowError error) {
    return new ImportRowError(error.line(), error.field(), error.value(), error.message());
  }
}
