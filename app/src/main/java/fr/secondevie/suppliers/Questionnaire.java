package fr.secondevie.suppliers;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A published version of the sustainable-IT questionnaire. Versions are immutable once published:
 * an application keeps the version it was registered with.
 */
public record Questionnaire(
    String version,
    String title,
    LocalDate publishedOn,
    String introduction,
    String sources,
    List<Criterion> criteria) {

  public Questionnaire {
    criteria = List.copyOf(criteria);
    Set<String> codes = new HashSet<>();
    for (Criterion criterion : criteria) {
      if (!codes.add(criterion.code())) {
        throw new IllegalArgumentException(
            "Questionnaire " + version + " has criterion " + criterion.code() + " twice");
      }
    }
    for (Axis axis : Axis.values()) {
      if (criteria.stream().noneMatch(c -> c.axis() == axis)) {
        throw new IllegalArgumentException(
            "Questionnaire " + version + " has no criterion on axis " + axis);
      }
    }
  }

  public Optional<Criterion> criterion(String code) {
    return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  /** The criteria grouped by axis, in the order of the axes and of the questionnaire. */
  public Map<Axis, List<Criterion>> byAxis() {
    Map<Axis, List<Criterion>> byAxis = new EnumMap<>(Axis.class);
    for (Axis axis : Axis.values()) {
      byAxis.put(axis, criteria.stream().filter(c -> c.axis() == axis).toList());
    }
    return byAxis;
  }

  public int totalWeight() {
    return criteria.stream().mapToInt(Criterion::weight).sum();
  }
}
