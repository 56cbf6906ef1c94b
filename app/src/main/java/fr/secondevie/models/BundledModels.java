package fr.secondevie.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads the model files packaged under {@code models/}: their ids, version tags and form links. */
final class BundledModels {

  static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
  static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private static final ObjectMapper JSON = new ObjectMapper();

  private BundledModels() {}

  static List<BundledModel> load(String location) {
    try {
      Resource[] resources =
          new PathMatchingResourcePatternResolver().getResources(location + "/*.*");
      List<BundledModel> models = new ArrayList<>();
      for (Resource resource :
          Arrays.stream(resources).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
        String name = resource.getFilename();
        byte[] content = resource.getContentAsByteArray();
        if (name.endsWith(".bpmn")) {
          models.add(process(name, content));
        } else if (name.endsWith(".dmn")) {
          models.add(decisions(name, content));
        } else if (name.endsWith(".form")) {
          models.add(form(name, content));
        }
      }
      return models;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled models under " + location, e);
    }
  }

  static BundledModel process(String name, byte[] content) {
    Document xml = xml(name, content);
    NodeList processes = xml.getElementsByTagNameNS(BPMN, "process");
    if (processes.getLength() != 1) {
      throw new IllegalStateException(
          "Expected one process in the bundled model "
              + name
              + " but found "
              + processes.getLength());
    }
    Element process = (Element) processes.item(0);
    Set<String> forms = new LinkedHashSet<>();
    NodeList links = xml.getElementsByTagNameNS(ZEEBE, "formDefinition");
    for (int i = 0; i < links.getLength(); i++) {
      String formId = ((Element) links.item(i)).getAttribute("formId");
      if (!formId.isBlank()) {
        forms.add(formId);
      }
    }
    return new BundledModel(
        BundledModel.Kind.PROCESS,
        process.getAttribute("id"),
        versionTag(process),
        List.copyOf(forms),
        name,
        content);
  }

  static BundledModel decisions(String name, byte[] content) {
    Document xml = xml(name, content);
    return new BundledModel(
        BundledModel.Kind.DECISIONS,
        xml.getDocumentElement().getAttribute("id"),
        decisionsTag(name, xml),
        List.of(),
        name,
        content);
  }

  /** The version tag of a DMN's decisions (null when none has one). */
  static String decisionsTag(String name, Document xml) {
    NodeList decisions =
        xml.getElementsByTagNameNS(xml.getDocumentElement().getNamespaceURI(), "decision");
    Set<String> tags = new LinkedHashSet<>();
    for (int i = 0; i < decisions.getLength(); i++) {
      tags.add(String.valueOf(versionTag((Element) decisions.item(i))));
    }
    if (tags.size() > 1) {
      throw new IllegalStateException(
          "Expected the decisions of " + name + " to share one version tag but found " + tags);
    }
    String tag = tags.isEmpty() ? null : tags.iterator().next();
    return "null".equals(tag) ? null : tag;
  }

  static BundledModel form(String name, byte[] content) {
    try {
      JsonNode form = JSON.readTree(content);
      String id = form.path("id").asText("");
      if (id.isBlank()) {
        throw new IllegalStateException("Expected an id in the bundled form " + name);
      }
      String tag = form.path("versionTag").isTextual() ? form.get("versionTag").asText() : null;
      return new BundledModel(BundledModel.Kind.FORM, id, tag, List.of(), name, content);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled form " + name, e);
    }
  }

  /** The {@code zeebe:versionTag} directly under the element's extension elements. */
  static String versionTag(Element element) {
    NodeList tags = element.getElementsByTagNameNS(ZEEBE, "versionTag");
    for (int i = 0; i < tags.getLength(); i++) {
      Element tag = (Element) tags.item(i);
      if (tag.getParentNode() != null && tag.getParentNode().getParentNode() == element) {
        String value = tag.getAttribute("value");
        return value.isBlank() ? null : value;
      }
    }
    return null;
  }

  static Document xml(String name, byte[] content) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read the model " + name + ": " + e.getMessage(), e);
    }
  }
}
