package fr.secondevie.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The journal of account changes: who did what to which account, and when (never a password). */
@Repository
class AccountAudit {

  /** One journal line. */
  record Entry(Instant at, String actor, String username, Action action, String detail) {}

  /** What was done, with its French label for the administration page. */
  enum Action {
    INITIAL_ADMIN_CREATED("Administrateur initial créé"),
    CREATED("Compte créé"),
    ROLES_CHANGED("Rôles modifiés"),
    RENAMED("Nom affiché modifié"),
    PASSWORD_RESET("Mot de passe réinitialisé"),
    PASSWORD_CHANGED("Mot de passe changé par l'utilisateur"),
    DISABLED("Compte désactivé"),
    ENABLED("Compte réactivé");

    private final String label;

    Action(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private final JdbcClient jdbc;

  AccountAudit(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(Instant at, String actor, String username, Action action, String detail) {
    jdbc.sql(
            "INSERT INTO account_audit (at, actor, username, action, detail)"
                + " VALUES (:at, :actor, :username, :action, :detail)")
        .param("at", Timestamp.from(at))
        .param("actor", actor)
        .param("username", username)
        .param("action", action.name())
        .param("detail", detail)
        .update();
  }

  List<Entry> latest(int count) {
    return jdbc.sql(
            "SELECT at, actor, username, action, detail FROM account_audit"
                + " ORDER BY at DESC, id DESC LIMIT :count")
        .param("count", count)
        .query(
            (rs, i) ->
                new Entry(
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("username"),
                    Action.valueOf(rs.getString("action")),
                    rs.getString("detail")))
        .list();
  }
}
