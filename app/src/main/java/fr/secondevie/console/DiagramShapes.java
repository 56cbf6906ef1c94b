package fr.secondevie.console;

import fr.secondevie.console.DiagramRenderer.Marks;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.bpmndi.BpmnShape;
import io.camunda.zeebe.model.bpmn.instance.dc.Bounds;

/**
 * The shapes of a diagram: events as circles, gateways as diamonds with their symbol, pools and
 * lanes, annotations and data as dashed boxes, tasks and sub-processes as rounded boxes; each in
 * the colours of its state, an incident with a "!" badge.
 */
final class DiagramShapes {

  private DiagramShapes() {}

  static void shape(StringBuilder svg, BpmnShape shape, Marks marks) {
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
          case "incident" -> DiagramRenderer.INCIDENT;
          case "active" -> DiagramRenderer.ACTIVE;
          case "completed" -> DiagramRenderer.COMPLETED;
          default -> DiagramRenderer.INK;
        };
    String fill =
        switch (state) {
          case "incident" -> DiagramRenderer.INCIDENT_FILL;
          case "completed" -> DiagramRenderer.COMPLETED_FILL;
          case "active" -> "#e6f0fb";
          default -> "#ffffff";
        };
    String strokeWidth = state.equals("active") || state.equals("incident") ? "3" : "1.5";
    svg.append("<g data-element-id=\"")
        .append(SvgText.escape(id))
        .append("\" data-state=\"")
        .append(state)
        .append("\"><title>")
        .append(SvgText.escape(SvgText.describe(element, id, type, SvgText.label(state))))
        .append("</title>");
    String paint =
        " fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + strokeWidth + "\"";
    String name = element == null ? null : element.getAttributeValue("name");
    if (type.endsWith("Event")) {
      double r = Math.min(w, h) / 2;
      String width = type.equals("endEvent") ? "4" : strokeWidth;
      svg.append("<circle cx=\"")
          .append(SvgText.num(x + w / 2))
          .append("\" cy=\"")
          .append(SvgText.num(y + h / 2))
          .append("\" r=\"")
          .append(SvgText.num(r))
          .append("\" fill=\"")
          .append(fill)
          .append("\" stroke=\"")
          .append(stroke)
          .append("\" stroke-width=\"")
          .append(width)
          .append("\"/>");
      if (type.startsWith("intermediate") || type.equals("boundaryEvent")) {
        svg.append("<circle cx=\"")
            .append(SvgText.num(x + w / 2))
            .append("\" cy=\"")
            .append(SvgText.num(y + h / 2))
            .append("\" r=\"")
            .append(SvgText.num(r - 3))
            .append("\" fill=\"none\" stroke=\"")
            .append(stroke)
            .append("\" stroke-width=\"1\"/>");
      }
      SvgText.textBelow(svg, name, x + w / 2, y + h + 14);
    } else if (type.endsWith("Gateway")) {
      svg.append("<polygon points=\"")
          .append(SvgText.num(x + w / 2))
          .append(',')
          .append(SvgText.num(y))
          .append(' ')
          .append(SvgText.num(x + w))
          .append(',')
          .append(SvgText.num(y + h / 2))
          .append(' ')
          .append(SvgText.num(x + w / 2))
          .append(',')
          .append(SvgText.num(y + h))
          .append(' ')
          .append(SvgText.num(x))
          .append(',')
          .append(SvgText.num(y + h / 2))
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
          .append(SvgText.num(x + w / 2))
          .append("\" y=\"")
          .append(SvgText.num(y + h / 2 + 6))
          .append("\" text-anchor=\"middle\" font-size=\"18\" fill=\"")
          .append(stroke)
          .append("\">")
          .append(symbol)
          .append("</text>");
      SvgText.textBelow(svg, name, x + w / 2, y + h + 14);
    } else if (type.equals("participant") || type.equals("lane")) {
      rect(svg, x, y, w, h)
          .append(" fill=\"none\" stroke=\"")
          .append(DiagramRenderer.INK)
          .append("\" stroke-width=\"1\"/>");
      SvgText.textBelow(svg, name, x + 15, y + 15);
    } else if (type.equals("textAnnotation") || type.startsWith("data") || type.equals("group")) {
      rect(svg, x, y, w, h)
          .append(" fill=\"none\" stroke=\"")
          .append(DiagramRenderer.INK)
          .append("\" stroke-dasharray=\"4 3\" stroke-width=\"1\"/>");
      String text =
          type.equals("textAnnotation") && element != null
              ? element.getTextContent().strip()
              : name;
      SvgText.wrapped(svg, text, x + w / 2, y + 14, w);
    } else {
      boolean container = type.endsWith("ubProcess");
      rect(svg, x, y, w, h)
          .append(" rx=\"10\" ry=\"10\"")
          .append(container && state.equals("none") ? paint.replace("#ffffff", "none") : paint)
          .append("/>");
      if (container) {
        SvgText.wrapped(svg, name, x + w / 2, y + 16, w);
      } else {
        SvgText.wrapped(svg, name, x + w / 2, y + h / 2 - 4, w);
      }
    }
    if (state.equals("incident")) {
      svg.append("<circle cx=\"")
          .append(SvgText.num(x + w))
          .append("\" cy=\"")
          .append(SvgText.num(y))
          .append("\" r=\"9\" fill=\"")
          .append(DiagramRenderer.INCIDENT)
          .append("\"/><text x=\"")
          .append(SvgText.num(x + w))
          .append("\" y=\"")
          .append(SvgText.num(y + 4))
          .append("\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"bold\"")
          .append(" fill=\"#ffffff\">!</text>");
    }
    svg.append("</g>");
  }

  /** Opens a {@code <rect>} with its position and size; the caller adds the rest. */
  private static StringBuilder rect(StringBuilder svg, double x, double y, double w, double h) {
    return svg.append("<rect x=\"")
        .append(SvgText.num(x))
        .append("\" y=\"")
        .append(SvgText.num(y))
        .append("\" width=\"")
        .append(SvgText.num(w))
        .append("\" height=\"")
        .append(SvgText.num(h))
        .append('"');
  }

  static String typeOf(BaseElement element) {
    return element == null ? "" : element.getElementType().getTypeName();
  }
}
