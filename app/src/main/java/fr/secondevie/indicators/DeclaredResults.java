package fr.secondevie.indicators;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Results of years before the application, declared by an asset manager with their evidence; shown
 * apart from computed figures everywhere.
 */
@Component
@Transactional
class DeclaredResults {

  private final JdbcClient jdbc;
  private final Clock clock;

  DeclaredResults(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  record Declared(
      long id,
      int firstYear,
      int lastYear,
      String indicator,
      String figure,
      String evidence,
      String author,
      Instant declaredAt) {

    public String years() {
      return firstYear == lastYear ? String.valueOf(firstYear) : firstYear + "–" + lastYear;
    }
  }

  /** A declaration as typed in the form; {@link #errors()} says what is wrong, by field. */
  record Form(
      Integer firstYear, Integer lastYear, String indicator, String figure, String evidence) {

    Map<String, String> errors(int currentYear) {
      Map<String, String> errors = new LinkedHashMap<>();
      if (firstYear == null || firstYear < 1990 || firstYear > currentYear) {
        errors.put("firstYear", "Indiquez la première année (entre 1990 et " + currentYear + ").");
      }
      if (lastYear == null || lastYear < 1990 || lastYear > currentYear) {
        errors.put("lastYear", "Indiquez la dernière année (entre 1990 et " + currentYear + ").");
      } else if (firstYear != null && lastYear < firstYear) {
        errors.put("lastYear", "La dernière année précède la première.");
      }
      if (blank(indicator) || indicator.length() > 255) {
        errors.put("indicator", "Nommez l'indicateur (255 caractères au plus).");
      }
      if (blank(figure) || figure.length() > 255) {
        errors.put("figure", "Indiquez le résultat, par exemple « 450 postes donnés ».");
      }
      if (blank(evidence) || evidence.length() > 1000) {
        errors.put(
            "evidence",
            "Indiquez la pièce justificative (référence, rapport…), 1 000 caractères au plus.");
      }
      return errors;
    }

    private static boolean blank(String s) {
      return s == null || s.isBlank();
    }
  }

  void declare(Form form, String author) {
    jdbc.sql(
            "INSERT INTO declared_result (first_year, last_year, indicator, figure, evidence,"
                + " author, declared_at) VALUES (:first, :last, :indicator, :figure, :evidence,"
                + " :author, :now)")
        .param("first", form.firstYear())
        .param("last", form.lastYear())
        .param("indicator", form.indicator().strip())
        .param("figure", form.figure().strip())
        .param("evidence", form.evidence().strip())
        .param("author", author)
        .param("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
        .update();
  }

  @Transactional(readOnly = true)
  List<Declared> all() {
    return new ArrayList<>(
        jdbc.sql("SELECT * FROM declared_result ORDER BY first_year, id")
            .query(
                (rs, i) ->
                    new Declared(
                        rs.getLong("id"),
                        rs.getInt("first_year"),
                        rs.getInt("last_year"),
                        rs.getString("indicator"),
                        rs.getString("figure"),
                        rs.getString("evidence"),
                        rs.getString("author"),
                        rs.getTimestamp("declared_at").toInstant()))
            .list());
  }
}
