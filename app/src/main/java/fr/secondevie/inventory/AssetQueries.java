package fr.secondevie.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Read-side queries for asset lists (filters and paging) straight in SQL. */
@Component
class AssetQueries {

  private final JdbcClient jdbc;

  AssetQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  AssetPage search(AssetQuery query) {
    Map<String, Object> params = new LinkedHashMap<>();
    String filter = filter(query, params);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM asset" + filter).params(params).query(Long.class).single();
    List<AssetSummary> content =
        jdbc.sql(
                COLUMNS
                    + " FROM asset"
                    + filter
                    + " ORDER BY inventory_number LIMIT :limit OFFSET :offset")
            .params(params)
            .param("limit", query.size())
            .param("offset", (long) query.page() * query.size())
            .query((rs, n) -> summary(rs))
            .list();
    return new AssetPage(content, query.page(), query.size(), total);
  }

  /**
   * The ids of every asset matching the query's filters (its page ignored), at most {@code limit}.
   */
  List<Long> ids(AssetQuery query, int limit) {
    Map<String, Object> params = new LinkedHashMap<>();
    String filter = filter(query, params);
    return jdbc.sql("SELECT id FROM asset" + filter + " ORDER BY inventory_number LIMIT :limit")
        .params(params)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /** Serial number to inventory number, for the assets having one of these serial numbers. */
  Map<String, String> inventoryNumbersBySerial(Collection<String> serialNumbers) {
    Map<String, String> found = new LinkedHashMap<>();
    List<String> all = List.copyOf(serialNumbers);
    for (int from = 0; from < all.size(); from += 500) {
      jdbc.sql(
              "SELECT serial_number, inventory_number FROM asset WHERE serial_number IN (:serials)"
                  + " ORDER BY inventory_number")
          .param("serials", all.subList(from, Math.min(all.size(), from + 500)))
          .query((rs, n) -> found.putIfAbsent(rs.getString("serial_number"), rs.getString(2)))
          .list();
    }
    return found;
  }

  private static String filter(AssetQuery query, Map<String, Object> params) {
    List<String> where = new ArrayList<>();
    if (query.status() != null) {
      where.add("status = :status");
      params.put("status", query.status().name());
    }
    if (query.category() != null) {
      where.add("category = :category");
      params.put("category", query.category().name());
    }
    if (query.site() != null) {
      where.add("site = :site");
      params.put("site", query.site());
    }
    if (query.route() != null) {
      where.add("route = :route");
      params.put("route", query.route().name());
    }
    if (query.campaignId() != null) {
      // the campaign's members (table of the campaigns module, read here as a filter only)
      where.add("id IN (SELECT asset_id FROM campaign_asset WHERE campaign_id = :campaignId)");
      params.put("campaignId", query.campaignId());
    }
    if (query.text() != null) {
      where.add(
          "(inventory_number LIKE :prefix OR serial_number LIKE :prefix OR model LIKE :infix)");
      String escaped = query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      params.put("prefix", escaped + "%");
      params.put("infix", "%" + escaped + "%");
    }
    return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
  }

  private static final String COLUMNS =
      "SELECT id, inventory_number, serial_number, name, category, manufacturer, model,"
          + " site, location, service, acquisition_date, acquisition_cost_cents, status, route";

  /** The lines of these assets by id, read in one query per thousand ids. */
  Map<Long, AssetSummary> summaries(Collection<Long> ids) {
    List<Long> all = ids.stream().distinct().toList();
    Map<Long, AssetSummary> found = new LinkedHashMap<>();
    for (int from = 0; from < all.size(); from += 1000) {
      jdbc.sql(COLUMNS + " FROM asset WHERE id IN (:ids)")
          .param("ids", all.subList(from, Math.min(all.size(), from + 1000)))
          .query((rs, n) -> summary(rs))
          .list()
          .forEach(a -> found.put(a.id(), a));
    }
    return found;
  }

  List<String> sites() {
    return jdbc.sql("SELECT DISTINCT site FROM asset WHERE site IS NOT NULL ORDER BY site")
        .query(String.class)
        .list();
  }

  private static AssetSummary summary(ResultSet rs) throws SQLException {
    String route = rs.getString("route");
    return new AssetSummary(
        rs.getLong("id"),
        rs.getString("inventory_number"),
        rs.getString("serial_number"),
        rs.getString("name"),
        AssetCategory.valueOf(rs.getString("category")),
        rs.getString("manufacturer"),
        rs.getString("model"),
        rs.getString("site"),
        rs.getString("location"),
        rs.getString("service"),
        rs.getObject("acquisition_date", java.time.LocalDate.class),
        rs.getObject("acquisition_cost_cents", Long.class),
        AssetStatus.valueOf(rs.getString("status")),
        route == null ? null : DispositionRoute.valueOf(route));
  }
}
