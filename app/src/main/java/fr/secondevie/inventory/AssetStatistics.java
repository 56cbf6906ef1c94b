package fr.secondevie.inventory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-side counts and selections over sets of assets, for other modules (campaign selection and
 * progress). Sets are given by asset ids; large sets are queried in chunks.
 */
@NamedInterface("api")
@Component
@Transactional(readOnly = true)
public class AssetStatistics {

  /** Statuses from which an asset may be retired (decommissioned). */
  public static final List<AssetStatus> RETIRABLE =
      List.of(AssetStatus.IN_SERVICE, AssetStatus.IN_STOCK);

  private static final int CHUNK = 1000;

  private final JdbcClient jdbc;

  AssetStatistics(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Ids of the retirable assets (in service or in stock) of a site, optionally of one category,
   * ordered by inventory number.
   */
  public List<Long> retirableAssetIds(String site, AssetCategory category) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("site", site);
    params.put("statuses", RETIRABLE.stream().map(Enum::name).toList());
    String categoryFilter = "";
    if (category != null) {
      categoryFilter = " AND category = :category";
      params.put("category", category.name());
    }
    return jdbc.sql(
            "SELECT id FROM asset WHERE site = :site AND status IN (:statuses)"
                + categoryFilter
                + " ORDER BY inventory_number")
        .params(params)
        .query(Long.class)
        .list();
  }

  /** Number of assets per status among these ids (statuses with no asset are absent). */
  public Map<AssetStatus, Long> countByStatus(Collection<Long> assetIds) {
    Map<AssetStatus, Long> counts = new EnumMap<>(AssetStatus.class);
    for (List<Long> chunk : chunks(assetIds)) {
      jdbc.sql("SELECT status, COUNT(*) AS n FROM asset WHERE id IN (:ids) GROUP BY status")
          .param("ids", chunk)
          .query(
              (rs, i) ->
                  counts.merge(
                      AssetStatus.valueOf(rs.getString("status")), rs.getLong("n"), Long::sum))
          .list();
    }
    return counts;
  }

  /** Number of assets per recorded route among these ids (assets without route are absent). */
  public Map<DispositionRoute, Long> countByRoute(Collection<Long> assetIds) {
    Map<DispositionRoute, Long> counts = new EnumMap<>(DispositionRoute.class);
    for (List<Long> chunk : chunks(assetIds)) {
      jdbc.sql(
              "SELECT route, COUNT(*) AS n FROM asset WHERE id IN (:ids) AND route IS NOT NULL"
                  + " GROUP BY route")
          .param("ids", chunk)
          .query(
              (rs, i) ->
                  counts.merge(
                      DispositionRoute.valueOf(rs.getString("route")), rs.getLong("n"), Long::sum))
          .list();
    }
    return counts;
  }

  /** The ids among these that exist and are retirable. */
  public List<Long> retirableAmong(Collection<Long> assetIds) {
    List<Long> found = new ArrayList<>();
    for (List<Long> chunk : chunks(assetIds)) {
      found.addAll(
          jdbc.sql("SELECT id FROM asset WHERE id IN (:ids) AND status IN (:statuses)")
              .param("ids", chunk)
              .param("statuses", RETIRABLE.stream().map(Enum::name).toList())
              .query(Long.class)
              .list());
    }
    return found;
  }

  private static List<List<Long>> chunks(Collection<Long> ids) {
    List<Long> all = List.copyOf(ids);
    List<List<Long>> chunks = new ArrayList<>();
    for (int from = 0; from < all.size(); from += CHUNK) {
      chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
    }
    return chunks;
  }
}
