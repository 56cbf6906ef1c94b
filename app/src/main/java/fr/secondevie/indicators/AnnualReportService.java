package fr.secondevie.indicators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.secondevie.common.Sha256;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.PdfRenderer;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.notification.MailTemplates;
import fr.secondevie.notification.NotificationProperties;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.notification.OutgoingMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * P7: computes and freezes the figures of a year as a new report version, then publishes it (PDF
 * and one CSV per table stored as documents, director and asset managers notified). A frozen report
 * never changes; computing the year again issues a new version and keeps the earlier ones.
 */
@Service
@Transactional
public class AnnualReportService {

  static final String PENDING_REVIEW = "PENDING_REVIEW";
  static final String CORRECTIONS_REQUESTED = "CORRECTIONS_REQUESTED";
  static final String PUBLISHED = "PUBLISHED";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ReuseRateCalculator.PARIS);

  private final IndicatorsService indicators;
  private final AvoidedEmissionLedger ledger;
  private final DeclaredResults declared;
  private final DocumentService documents;
  private final PdfRenderer pdf;
  private final NotificationService notifications;
  private final NotificationProperties addresses;
  private final MailTemplates mails;
  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final Clock clock;

  AnnualReportService(
      IndicatorsService indicators,
      AvoidedEmissionLedger ledger,
      DeclaredResults declared,
      DocumentService documents,
      PdfRenderer pdf,
      NotificationService notifications,
      NotificationProperties addresses,
      MailTemplates mails,
      JdbcClient jdbc,
      ObjectMapper json,
      Clock clock) {
    this.indicators = indicators;
    this.ledger = ledger;
    this.declared = declared;
    this.documents = documents;
    this.pdf = pdf;
    this.notifications = notifications;
    this.addresses = addresses;
    this.mails = mails;
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  /**
   * Computes the year's figures and freezes them as the next version. The same operation id (job
   * redelivered) returns the version it created.
   *
   * @throws IllegalArgumentException a year before 2000 or after the current one
   */
  public AnnualReport computeAndFreeze(int year, String operationId, String actor) {
    Optional<AnnualReport> done = byOperation(operationId);
    if (done.isPresent()) {
      return done.get();
    }
    int current = indicators.currentYear();
    if (year < 2000 || year > current) {
      throw new IllegalArgumentException(
          "Année " + year + " impossible : choisissez une année entre 2000 et " + current);
    }
    ledger.backfill(year);
    IndicatorsService.View view = indicators.view(year);
    YearFigures figures = view.figures();
    List<ReuseRate> trend = view.trend();
    Map<String, DataTable> tables =
        IndicatorTables.of(
            figures,
            trend,
            indicators.purchaseTrend(trend),
            indicators.spendLines(year),
            ledger.factors(),
            declared.all());
    int version =
        jdbc.sql(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM indicator_report WHERE report_year = :y")
            .param("y", year)
            .query(Integer.class)
            .single();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<String> declaredLines =
        declared.all().stream()
            .map(
                d ->
                    d.years()
                        + " — "
                        + d.indicator()
                        + " : "
                        + d.figure()
                        + " (justificatif : "
                        + d.evidence()
                        + ", déclaré par "
                        + d.author()
                        + ")")
            .toList();
    FrozenReport snapshot =
        FrozenReport.of(figures, tables, trend, version, STAMP.format(now), declaredLines);
    String text = write(snapshot);
    jdbc.sql(
            "UPDATE indicator_report SET status = 'SUPERSEDED' WHERE report_year = :y"
                + " AND status <> 'PUBLISHED'")
        .param("y", year)
        .update();
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO indicator_report (report_year, version, status, snapshot,"
                + " snapshot_sha256, operation_id, computed_at, computed_by) VALUES (:y, :v,"
                + " :status, :snapshot, :sha, :op, :now, :actor)")
        .param("y", year)
        .param("v", version)
        .param("status", PENDING_REVIEW)
        .param("snapshot", text)
        .param("sha", Sha256.hex(text.getBytes(StandardCharsets.UTF_8)))
        .param("op", operationId)
        .param("now", now)
        .param("actor", actor)
        .update(keys);
    return find(keys.getKey().longValue()).orElseThrow();
  }

  /** The auditor sends the report back with what to correct; the version stays as frozen. */
  public AnnualReport requestCorrections(long reportId, String comment) {
    AnnualReport report = require(reportId);
    if (!PUBLISHED.equals(report.status())) {
      jdbc.sql(
              "UPDATE indicator_report SET status = :status, review_comment = :comment"
                  + " WHERE id = :id")
          .param("status", CORRECTIONS_REQUESTED)
          .param("comment", comment == null ? null : truncate(comment, 2000))
          .param("id", reportId)
          .update();
    }
    return require(reportId);
  }

  /**
   * Publishes a version: PDF and CSV files from the frozen snapshot, stored as documents, and the
   * director and asset managers notified. Publishing twice changes nothing the second time.
   */
  public AnnualReport publish(long reportId, String actor) {
    AnnualReport report = require(reportId);
    if (PUBLISHED.equals(report.status())) {
      return report;
    }
    FrozenReport snapshot = snapshot(reportId);
    String owner = "indicators-report:" + report.year() + ":v" + report.version();
    String base = "indicateurs-" + report.year() + "-v" + report.version();
    byte[] content = pdf.render("indicators-annual-report", Map.of("report", snapshot));
    StoredDocument stored =
        documents.store(NewDocument.pdf(DocumentKind.REPORT, base + ".pdf", content, owner, actor));
    List<String> csvIds = new ArrayList<>();
    for (FrozenReport.Table t : snapshot.tables()) {
      csvIds.add(
          documents
              .store(
                  new NewDocument(
                      DocumentKind.REPORT,
                      base + "-" + t.id() + ".csv",
                      "text/csv; charset=UTF-8",
                      t.csv().getBytes(StandardCharsets.UTF_8),
                      owner,
                      actor))
              .publicId());
    }
    jdbc.sql(
            "UPDATE indicator_report SET status = :status, pdf_document_id = :pdf,"
                + " csv_document_ids = :csv, published_at = :now WHERE id = :id")
        .param("status", PUBLISHED)
        .param("pdf", stored.publicId())
        .param("csv", String.join(",", csvIds))
        .param("now", clock.instant().truncatedTo(ChronoUnit.MICROS))
        .param("id", reportId)
        .update();
    String body =
        mails.render(
            "indicators-report-published",
            Map.of(
                "year", report.year(),
                "version", report.version(),
                "headline", snapshot.headline()));
    for (String group : List.of("DIRECTOR", "ASSET_MANAGER")) {
      String to = addresses.addressOf(group);
      if (to == null) {
        continue;
      }
      notifications.send(
          new OutgoingMessage(
              "indicators-report:" + reportId + ":" + group,
              to,
              "Indicateurs " + report.year() + " publiés (version " + report.version() + ")",
              body,
              List.of(stored.publicId())));
    }
    return require(reportId);
  }

  /** Every version of a year's report, newest first. */
  @Transactional(readOnly = true)
  public List<AnnualReport> versions(int year) {
    return jdbc.sql(select() + " WHERE report_year = :y ORDER BY version DESC")
        .param("y", year)
        .query(this::map)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<AnnualReport> find(long id) {
    return jdbc.sql(select() + " WHERE id = :id").param("id", id).query(this::map).optional();
  }

  /** The frozen figures of a version. */
  @Transactional(readOnly = true)
  FrozenReport snapshot(long id) {
    String text =
        jdbc.sql("SELECT snapshot FROM indicator_report WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    try {
      return json.readValue(text, FrozenReport.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable snapshot of report " + id, e);
    }
  }

  /** The warnings of a frozen version (for the review task). */
  @Transactional(readOnly = true)
  public List<String> warnings(long id) {
    return snapshot(id).warnings();
  }

  private Optional<AnnualReport> byOperation(String operationId) {
    return jdbc.sql(select() + " WHERE operation_id = :op")
        .param("op", operationId)
        .query(this::map)
        .optional();
  }

  private AnnualReport require(long id) {
    return find(id)
        .orElseThrow(() -> new IllegalArgumentException("Aucun rapport d'indicateurs n° " + id));
  }

  private static String select() {
    return "SELECT id, report_year, version, status, snapshot_sha256, computed_at, computed_by,"
        + " review_comment, pdf_document_id, csv_document_ids, published_at FROM indicator_report";
  }

  private AnnualReport map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    String csv = rs.getString("csv_document_ids");
    java.sql.Timestamp published = rs.getTimestamp("published_at");
    return new AnnualReport(
        rs.getLong("id"),
        rs.getInt("report_year"),
        rs.getInt("version"),
        rs.getString("status"),
        rs.getString("snapshot_sha256"),
        rs.getTimestamp("computed_at").toInstant(),
        rs.getString("computed_by"),
        rs.getString("review_comment"),
        rs.getString("pdf_document_id"),
        csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(",")),
        published == null ? null : published.toInstant());
  }

  private String write(FrozenReport snapshot) {
    try {
      return json.writeValueAsString(snapshot);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write the report snapshot", e);
    }
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
