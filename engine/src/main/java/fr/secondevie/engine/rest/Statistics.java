package fr.secondevie.engine.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.secondevie.engine.history.Views.ElementInstanceView;
import fr.secondevie.engine.model.ElementType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Element statistics ({@code {items: [{elementId, active, canceled, incidents, completed}]}}): per
 * element id, the instances active without incident, terminated, active with an incident, and
 * completed.
 */
final class Statistics {

  private Statistics() {}

  static ObjectNode elementStatistics(Collection<ElementInstanceView> elements) {
    Map<String, long[]> counts = new LinkedHashMap<>();
    for (ElementInstanceView element : elements) {
      if (element.type() == ElementType.PROCESS) {
        continue;
      }
      long[] count = counts.computeIfAbsent(element.elementId(), id -> new long[4]);
      switch (element.state()) {
        case "ACTIVE" -> count[element.hasIncident() ? 2 : 0]++;
        case "TERMINATED" -> count[1]++;
        case "COMPLETED" -> count[3]++;
        default -> {}
      }
    }
    ObjectNode response = Json.object();
    ArrayNode items = response.putArray("items");
    counts.forEach(
        (elementId, count) -> {
          ObjectNode item = items.addObject();
          item.put("elementId", elementId);
          item.put("active", count[0]);
          item.put("canceled", count[1]);
          item.put("incidents", count[2]);
          item.put("completed", count[3]);
        });
    return response;
  }
}
