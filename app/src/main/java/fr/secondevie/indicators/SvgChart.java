package fr.secondevie.indicators;

import java.math.BigDecimal;
import java.util.List;

/**
 * Server-rendered bar charts as inline SVG. A chart never carries information that its data table
 * lacks: it is {@code role="img"} with a title and a description, and the page puts the table with
 * the same values right after it.
 */
final class SvgChart {

  private static final int WIDTH = 640;
  private static final int HEIGHT = 240;
  private static final int LEFT = 48;
  private static final int BOTTOM = 32;
  private static final int TOP = 16;

  private SvgChart() {}

  /**
   * @param value null for "non calculable" (no bar, a dash under the label)
   * @param target drawn as a short dark line across the bar's slot, or null
   */
  record Bar(String label, BigDecimal value, BigDecimal target) {}

  /**
   * @param id unique in the page (used for the title and description ids)
   * @param unit shown on the axis ("%", "kg"…)
   */
  static String bars(String id, String title, String description, String unit, List<Bar> bars) {
    BigDecimal max = BigDecimal.ONE;
    for (Bar b : bars) {
      if (b.value() != null && b.value().compareTo(max) > 0) {
        max = b.value();
      }
      if (b.target() != null && b.target().compareTo(max) > 0) {
        max = b.target();
      }
    }
    double scale = (HEIGHT - TOP - BOTTOM) / max.doubleValue();
    int slot = bars.isEmpty() ? WIDTH : (WIDTH - LEFT) / bars.size();
    int barWidth = Math.max(4, (int) (slot * 0.6));
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\"")
        .append(" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" aria-labelledby=\"")
        .append(id)
        .append("-title ")
        .append(id)
        .append("-desc\">");
    svg.append("<title id=\"").append(id).append("-title\">").append(esc(title)).append("</title>");
    svg.append("<desc id=\"")
        .append(id)
        .append("-desc\">")
        .append(esc(description))
        .append("</desc>");
    int axisY = HEIGHT - BOTTOM;
    svg.append("<line x1=\"")
        .append(LEFT)
        .append("\" y1=\"")
        .append(axisY)
        .append("\" x2=\"")
        .append(WIDTH)
        .append("\" y2=\"")
        .append(axisY)
        .append("\" stroke=\"#333\"/>");
    svg.append("<text x=\"4\" y=\"")
        .append(TOP + 4)
        .append("\" font-size=\"12\">")
        .append(esc(plain(max) + " " + unit))
        .append("</text>");
    svg.append("<text x=\"4\" y=\"").append(axisY).append("\" font-size=\"12\">0</text>");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int x = LEFT + i * slot + (slot - barWidth) / 2;
      int center = x + barWidth / 2;
      if (b.value() != null) {
        int h = (int) Math.round(b.value().doubleValue() * scale);
        svg.append("<rect x=\"")
            .append(x)
            .append("\" y=\"")
            .append(axisY - h)
            .append("\" width=\"")
            .append(barWidth)
            .append("\" height=\"")
            .append(h)
            .append("\" fill=\"#1b5e9e\"/>");
        svg.append("<text x=\"")
            .append(center)
            .append("\" y=\"")
            .append(axisY - h - 4)
            .append("\" font-size=\"11\" text-anchor=\"middle\">")
            .append(esc(plain(b.value())))
            .append("</text>");
      } else {
        svg.append("<text x=\"")
            .append(center)
            .append("\" y=\"")
            .append(axisY - 4)
            .append("\" font-size=\"11\" text-anchor=\"middle\">n.c.</text>");
      }
      if (b.target() != null) {
        int ty = axisY - (int) Math.round(b.target().doubleValue() * scale);
        svg.append("<line x1=\"")
            .append(x - 4)
            .append("\" y1=\"")
            .append(ty)
            .append("\" x2=\"")
            .append(x + barWidth + 4)
            .append("\" y2=\"")
            .append(ty)
            .append("\" stroke=\"#b00020\" stroke-width=\"3\" stroke-dasharray=\"6 3\"/>");
      }
      svg.append("<text x=\"")
          .append(center)
          .append("\" y=\"")
          .append(HEIGHT - 12)
          .append("\" font-size=\"12\" text-anchor=\"middle\">")
          .append(esc(b.label()))
          .append("</text>");
    }
    svg.append("</svg>");
    return svg.toString();
  }

  private static String plain(BigDecimal value) {
    return value.stripTrailingZeros().toPlainString().replace('.', ',');
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
