package fr.secondevie.inventory.glpi;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVRecord;

/**
 * The header line of a GLPI export: which {@link GlpiColumn} each position holds (by GLPI's own
 * labels), the names as written in the file, and the delimiter to name when a row is short.
 */
final class GlpiHeader {

  final String[] names;
  final GlpiColumn[] columns;
  final Map<GlpiColumn, Integer> positions = new EnumMap<>(GlpiColumn.class);
  final String delimiterHint;

  private GlpiHeader(String[] names, GlpiColumn[] columns, String delimiterHint) {
    this.names = names;
    this.columns = columns;
    this.delimiterHint = delimiterHint;
  }

  /** Number of real columns (GLPI's trailing delimiter adds an empty last one). */
  int width() {
    return names.length;
  }

  /**
   * Maps the header line's names to GLPI columns.
   *
   * @throws InvalidInputException a column named twice, or a required column missing
   */
  static GlpiHeader of(CSVRecord record, int line, char delimiter) {
    List<String> values = new ArrayList<>(record.toList());
    while (!values.isEmpty() && values.get(values.size() - 1).isBlank()) {
      values.remove(values.size() - 1);
    }
    String[] names =
        values.stream().map(v -> v.replace("\uFEFF", "").strip()).toArray(String[]::new);
    GlpiColumn[] columns = new GlpiColumn[names.length];
    GlpiHeader header = new GlpiHeader(names, columns, String.valueOf(delimiter));
    List<InputError> errors = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      Optional<GlpiColumn> column = GlpiColumn.of(names[i]);
      if (column.isPresent()) {
        Integer previous = header.positions.putIfAbsent(column.get(), i);
        if (previous != null) {
          errors.add(
              InputError.atLine(
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
            InputError.atLine(
                line,
                column.header(),
                null,
                "Colonne obligatoire absente : « %s ». Colonnes trouvées : %s"
                    .formatted(column.header(), String.join(" | ", names))));
      }
    }
    if (!errors.isEmpty()) {
      throw GlpiCsvParser.refused(errors);
    }
    return header;
  }
}
