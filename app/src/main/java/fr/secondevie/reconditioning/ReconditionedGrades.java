package fr.secondevie.reconditioning;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The condition grade of assets after their last reconditioning (the workshop's or the supplier's
 * report, {@code newGrade}): what the internal stock offers to the next purchase request.
 */
@NamedInterface("api")
@Component
public class ReconditionedGrades {

  private final JdbcClient jdbc;

  ReconditionedGrades(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Asset id to its grade (A, B or C) after its latest completed reconditioning, if any. */
  @Transactional(readOnly = true)
  public Map<Long, String> of(Collection<Long> assetIds) {
    Map<Long, String> grades = new HashMap<>();
    List<Long> ids = List.copyOf(assetIds);
    for (int from = 0; from < ids.size(); from += 500) {
      jdbc.sql(
              "SELECT asset_id, new_grade FROM reconditioning_order WHERE asset_id IN (:ids) AND"
                  + " new_grade IS NOT NULL AND completed_at IS NOT NULL ORDER BY completed_at, id")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
          .query((rs, n) -> grades.put(rs.getLong("asset_id"), rs.getString("new_grade")))
          .list();
    }
    return grades;
  }
}
