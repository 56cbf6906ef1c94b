package fr.secondevie.models;

import fr.secondevie.common.Sha256;
import fr.secondevie.models.ModelChecker.ModelFile;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The journal of the models uploaded from the console ({@code model_upload}, {@code
 * model_upload_file}): the files as checked, and once deployed who, when, why and what the runtime
 * made of each file.
 */
@Repository
public class ModelJournal {

  /** An upload checked without error, waiting for its deployment. */
  static final String CHECKED = "CHECKED";

  static final String DEPLOYED = "DEPLOYED";

  /** The runtime refused the deployment (its message in {@code failure}). */
  static final String FAILED = "FAILED";

  /** One upload and its files. */
  record Upload(
      long id,
      Instant checkedAt,
      String checkedBy,
      String status,
      Instant deployedAt,
      String deployedBy,
      String reason,
      Long deploymentKey,
      String failure,
      List<StoredFile> files) {}

  /** One file of an upload; the resource fields are null until deployed. */
  record StoredFile(
      String name, String sha256, String resourceId, Long resourceKey, Integer resourceVersion) {}

  /**
   * A version a process owner deployed from the console.
   *
   * @param resourceKey the process definition, decision requirements or form key
   */
  public record DeployedVersion(
      long resourceKey, long uploadId, Instant at, String by, String reason, String file) {}

  private final JdbcClient jdbc;

  ModelJournal(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long recordChecked(Instant at, String actor, List<ModelFile> files) {
    GeneratedKeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO model_upload (checked_at, checked_by, status)"
                + " VALUES (:at, :actor, :status)")
        .param("at", Timestamp.from(at))
        .param("actor", actor)
        .param("status", CHECKED)
        .update(key, "id");
    long id = key.getKey().longValue();
    for (ModelFile file : files) {
      jdbc.sql(
              "INSERT INTO model_upload_file (upload_id, name, sha256, content)"
                  + " VALUES (:upload, :name, :sha, :content)")
          .param("upload", id)
          .param("name", file.name())
          .param("sha", Sha256.hex(file.content()))
          .param("content", file.content())
          .update();
    }
    return id;
  }

  Optional<Upload> find(long id) {
    return jdbc.sql(
            "SELECT id, checked_at, checked_by, status, deployed_at, deployed_by, reason,"
                + " deployment_key, failure FROM model_upload WHERE id = :id")
        .param("id", id)
        .query((rs, i) -> upload(rs))
        .optional();
  }

  List<ModelFile> contents(long uploadId) {
    return jdbc.sql("SELECT name, content FROM model_upload_file WHERE upload_id = :id ORDER BY id")
        .param("id", uploadId)
        .query((rs, i) -> new ModelFile(rs.getString("name"), rs.getBytes("content")))
        .list();
  }

  /** The form of that id last deployed from the console (its highest version), if any. */
  Optional<byte[]> deployedForm(String formId) {
    return jdbc.sql(
            "SELECT f.content FROM model_upload_file f JOIN model_upload u ON u.id = f.upload_id"
                + " WHERE u.status = :deployed AND f.resource_id = :id AND f.name LIKE '%.form'"
                + " ORDER BY f.resource_version DESC, f.id DESC LIMIT 1")
        .param("deployed", DEPLOYED)
        .param("id", formId)
        .query((rs, i) -> rs.getBytes(1))
        .optional();
  }

  /** Marks a checked upload deployed; false when it was not waiting any more (a double post). */
  boolean recordDeployed(long id, Instant at, String actor, String reason, long deploymentKey) {
    return jdbc.sql(
                "UPDATE model_upload SET status = :deployed, deployed_at = :at, deployed_by ="
                    + " :actor, reason = :reason, deployment_key = :key, failure = NULL"
                    + " WHERE id = :id AND status = :checked")
            .param("deployed", DEPLOYED)
            .param("at", Timestamp.from(at))
            .param("actor", actor)
            .param("reason", reason)
            .param("key", deploymentKey)
            .param("id", id)
            .param("checked", CHECKED)
            .update()
        == 1;
  }

  void recordResource(long uploadId, String name, String resourceId, long key, int version) {
    jdbc.sql(
            "UPDATE model_upload_file SET resource_id = :rid, resource_key = :key,"
                + " resource_version = :version WHERE upload_id = :upload AND name = :name")
        .param("rid", resourceId)
        .param("key", key)
        .param("version", version)
        .param("upload", uploadId)
        .param("name", name)
        .update();
  }

  void recordFailure(long id, Instant at, String actor, String reason, String failure) {
    jdbc.sql(
            "UPDATE model_upload SET failure = :failure, deployed_at = :at, deployed_by = :actor,"
                + " reason = :reason WHERE id = :id AND status = :checked")
        .param("failure", failure.length() > 1000 ? failure.substring(0, 999) + "…" : failure)
        .param("at", Timestamp.from(at))
        .param("actor", actor)
        .param("reason", reason)
        .param("id", id)
        .param("checked", CHECKED)
        .update();
  }

  /** The uploads, newest first (at most 100). */
  List<Upload> history() {
    return jdbc.sql(
            "SELECT id, checked_at, checked_by, status, deployed_at, deployed_by, reason,"
                + " deployment_key, failure FROM model_upload ORDER BY id DESC LIMIT 100")
        .query((rs, i) -> upload(rs))
        .list();
  }

  /** The versions deployed from the console, by process definition / decision / form key. */
  public Map<Long, DeployedVersion> deployedVersions() {
    Map<Long, DeployedVersion> versions = new HashMap<>();
    jdbc.sql(
            "SELECT f.resource_key, u.id, u.deployed_at, u.deployed_by, u.reason, f.name"
                + " FROM model_upload_file f JOIN model_upload u ON u.id = f.upload_id"
                + " WHERE u.status = :deployed AND f.resource_key IS NOT NULL")
        .param("deployed", DEPLOYED)
        .query(
            (rs, i) ->
                new DeployedVersion(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getTimestamp(3).toInstant(),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6)))
        .list()
        .forEach(v -> versions.put(v.resourceKey(), v));
    return versions;
  }

  private Upload upload(java.sql.ResultSet rs) throws java.sql.SQLException {
    long id = rs.getLong("id");
    Timestamp deployedAt = rs.getTimestamp("deployed_at");
    return new Upload(
        id,
        rs.getTimestamp("checked_at").toInstant(),
        rs.getString("checked_by"),
        rs.getString("status"),
        deployedAt == null ? null : deployedAt.toInstant(),
        rs.getString("deployed_by"),
        rs.getString("reason"),
        (Long) rs.getObject("deployment_key", Long.class),
        rs.getString("failure"),
        files(id));
  }

  private List<StoredFile> files(long uploadId) {
    return jdbc.sql(
            "SELECT name, sha256, resource_id, resource_key, resource_version"
                + " FROM model_upload_file WHERE upload_id = :id ORDER BY id")
        .param("id", uploadId)
        .query(
            (rs, i) ->
                new StoredFile(
                    rs.getString("name"),
                    rs.getString("sha256"),
                    rs.getString("resource_id"),
                    (Long) rs.getObject("resource_key", Long.class),
                    (Integer) rs.getObject("resource_version", Integer.class)))
        .list();
  }
}
