package fr.secondevie.console;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The texts of a diagram: names below or inside shapes, titles, numbers and escaping. */
final class SvgText {

  private SvgText() {}

  static void textBelow(StringBuilder svg, String text, double x, double y) {
    if (text == null || text.isBlank()) {
      return;
    }
    svg.append("<text x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" text-anchor=\"middle\" fill=\"")
        .append(DiagramRenderer.INK)
        .append("\">")
        .append(escape(text.strip()))
        .append("</text>");
  }

  /** The text split into lines that fit the width (about 6 px per character). */
  static void wrapped(StringBuilder svg, String text, double x, double y, double width) {
    if (text == null || text.isBlank()) {
      return;
    }
    int perLine = Math.max(6, (int) ((width - 8) / 6));
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (!line.isEmpty() && line.length() + 1 + word.length() > perLine) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (!line.isEmpty()) {
        line.append(' ');
      }
      line.append(word);
    }
    if (!line.isEmpty()) {
      lines.add(line.toString());
    }
    double top = y - (lines.size() - 1) * 6.5;
    svg.append("<text text-anchor=\"middle\" fill=\"").append(DiagramRenderer.INK).append("\">");
    for (int i = 0; i < lines.size(); i++) {
      svg.append("<tspan x=\"")
          .append(num(x))
          .append("\" y=\"")
          .append(num(top + i * 13 + 4))
          .append("\">")
          .append(escape(lines.get(i)))
          .append("</tspan>");
    }
    svg.append("</text>");
  }

  static String describe(BaseElement element, String id, String type, String state) {
    String name = element == null ? null : element.getAttributeValue("name");
    String text = (name == null || name.isBlank() ? id : name.strip() + " (" + id + ")");
    return state == null ? text : text + " — " + state;
  }

  static String label(String state) {
    return switch (state) {
      case "incident" -> "en incident";
      case "active" -> "actif";
      case "completed" -> "terminé";
      default -> null;
    };
  }

  static String num(double value) {
    if (value == Math.rint(value)) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
