package fr.secondevie.engine.model;

import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/** Error lines grouped by element id, formatted like Zeebe's deployment rejections. */
final class TransformErrors {
  private final Map<String, List<String>> byElement = new LinkedHashMap<>();

  void add(ModelElementInstance element, String message) {
    String id = element instanceof BaseElement base ? base.getId() : null;
    String label = id != null ? id : element != null ? element.getElementType().getTypeName() : "";
    byElement.computeIfAbsent(label, k -> new ArrayList<>()).add(message);
  }

  boolean isEmpty() {
    return byElement.isEmpty();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    byElement.forEach(
        (id, messages) -> {
          text.append("- Element: ").append(id).append('\n');
          messages.forEach(m -> text.append("    - ERROR: ").append(m).append('\n'));
        });
    return text.toString();
  }
}
