package fr.secondevie.console;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journal of the console's actions ({@code console_action}): who did what, when, on what. */
@Repository
class ConsoleAudit {

  /** What a process owner did. */
  enum Action {
    RETRY("Nouvel essai après incident"),
    RESOLVE("Incident résolu sans nouvel essai"),
    CANCEL("Annulation de l'instance");

    private final String label;

    Action(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** One journal line. */
  record Entry(
      Instant at,
      String actor,
      Action action,
      long processInstanceKey,
      Long incidentKey,
      String detail,
      boolean succeeded) {}

  private final JdbcClient jdbc;

  ConsoleAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(Entry entry) {
    jdbc.sql(
            "INSERT INTO console_action"
                + " (at, actor, action, process_instance_key, incident_key, detail, succeeded)"
                + " VALUES (:at, :actor, :action, :instance, :incident, :detail, :succeeded)")
        .param("at", Timestamp.from(entry.at()))
        .param("actor", entry.actor())
        .param("action", entry.action().name())
        .param("instance", entry.processInstanceKey())
        .param("incident", entry.incidentKey())
        .param("detail", truncate(entry.detail()))
        .param("succeeded", entry.succeeded())
        .update();
  }

  /** The actions on one instance, newest first. */
  List<Entry> ofInstance(long processInstanceKey) {
    return jdbc.sql(
            "SELECT at, actor, action, process_instance_key, incident_key, detail, succeeded"
                + " FROM console_action WHERE process_instance_key = :instance"
                + " ORDER BY at DESC, id DESC")
        .param("instance", processInstanceKey)
        .query(
            (rs, i) ->
                new Entry(
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"),
                    Action.valueOf(rs.getString("action")),
                    rs.getLong("process_instance_key"),
                    (Long) rs.getObject("incident_key", Long.class),
                    rs.getString("detail"),
                    rs.getBoolean("succeeded")))
        .list();
  }

  private static String truncate(String detail) {
    return detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
  }
}
