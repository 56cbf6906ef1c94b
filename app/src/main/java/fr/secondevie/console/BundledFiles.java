package fr.secondevie.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The BPMN files shipped with the application (the ones the models module deploys), by resource
 * name, to tell a runtime version that is exactly the shipped file from one deployed otherwise
 * (from Camunda Modeler, or by an earlier release of the application).
 */
@Component
class BundledFiles {

  /** Where a process version came from, as far as the console can tell. */
  enum Source {
    BUNDLED("Livré avec cette version de l'application"),
    OTHER("Autre origine (Camunda Modeler, ou version antérieure de l'application)");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final Map<String, String> contents = new HashMap<>();

  BundledFiles(@Value("${secondevie.models.location:classpath*:/models}") String location) {
    try {
      for (Resource resource :
          new PathMatchingResourcePatternResolver().getResources(location + "/*.bpmn")) {
        contents.put(
            resource.getFilename(),
            normalized(new String(resource.getContentAsByteArray(), StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the bundled models under " + location, e);
    }
  }

  /** Whether a file of this name is shipped (only then is the runtime's XML worth fetching). */
  boolean ships(String resourceName) {
    return resourceName != null && contents.containsKey(resourceName);
  }

  /** BUNDLED when the runtime's XML is the shipped file of the same name, OTHER otherwise. */
  Source sourceOf(String resourceName, String runtimeXml) {
    String shipped = resourceName == null ? null : contents.get(resourceName);
    return shipped != null && runtimeXml != null && shipped.equals(normalized(runtimeXml))
        ? Source.BUNDLED
        : Source.OTHER;
  }

  private static String normalized(String xml) {
    String text = xml.startsWith("\uFEFF") ? xml.substring(1) : xml;
    return text.replace("\r\n", "\n").strip();
  }
}
