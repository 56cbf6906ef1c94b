package fr.secondevie.indicators;

import fr.secondevie.common.InvalidInputException;
import fr.secondevie.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the spend ledger: all or nothing. The lines of the years present in the file replace the
 * lines of those years imported before.
 */
@Service
@Transactional
class SpendLedgerService {

  private final JdbcClient jdbc;
  private final Clock clock;

  SpendLedgerService(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What a refused ledger is called. */
  static final String REFUSED = "Registre des dépenses refusé";

  /** What an import did. */
  record Imported(long importId, int lines, Set<Integer> years, String encoding) {}

  /**
   * @throws InvalidInputException with every problem of the file, in order; nothing is written
   */
  Imported importFile(String fileName, byte[] bytes, String user) {
    SpendLedgerCsv.Parsed parsed = SpendLedgerCsv.parse(bytes);
    if (!parsed.valid()) {
      throw new InvalidInputException(REFUSED, parsed.errors());
    }
    Set<Integer> years = new TreeSet<>();
    parsed.lines().forEach(l -> years.add(l.date().getYear()));
    org.springframework.jdbc.support.GeneratedKeyHolder keys =
        new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO spend_ledger_import (file_name, file_sha256, encoding, line_count,"
                + " imported_by, imported_at) VALUES (:name, :sha, :encoding, :count, :user, :now)")
        .param("name", fileName == null || fileName.isBlank() ? "registre.csv" : truncate(fileName))
        .param("sha", Sha256.hex(bytes))
        .param("encoding", parsed.encoding())
        .param("count", parsed.lines().size())
        .param("user", user)
        .param("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
        .update(keys);
    long importId = keys.getKey().longValue();
    // the lines of received purchase orders (no import) stay
    jdbc.sql("DELETE FROM spend_ledger_line WHERE spend_year IN (:years) AND import_id IS NOT NULL")
        .param("years", years)
        .update();
    for (SpendLedgerCsv.Line l : parsed.lines()) {
      jdbc.sql(
              "INSERT INTO spend_ledger_line (import_id, line_number, spend_date, spend_year,"
                  + " reference, supplier, label, amount_cents, nature) VALUES (:import, :line,"
                  + " :date, :year, :ref, :supplier, :label, :amount, :nature)")
          .param("import", importId)
          .param("line", l.line())
          .param("date", l.date())
          .param("year", l.date().getYear())
          .param("ref", l.reference())
          .param("supplier", l.supplier())
          .param("label", l.label())
          .param("amount", l.amountCents())
          .param("nature", l.nature().name())
          .update();
    }
    return new Imported(importId, parsed.lines().size(), years, parsed.encoding());
  }

  private static String truncate(String s) {
    return s.length() <= 255 ? s : s.substring(0, 255);
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
