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

  /** Rows shown per page of a table: the Indicateurs page shows the first page of each. */
  static final int PAGE_ROWS = 50;

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

  /** How many pages of {@link #PAGE_ROWS} rows the table has (one when it is empty). */
  public int pages() {
    return Math.max(1, (rows.size() + PAGE_ROWS - 1) / PAGE_ROWS);
  }

  /**
   * Where a page of the table stands: its number (1 to {@link #pages()}), the numbers of its first
   * and last rows (1-based, 0 and 0 for an empty table) and the table's row count.
   */
  public record Slice(int page, int pages, int first, int last, int total) {

    public boolean hasPrevious() {
      return page > 1;
    }

    public boolean hasNext() {
      return page < pages;
    }

    /** "Lignes 51 à 100 sur 1 234." (or "Aucune ligne." for an empty table). */
    public String text() {
      return total == 0
          ? "Aucune ligne."
          : "Lignes "
              + display((long) first)
              + " à "
              + display((long) last)
              + " sur "
              + display((long) total)
              + ".";
    }
  }

  /** Where page {@code page} of the table stands, or null when the table has no such page. */
  public Slice slice(int page) {
    if (page < 1 || page > pages()) {
      return null;
    }
    int from = (page - 1) * PAGE_ROWS;
    int to = Math.min(rows.size(), from + PAGE_ROWS);
    return new Slice(page, pages(), rows.isEmpty() ? 0 : from + 1, to, rows.size());
  }

  /** The rows of the first page of the table's {@code <tbody>}: {@link #bodyHtml(String, int)}. */
  public String bodyHtml(String assetBase) {
    return bodyHtml(assetBase, 1);
  }

  /**
   * The rows of one page of the table's {@code <tbody>} as HTML, every cell escaped, the asset
   * cells linked to {@code assetBase + id} (the page passes {@code @{/assets/}}). Built here rather
   * than with one Thymeleaf expression per cell: a year's drill-down holds thousands of cells, and
   * evaluating their expressions took most of the page's time (docs/indicators.md, "Performance").
   */
  public String bodyHtml(String assetBase, int page) {
    Slice slice = slice(page);
    if (slice == null) {
      throw new IllegalArgumentException("No page " + page + " in table " + id);
    }
    StringBuilder html = new StringBuilder(PAGE_ROWS * 160 + 64);
    if (rows.isEmpty()) {
      return html.append("<tr><td colspan=\"")
          .append(columns.size())
          .append("\">Aucune ligne.</td></tr>")
          .toString();
    }
    String base = escape(assetBase);
    for (List<Object> row : rows.subList(slice.first() - 1, slice.last())) {
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
