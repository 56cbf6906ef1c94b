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

  static final String INK = "#1f2933";
  static final String ACTIVE = "#0b5cad";
  static final String COMPLETED = "#1e7b34";
  static final String COMPLETED_FILL = "#e3f4e6";
  static final String INCIDENT = "#b3261e";
  static final String INCIDENT_FILL = "#fde7e6";

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
        .append(SvgText.num(x0))
        .append(' ')
        .append(SvgText.num(y0))
        .append(' ')
        .append(SvgText.num(width))
        .append(' ')
        .append(SvgText.num(height))
        .append("\" width=\"")
        .append(SvgText.num(width))
        .append("\" height=\"")
        .append(SvgText.num(height))
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
      String type = DiagramShapes.typeOf(shape.getBpmnElement());
      if (type.equals("participant") || type.equals("lane") || type.endsWith("ubProcess")) {
        containers.add(shape);
      } else {
        others.add(shape);
      }
    }
    containers.forEach(s -> DiagramShapes.shape(svg, s, marks));
    for (BpmnEdge edge : edges) {
      edge(svg, edge, marks);
    }
    others.forEach(s -> DiagramShapes.shape(svg, s, marks));
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
    String type = DiagramShapes.typeOf(element);
    boolean taken = marks.takenFlows().contains(id);
    String colour = taken ? COMPLETED : INK;
    StringBuilder points = new StringBuilder();
    for (Waypoint w : edge.getWaypoints()) {
      points.append(SvgText.num(w.getX())).append(',').append(SvgText.num(w.getY())).append(' ');
    }
    svg.append("<g data-element-id=\"")
        .append(SvgText.escape(id))
        .append("\" data-state=\"")
        .append(taken ? "completed" : "none")
        .append("\"><title>")
        .append(SvgText.escape(SvgText.describe(element, id, type, taken ? "emprunté" : null)))
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
}
