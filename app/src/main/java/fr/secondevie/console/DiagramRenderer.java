package fr.secondevie.console;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnEdge;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;
import io.camunda.zeebe.model.bpmn.instance.di.Waypoint;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Draws a process model as SVG from its own BPMN diagram interchange (the shapes and edges Camunda
 * Modeler saved), on the server: no script, no external viewer. Each drawn element is a group
 * {@code <g data-element-id="…" data-state="…">} with a {@code <title>} naming it and its state;
 * elements of the instance are marked: active (blue, thick), completed or taken (green), incident
 * (red, with a "!" badge). Colours are SVG presentation attributes (allowed by the pages'
 * Content-Security-Policy, which forbids inline styles).
 */
final class DiagramRenderer {

  /** What an instance did with the model's elements. */
  record Marks(
      Set<String> active, Set<String> completed, Set<String> incidents, Set<String> takenFlows) {

    static Marks none() {
      return new Marks(Set.of(), Set.of(), Set.of(), Set.of());
    }

    String stateOf(String elementId) {
      if (incidents.contains(elementId)) {
        return "incident";
      }
      if (active.contains(elementId)) {
        return "active";
      }
      if (completed.contains(elementId) || takenFlows.contains(elementId)) {
        return "completed";
      }
      return "none";
    }
  }

  /** A model whose XML or diagram cannot be drawn. */
  static class DiagramException extends RuntimeException {
    DiagramException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final double MARGIN = 20;

  /** Shapes narrower than this (events, gateways) have their name written below them. */
  private static final double LABEL_BELOW_UNDER = 60;

  private static final String INK = "#1f2933";
  private static final String ACTIVE = "#0b5cad";
  private static final String COMPLETED = "#1e7b34";
  private static final String COMPLETED_FILL = "#e3f4e6";
  private static final String INCIDENT = "#b3261e";
  private static final String INCIDENT_FILL = "#fde7e6";

  private DiagramRenderer() {}

