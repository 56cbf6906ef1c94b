package fr.secondevie.engine.state;

import fr.secondevie.engine.record.IncidentValue;
import fr.secondevie.engine.record.Record;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Open incidents. */
public final class IncidentState {

  private final Map<Long, IncidentValue> incidents = new HashMap<>();

  public IncidentValue get(long key) {
    return incidents.get(key);
  }

  /** Open incidents of an element instance (at most one in practice). */
  public List<Long> ofElementInstance(long elementInstanceKey) {
    return incidents.entrySet().stream()
        .filter(e -> e.getValue().elementInstanceKey() == elementInstanceKey)
        .map(Map.Entry::getKey)
        .toList();
  }

  void apply(Record record) {
    switch (record.intent()) {
      case CREATED -> incidents.put(record.key(), (IncidentValue) record.value());
      case RESOLVED -> incidents.remove(record.key());
      default -> {}
    }
  }

  void clear() {
    incidents.clear();
  }
}
