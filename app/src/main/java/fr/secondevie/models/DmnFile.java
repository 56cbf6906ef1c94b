package fr.secondevie.models;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A DMN file as the checker and the comparison read it: its decisions with their table columns and
 * rules (the DMN namespace is the document's, so DMN 1.1 to 1.5 files are read alike).
 *
 * @param id the {@code definitions} id (the decision requirements id)
 */
public record DmnFile(String id, List<Decision> decisions) {

  /** One decision and its table (empty columns and rules when it is not a table). */
  public record Decision(
      String id,
      String name,
      String hitPolicy,
      List<Column> inputs,
      List<Column> outputs,
      List<Rule> rules) {}

  /**
   * A column: for an input its id and FEEL input expression, for an output its id and name.
   *
   * @param text the input expression, or the output name
   */
  public record Column(String id, String label, String text) {}

  /** A rule: its id, its input and output entries in column order. */
  public record Rule(String id, List<String> inputEntries, List<String> outputEntries) {}

  List<String> decisionIds() {
    return decisions.stream().map(Decision::id).toList();
  }

  /** Reads a DMN file; an unreadable one raises {@link IllegalStateException} with the reason. */
  public static DmnFile read(String name, byte[] content) {
    Document xml = BundledModels.xml(name, content);
    Element root = xml.getDocumentElement();
    if (!"definitions".equals(root.getLocalName())) {
      throw new IllegalStateException(
          "Expected a DMN definitions element in " + name + " but found " + root.getLocalName());
    }
    String ns = root.getNamespaceURI();
    List<Decision> decisions = new ArrayList<>();
    for (Element decision : children(root, ns, "decision")) {
      List<Column> inputs = new ArrayList<>();
      List<Column> outputs = new ArrayList<>();
      List<Rule> rules = new ArrayList<>();
      String hitPolicy = null;
      for (Element table : children(decision, ns, "decisionTable")) {
        hitPolicy = table.hasAttribute("hitPolicy") ? table.getAttribute("hitPolicy") : "UNIQUE";
        for (Element input : children(table, ns, "input")) {
          String expression =
              children(input, ns, "inputExpression").stream()
                  .flatMap(e -> children(e, ns, "text").stream())
                  .map(t -> t.getTextContent().trim())
                  .findFirst()
                  .orElse("");
          inputs.add(new Column(input.getAttribute("id"), input.getAttribute("label"), expression));
        }
        for (Element output : children(table, ns, "output")) {
          outputs.add(
              new Column(
                  output.getAttribute("id"),
                  output.getAttribute("label"),
                  output.getAttribute("name")));
        }
        for (Element rule : children(table, ns, "rule")) {
          rules.add(
              new Rule(
                  rule.getAttribute("id"),
                  entries(children(rule, ns, "inputEntry"), ns),
                  entries(children(rule, ns, "outputEntry"), ns)));
        }
      }
      decisions.add(
          new Decision(
              decision.getAttribute("id"),
              decision.getAttribute("name"),
              hitPolicy,
              List.copyOf(inputs),
              List.copyOf(outputs),
              List.copyOf(rules)));
    }
    return new DmnFile(root.getAttribute("id"), List.copyOf(decisions));
  }

  private static List<String> entries(List<Element> entries, String ns) {
    List<String> texts = new ArrayList<>();
    for (Element entry : entries) {
      texts.add(
          children(entry, ns, "text").stream()
              .map(t -> t.getTextContent().trim())
              .findFirst()
              .orElse(""));
    }
    return List.copyOf(texts);
  }

  private static List<Element> children(Element parent, String ns, String localName) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element e
          && localName.equals(e.getLocalName())
          && java.util.Objects.equals(ns, e.getNamespaceURI())) {
        found.add(e);
      }
    }
    return found;
  }
}