  static String render(String bpmnXml, Marks marks) {
    BpmnModelInstance model;
    try {
      model =
          Bpmn.readModelFromStream(
              new ByteArrayInputStream(bpmnXml.getBytes(StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      throw new DiagramException("Le modèle BPMN ne peut pas être lu : " + e.getMessage(), e);
    }
    Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
    Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (BpmnShape shape : shapes) {
      Bounds b = shape.getBounds();
      minX = Math.min(minX, b.getX());
      minY = Math.min(minY, b.getY());
      maxX = Math.max(maxX, b.getX() + b.getWidth());
      maxY = Math.max(maxY, b.getY() + b.getHeight());
      // a name written below a small shape (event, gateway) may be wider than the shape
      String name =
          shape.getBpmnElement() == null ? null : shape.getBpmnElement().getAttributeValue("name");
      if (name != null && b.getWidth() < LABEL_BELOW_UNDER) {
        double half = name.strip().length() * 3.5;
        double centre = b.getX() + b.getWidth() / 2;
        minX = Math.min(minX, centre - half);
        maxX = Math.max(maxX, centre + half);
      }
    }
    for (BpmnEdge edge : edges) {
      for (Waypoint w : edge.getWaypoints()) {
        minX = Math.min(minX, w.getX());
        minY = Math.min(minY, w.getY());
        maxX = Math.max(maxX, w.getX());
        maxY = Math.max(maxY, w.getY());
      }
    }
    if (shapes.isEmpty() && edges.isEmpty()) {
      throw new DiagramException("Le modèle ne contient pas de diagramme (BPMN DI).", null);
    }
    // labels are drawn below events and gateways
    maxY += 30;
    double x0 = minX - MARGIN;
    double y0 = minY - MARGIN;
    double width = maxX - minX + 2 * MARGIN;
    double height = maxY - minY + 2 * MARGIN;

    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn-diagram\" role=\"img\"")
        .append(" aria-labelledby=\"diagram-title\"")
        .append(" viewBox=\"")
        .append(num(x0))
        .append(' ')
        .append(num(y0))
        .append(' ')
        .append(num(width))
        .append(' ')
        .append(num(height))
        .append("\" width=\"")
        .append(num(width))
        .append("\" height=\"")
        .append(num(height))
        .append("\" font-family=\"sans-serif\" font-size=\"11\">")
        .append("<title id=\"diagram-title\">Diagramme du processus</title>")
        .append("<defs>")
        .append(marker("arrow", INK))
        .append(marker("arrow-completed", COMPLETED))
        .append("</defs>");
    // containers (participants, lanes, sub-processes) first, so that their content is on top
    List<BpmnShape> containers = new ArrayList<>();
    List<BpmnShape> others = new ArrayList<>();
    for (BpmnShape shape : shapes) {
      String type = typeOf(shape.getBpmnElement());
      if (type.equals("participant") || type.equals("lane") || type.endsWith("ubProcess")) {
        containers.add(shape);
      } else {
        others.add(shape);
      }
    }
    containers.forEach(s -> shape(svg, s, marks));
    for (BpmnEdge edge : edges) {
      edge(svg, edge, marks);
    }
    others.forEach(s -> shape(svg, s, marks));
    svg.append("</svg>");
    return svg.toString();
  }

  private static String marker(String id, String colour) {
    return "<marker id=\""
        + id
        + "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\""
        + " orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\""
        + colour
        + "\"/></marker>";
  }

  private static void edge(StringBuilder svg, BpmnEdge edge, Marks marks) {
    BaseElement element = edge.getBpmnElement();
    String id = element == null ? edge.getId() : element.getId();
    String type = typeOf(element);
    boolean taken = marks.takenFlows().contains(id);
    String colour = taken ? COMPLETED : INK;
    StringBuilder points = new StringBuilder();
    for (Waypoint w : edge.getWaypoints()) {
      points.append(num(w.getX())).append(',').append(num(w.getY())).append(' ');
    }
    svg.append("<g data-element-id=\"")
        .append(escape(id))
        .append("\" data-state=\"")
        .append(taken ? "completed" : "none")
        .append("\"><title>")
        .append(escape(describe(element, id, type, taken ? "emprunté" : null)))
        .append("</title><polyline points=\"")
        .append(points.toString().strip())
        .append("\" fill=\"none\" stroke=\"")
        .append(colour)
        .append("\" stroke-width=\"")
        .append(taken ? "2.5" : "1.2")
        .append('"');
    if (type.equals("association") || type.equals("dataInputAssociation")) {
      svg.append(" stroke-dasharray=\"4 3\"");
    } else {
      svg.append(" marker-end=\"url(#").append(taken ? "arrow-completed" : "arrow").append(")\"");
    }
    svg.append("/></g>");
  }

  private static void shape(StringBuilder svg, BpmnShape shape, Marks marks) {
    BaseElement element = shape.getBpmnElement();
    String id = element == null ? shape.getId() : element.getId();
    String type = typeOf(element);
    String state = marks.stateOf(id);
    Bounds b = shape.getBounds();
    double x = b.getX();
    double y = b.getY();
    double w = b.getWidth();
    double h = b.getHeight();
    String stroke =
        switch (state) {
          case "incident" -> INCIDENT;
          case "active" -> ACTIVE;
          case "completed" -> COMPLETED;
          default -> INK;
        };
    String fill =
        switch (state) {
          case "incident" -> INCIDENT_FILL;
          case "completed" -> COMPLETED_FILL;
          case "active" -> "#e6f0fb";
          default -> "#ffffff";
        };
    String strokeWidth = state.equals("active") || state.equals("incident") ? "3" : "1.5";
    svg.append("<g data-element-id=\"")
        .append(escape(id))
        .append("\" data-state=\"")
        .append(state)
        .append("\"><title>")
        .append(escape(describe(element, id, type, label(state))))
        .append("</title>");
    String paint =
        " fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + strokeWidth + "\"";
    String name = element == null ? null : element.getAttributeValue("name");
    if (type.endsWith("Event")) {
      double r = Math.min(w, h) / 2;
      String width = type.equals("endEvent") ? "4" : strokeWidth;
      svg.append("<circle cx=\"")
          .append(num(x + w / 2))
          .append("\" cy=\"")
          .append(num(y + h / 2))
          .append("\" r=\"")
          .append(num(r))
          .append("\" fill=\"")
          .append(fill)
          .append("\" stroke=\"")
          .append(stroke)
          .append("\" stroke-width=\"")
          .append(width)
          .append("\"/>");
      if (type.startsWith("intermediate") || type.equals("boundaryEvent")) {
        svg.append("<circle cx=\"")
            .append(num(x + w / 2))
            .append("\" cy=\"")
            .append(num(y + h / 2))
            .append("\" r=\"")
            .append(num(r - 3))
            .append("\" fill=\"none\" stroke=\"")
            .append(stroke)
            .append("\" stroke-width=\"1\"/>");
      }
      textBelow(svg, name, x + w / 2, y + h + 14);
    } else if (type.endsWith("Gateway")) {
      svg.append("<polygon points=\"")
          .append(num(x + w / 2))
          .append(',')
          .append(num(y))
          .append(' ')
          .append(num(x + w))
          .append(',')
          .append(num(y + h / 2))
          .append(' ')
          .append(num(x + w / 2))
          .append(',')
          .append(num(y + h))
          .append(' ')
          .append(num(x))
          .append(',')
          .append(num(y + h / 2))
          .append('"')
          .append(paint)
          .append("/>");
      String symbol =
          switch (type) {
            case "exclusiveGateway" -> "×";
            case "parallelGateway" -> "+";
            case "eventBasedGateway" -> "◇";
            case "inclusiveGateway" -> "○";
            default -> "";
          };
      svg.append("<text x=\"")
          .append(num(x + w / 2))
          .append("\" y=\"")
          .append(num(y + h / 2 + 6))
          .append("\" text-anchor=\"middle\" font-size=\"18\" fill=\"")
          .append(stroke)
          .append("\">")
          .append(symbol)
          .append("</text>");
      textBelow(svg, name, x + w / 2, y + h + 14);
    } else if (type.equals("participant") || type.equals("lane")) {
      rect(svg, x, y, w, h)
          .append(" fill=\"none\" stroke=\"")
          .append(INK)
          .append("\" stroke-width=\"1\"/>");
      textBelow(svg, name, x + 15, y + 15);
    } else if (type.equals("textAnnotation") || type.startsWith("data") || type.equals("group")) {
      rect(svg, x, y, w, h)
          .append(" fill=\"none\" stroke=\"")
          .append(INK)
          .append("\" stroke-dasharray=\"4 3\" stroke-width=\"1\"/>");
      String text =
          type.equals("textAnnotation") && element != null
              ? element.getTextContent().strip()
              : name;
      wrapped(svg, text, x + w / 2, y + 14, w);
    } else {
      boolean container = type.endsWith("ubProcess");
      rect(svg, x, y, w, h)
          .append(" rx=\"10\" ry=\"10\"")
          .append(container && state.equals("none") ? paint.replace("#ffffff", "none") : paint)
          .append("/>");
      if (container) {
        wrapped(svg, name, x + w / 2, y + 16, w);
      } else {
        wrapped(svg, name, x + w / 2, y + h / 2 - 4, w);
      }
    }
    if (state.equals("incident")) {
      svg.append("<circle cx=\"")
          .append(num(x + w))
          .append("\" cy=\"")
          .append(num(y))
          .append("\" r=\"9\" fill=\"")
          .append(INCIDENT)
          .append("\"/><text x=\"")
          .append(num(x + w))
          .append("\" y=\"")
          .append(num(y + 4))
          .append("\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\"")
          .append(" fill=\"#ffffff\">!</text>");
    }
    svg.append("</g>");
  }

  /** Opens a {@code <rect>} with its position and size; the caller adds the rest. */
  private static StringBuilder rect(StringBuilder svg, double x, double y, double w, double h) {
    return svg.append("<rect x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" width=\"")
        .append(num(w))
        .append("\" height=\"")
        .append(num(h))
        .append('"');
  }

  private static void textBelow(StringBuilder svg, String text, double x, double y) {
    if (text == null || text.isBlank()) {
      return;
    }
    svg.append("<text x=\"")
        .append(num(x))
        .append("\" y=\"")
        .append(num(y))
        .append("\" text-anchor=\"middle\" fill=\"")
        .append(INK)
        .append("\">")
        .append(escape(text.strip()))
        .append("</text>");
  }

  /** The text split into lines that fit the width (about 6 px per character). */
  private static void wrapped(StringBuilder svg, String text, double x, double y, double width) {
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
    svg.append("<text text-anchor=\"middle\" fill=\"").append(INK).append("\">");
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

  private static String describe(BaseElement element, String id, String type, String state) {
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

  private static String typeOf(BaseElement element) {
    return element == null ? "" : element.getElementType().getTypeName();
  }

  private static String num(double value) {
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
