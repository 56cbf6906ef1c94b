package fr.secondevie.purchasing;

import fr.secondevie.inventory.AssetCategory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The purchase requests ({@code purchase_request}, {@code V80__purchasing.sql}): the need, its
 * status, its process instance, its channel and the decision on buying new.
 */
@Repository
class PurchaseRequestRepository {

  private final JdbcClient jdbc;

  PurchaseRequestRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record NewRequest(
      String service,
      String site,
      AssetCategory category,
      int quantity,
      UseCase useCase,
      SecurityConstraint securityConstraint,
      LocalDate neededBy,
      String justification,
      String minimumGrade) {}

  long insertRequest(NewRequest r, String requestedBy, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO purchase_request (service, site, category, quantity, use_case,"
                + " security_constraint, needed_by, justification, requested_by, requested_at,"
                + " status, minimum_grade) VALUES (:service, :site, :category, :quantity, :useCase,"
                + " :security, :neededBy, :justification, :by, :at, 'SUBMITTED', :grade)")
        .param("grade", r.minimumGrade())
        .param("service", r.service())
        .param("site", r.site())
        .param("category", r.category().name())
        .param("quantity", r.quantity())
        .param("useCase", r.useCase().name())
        .param("security", r.securityConstraint().name())
        .param("neededBy", r.neededBy())
        .param("justification", r.justification())
        .param("by", requestedBy)
        .param("at", now.truncatedTo(ChronoUnit.MICROS))
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  void deleteRequest(long id) {
    jdbc.sql("DELETE FROM purchase_request WHERE id = :id").param("id", id).update();
  }

  void writeProcessInstance(long id, long key) {
    jdbc.sql("UPDATE purchase_request SET process_instance_key = :key WHERE id = :id")
        .param("key", key)
        .param("id", id)
        .update();
  }

  Optional<PurchaseRequest> findRequest(long id) {
    return jdbc.sql("SELECT * FROM purchase_request WHERE id = :id")
        .param("id", id)
        .query(PurchaseRequestRepository::request)
        .optional();
  }

  /** Locks the request's row until the end of the transaction, then reads it. */
  Optional<PurchaseRequest> lockRequest(long id) {
    return jdbc.sql("SELECT * FROM purchase_request WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(PurchaseRequestRepository::request)
        .optional();
  }

  List<PurchaseRequest> requestsNewestFirst() {
    return jdbc.sql("SELECT * FROM purchase_request ORDER BY requested_at DESC, id DESC LIMIT 500")
        .query(PurchaseRequestRepository::request)
        .list();
  }

  void writeStatus(long id, RequestStatus status) {
    jdbc.sql("UPDATE purchase_request SET status = :status, version = version + 1 WHERE id = :id")
        .param("status", status.name())
        .param("id", id)
        .update();
  }

  void writeChannel(long id, String channel, String reason) {
    jdbc.sql(
            "UPDATE purchase_request SET channel = :channel, channel_reason = :reason,"
                + " status = 'SOURCING', version = version + 1 WHERE id = :id")
        .param("channel", channel)
        .param("reason", reason)
        .param("id", id)
        .update();
  }

  void writeNewPurchaseDecision(
      long id,
      String justification,
      boolean approved,
      String comment,
      String decidedBy,
      RequestStatus status) {
    jdbc.sql(
            "UPDATE purchase_request SET new_justification = :justification, new_approved ="
                + " :approved, new_decision_comment = :comment, new_decided_by = :by, status ="
                + " :status, version = version + 1 WHERE id = :id")
        .param("by", decidedBy)
        .param("justification", justification)
        .param("approved", approved)
        .param("comment", comment)
        .param("status", status.name())
        .param("id", id)
        .update();
  }

  private static PurchaseRequest request(ResultSet rs, int row) throws SQLException {
    long key = rs.getLong("process_instance_key");
    Long processInstanceKey = rs.wasNull() ? null : key;
    boolean approved = rs.getBoolean("new_approved");
    Boolean newApproved = rs.wasNull() ? null : approved;
    return new PurchaseRequest(
        rs.getLong("id"),
        rs.getString("service"),
        rs.getString("site"),
        AssetCategory.valueOf(rs.getString("category")),
        rs.getInt("quantity"),
        UseCase.valueOf(rs.getString("use_case")),
        SecurityConstraint.valueOf(rs.getString("security_constraint")),
        rs.getDate("needed_by").toLocalDate(),
        rs.getString("justification"),
        rs.getString("requested_by"),
        rs.getTimestamp("requested_at").toInstant(),
        RequestStatus.valueOf(rs.getString("status")),
        processInstanceKey,
        rs.getInt("assigned_from_stock"),
        rs.getString("channel"),
        rs.getString("channel_reason"),
        rs.getString("new_justification"),
        newApproved,
        rs.getString("new_decision_comment"),
        rs.getString("new_decided_by"),
        rs.getString("minimum_grade"));
  }
}
