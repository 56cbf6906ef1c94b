package fr.secondevie.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
    List<String> where = new ArrayList<>();
    Map<String, Object> params = new LinkedHashMap<>();
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
    if (query.text() != null) {
      where.add(
          "(inventory_number LIKE :prefix OR serial_number LIKE :prefix OR model LIKE :infix)");
      String escaped = query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
      params.put("prefix", escaped + "%");
      params.put("infix", "%" + escaped + "%");
    }
    String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    long total =
        jdbc.sql("SELECT COUNT(*) FROM asset" + filter).params(params).query(Long.class).single();
    List<AssetSummary> content =
        jdbc.sql(
                "SELECT id, inventory_number, serial_number, name, category, manufacturer, model,"
                    + " site, service, acquisition_date, acquisition_cost_cents, status, route"
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
        rs.getString("service"),
        rs.getObject("acquisition_date", java.time.LocalDate.class),
        rs.getObject("acquisition_cost_cents", Long.class),
        AssetStatus.valueOf(rs.getString("status")),
        route == null ? null : DispositionRoute.valueOf(route));
  }
}
