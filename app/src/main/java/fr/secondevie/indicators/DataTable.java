package fr.secondevie.indicators;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A table shown on the indicators page and exported as CSV with the same columns (documented in
 * docs/indicators.md). Cells are raw values: numbers are formatted the French way on the page and
 * plainly (dot decimal) in the CSV.
 *
 * @param id file name of the CSV export and HTML id of the table
 * @param assetColumn index of the column holding {@link AssetRef}s (linked to the asset page), or
 *     -1
 */
record DataTable(
    String id, String caption, List<String> columns, List<List<Object>> rows, int assetColumn) {

  DataTable {
    columns = List.copyOf(columns);
    rows =
        rows.stream().map(r -> java.util.Collections.unmodifiableList(new ArrayList<>(r))).toList();
  }

  static DataTable of(String id, String caption, List<String> columns, int assetColumn) {
    return new DataTable(id, caption, columns, new ArrayList<>(), assetColumn);
  }

  DataTable with(List<List<Object>> rows) {
    return new DataTable(id, caption, columns, rows, assetColumn);
  }

  /** An asset in a cell: shown and exported as its inventory number, linked to its page by id. */
  record AssetRef(long id, String inventoryNumber) {
    @Override
    public String toString() {
      return inventoryNumber;
    }
  }

  /** Per row, the id of the asset of {@link #assetColumn()} (null when none). */
  public List<Long> assetIds() {
    return rows.stream()
        .map(
            r ->
                assetColumn >= 0 && r.get(assetColumn) instanceof AssetRef a ? (Long) a.id() : null)
        .toList();
  }

  /** The rows as shown on the page. */
  public List<List<String>> displayRows() {
    return rows.stream().map(r -> r.stream().map(DataTable::display).toList()).toList();
  }

  /**
   * The rows of the table's {@code <tbody>} as HTML, every cell escaped, the asset cells linked to
   * {@code assetBase + id} (the page passes {@code @{/assets/}}). Built here rather than with one
   * Thymeleaf expression per cell: a year's drill-down holds thousands of cells, and evaluating
   * their expressions took most of the page's time (docs/indicators.md, "Performance").
   */
  public String bodyHtml(String assetBase) {
    StringBuilder html = new StringBuilder(rows.size() * 160 + 64);
    if (rows.isEmpty()) {
      return html.append("<tr><td colspan=\"")
          .append(columns.size())
          .append("\">Aucune ligne.</td></tr>")
          .toString();
    }
    String base = escape(assetBase);
    for (List<Object> row : rows) {
      html.append("<tr>");
      for (int i = 0; i < row.size(); i++) {
        Object cell = row.get(i);
        String text = escape(display(cell));
        html.append("<td>");
        if (i == assetColumn && cell instanceof AssetRef a) {
          html.append("<a href=\"")
              .append(base)
              .append(a.id())
              .append("\">")
              .append(text)
              .append("</a>");
        } else {
          html.append(text);
        }
        html.append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.toString();
  }

  /** Escapes what HTML reads as markup, as Thymeleaf's {@code th:text} does. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A cell as shown on the page (French formats). */
  static String display(Object value) {
    if (value == null) {
      return "—";
    }
    if (value instanceof BigDecimal d) {
      DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.FRANCE));
      f.setMinimumFractionDigits(Math.min(Math.max(d.scale(), 0), 3));
      f.setMaximumFractionDigits(3);
      return f.format(d).replace('\u202f', '\u00a0');
    }
    if (value instanceof Long || value instanceof Integer) {
      DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.FRANCE));
      return f.format(value).replace('\u202f', '\u00a0');
    }
    if (value instanceof LocalDate d) {
      return String.format("%02d/%02d/%d", d.getDayOfMonth(), d.getMonthValue(), d.getYear());
    }
    return value.toString();
  }

  /** The table as CSV: UTF-8, comma, CRLF, header line, RFC 4180 quoting, ISO dates. */
  String csv() {
    StringBuilder out = new StringBuilder();
    appendLine(out, new ArrayList<>(columns));
    for (List<Object> row : rows) {
      appendLine(out, row);
    }
    return out.toString();
  }

  private static void appendLine(StringBuilder out, List<?> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(csvCell(cells.get(i)));
    }
    out.append("\r\n");
  }

  private static String csvCell(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (value instanceof Number || value instanceof LocalDate || value instanceof Boolean) {
      return value.toString();
    }
    String s = value.toString();
    // a spreadsheet must not run a cell as a formula
    if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      s = "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
