package fr.secondevie.inventory.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The French names of the processes and of their steps, as the bundled BPMN models give them
 * ({@code name} of each element): {@code mark-decommissioning} reads "Passer l'équipement en
 * retrait". The models are the one place these labels live; the timeline looks them up.
 */
@Component
class StepLabels {

  private static final Logger LOG = LoggerFactory.getLogger(StepLabels.class);
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private final Map<String, String> processes;
  private final Map<String, String> steps;

  StepLabels() {
    this(load());
  }

  private StepLabels(Map<String, Map<String, String>> labels) {
    this.processes = labels.get("processes");
    this.steps = labels.get("steps");
  }

  /** Labels read from BPMN documents (for tests). */
  static StepLabels of(InputStream... models) {
    Map<String, Map<String, String>> labels = empty();
    for (InputStream model : models) {
      read(model, labels);
    }
    return new StepLabels(labels);
  }

  /** "Fin de vie d'un équipement" for {@code asset-end-of-life}. */
  Optional<String> process(String processId) {
    return Optional.ofNullable(processes.get(processId));
  }

  /** "Passer l'équipement en retrait" for {@code mark-decommissioning} (any bundled process). */
  Optional<String> step(String elementId) {
    return Optional.ofNullable(steps.get(elementId));
  }

  private static Map<String, Map<String, String>> load() {
    Map<String, Map<String, String>> labels = empty();
    try {
      for (Resource model :
          new PathMatchingResourcePatternResolver().getResources("classpath*:/models/*.bpmn")) {
        try (InputStream in = model.getInputStream()) {
          read(in, labels);
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      LOG.warn("Step labels not read from the bundled models: {}", e.getMessage());
    }
    return labels;
  }

  private static Map<String, Map<String, String>> empty() {
    Map<String, Map<String, String>> labels = new HashMap<>();
    labels.put("processes", new HashMap<>());
    labels.put("steps", new HashMap<>());
    return labels;
  }

  private static void read(InputStream model, Map<String, Map<String, String>> labels) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      DocumentBuilder builder = factory.newDocumentBuilder();
      NodeList elements = builder.parse(model).getElementsByTagNameNS(BPMN, "*");
      for (int i = 0; i < elements.getLength(); i++) {
        Element element = (Element) elements.item(i);
        String id = element.getAttribute("id");
        String name = element.getAttribute("name").strip();
        if (id.isEmpty() || name.isEmpty()) {
          continue;
        }
        String kind = element.getLocalName().equals("process") ? "processes" : "steps";
        labels.get(kind).putIfAbsent(id, name);
      }
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalArgumentException("Unreadable BPMN model: " + e.getMessage(), e);
    }
  }
}
