package fr.secondevie.processes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** Reads the models from the top-level {@code bpmn/} and {@code forms/} directories. */
final class Models {

  /** The processes with their constants classes. */
  static final List<ProcessUnderTest> PROCESSES =
      List.of(
          new ProcessUnderTest(
              RenewalCampaignProcess.PROCESS_ID,
              RenewalCampaignProcess.RESOURCE,
              RenewalCampaignProcess.class),
          new ProcessUnderTest(
              AssetEndOfLifeProcess.PROCESS_ID,
              AssetEndOfLifeProcess.RESOURCE,
              AssetEndOfLifeProcess.class),
          new ProcessUnderTest(
              DismantlingLotProcess.PROCESS_ID,
              DismantlingLotProcess.RESOURCE,
              DismantlingLotProcess.class),
          new ProcessUnderTest(
              SupplierReferencingProcess.PROCESS_ID,
              SupplierReferencingProcess.RESOURCE,
              SupplierReferencingProcess.class),
          new ProcessUnderTest(
              IndicatorsAnnualReportProcess.PROCESS_ID,
              IndicatorsAnnualReportProcess.RESOURCE,
              IndicatorsAnnualReportProcess.class),
          new ProcessUnderTest(
              ReconditionedPurchaseProcess.PROCESS_ID,
              ReconditionedPurchaseProcess.RESOURCE,
              ReconditionedPurchaseProcess.class));

  private static final ObjectMapper JSON = new ObjectMapper();

  private Models() {}

  /** {@code bpmn/} at the repository root; tests run with the module as working directory. */
  static Path bpmnDir() {
    return Path.of("..", "bpmn").toAbsolutePath().normalize();
  }

  static Path formsDir() {
    return Path.of("..", "forms").toAbsolutePath().normalize();
  }

  static BpmnModelInstance readBpmn(String resource) {
    try (InputStream in = Files.newInputStream(bpmnDir().resolve(resource))) {
      return Bpmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The raw DOM, for checks that span every attribute of every element. */
  static Document readDom(Path file) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(file.toFile());
    } catch (Exception e) {
      throw new IllegalStateException("Cannot parse " + file, e);
    }
  }

  /** Every form by file name without extension. */
  static Map<String, JsonNode> forms() {
    Map<String, JsonNode> forms = new TreeMap<>();
    try (Stream<Path> files = Files.list(formsDir())) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        String name = file.getFileName().toString().replaceFirst("\\.form$", "");
        forms.put(name, JSON.readTree(file.toFile()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return forms;
  }

  /** Values of the public static final String fields of a constants class. */
  static Set<String> constants(Class<?> holder) {
    Set<String> values = new TreeSet<>();
    for (Field field : holder.getDeclaredFields()) {
      int modifiers = field.getModifiers();
      if (Modifier.isPublic(modifiers)
          && Modifier.isStatic(modifiers)
          && Modifier.isFinal(modifiers)
          && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }

  /** The nested constants class {@code simpleName} of a process class, or null. */
  static Class<?> nested(Class<?> process, String simpleName) {
    for (Class<?> nested : process.getDeclaredClasses()) {
      if (nested.getSimpleName().equals(simpleName)) {
        return nested;
      }
    }
    return null;
  }

  record ProcessUnderTest(String processId, String resource, Class<?> constants) {

    BpmnModelInstance model() {
      return readBpmn(resource);
    }

    Path file() {
      return bpmnDir().resolve(resource);
    }

    Set<String> constants(String nestedClass) {
      Class<?> holder = nested(constants, nestedClass);
      return holder == null ? Set.of() : Models.constants(holder);
    }

    @Override
    public String toString() {
      return processId;
    }
  }
}
