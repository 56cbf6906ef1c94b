package fr.secondevie.indicators;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import fr.secondevie.common.JobOperations;
import fr.secondevie.processes.IndicatorsAnnualReportProcess.JobTypes;
import fr.secondevie.processes.IndicatorsAnnualReportProcess.Variables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Job workers of P7 {@code indicators-annual-report} (docs/processes.md). */
@Component
public class AnnualReportWorkers {

  private final AnnualReportService reports;
  private final IndicatorsProperties properties;
  private final JdbcClient jdbc;
  private final Clock clock;

  AnnualReportWorkers(
      AnnualReportService reports, IndicatorsProperties properties, JdbcClient jdbc, Clock clock) {
    this.reports = reports;
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Input(Integer reportYear, Long reportId, Review review) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  record Review(String decision, String comment) {}

  /**
   * Due when today (Europe/Paris) is on or after the configured day, no version of the report of
   * year N−1 exists yet, and this process instance holds the year's claim: the first instance to
   * ask writes the claim row (unique year), so that the instances the daily timer starts together
   * (the engine's time moved several days ahead) compute one report, not one each. The same job
   * delivered again finds its own claim and answers due again.
   */
  @JobWorker(type = JobTypes.CHECK_ANNUAL_DUE)
  public Map<String, Object> checkDue(ActivatedJob job) {
    LocalDate today = LocalDate.now(clock.withZone(ReuseRateCalculator.PARIS));
    int year = today.getYear() - 1;
    boolean afterDay = !today.isBefore(properties.annualReportDay().atYear(today.getYear()));
    return Map.of(Variables.REPORT_DUE, afterDay && claim(year, job), Variables.REPORT_YEAR, year);
  }

  private boolean claim(int year, ActivatedJob job) {
    String claimant = "process-instance:" + job.getProcessInstanceKey();
    Optional<String> holder = claimant(year);
    if (holder.isEmpty()) {
      int existing =
          jdbc.sql("SELECT COUNT(*) FROM indicator_report WHERE report_year = :y")
              .param("y", year)
              .query(Integer.class)
              .single();
      if (existing > 0) {
        return false;
      }
      jdbc.sql(
              "INSERT IGNORE INTO indicator_report_claim (report_year, claimed_by, claimed_at)"
                  + " VALUES (:y, :by, :at)")
          .param("y", year)
          .param("by", claimant)
          .param("at", clock.instant().truncatedTo(ChronoUnit.MICROS))
          .update();
      holder = claimant(year);
    }
    return holder.filter(claimant::equals).isPresent();
  }

  private Optional<String> claimant(int year) {
    return jdbc.sql("SELECT claimed_by FROM indicator_report_claim WHERE report_year = :y")
        .param("y", year)
        .query(String.class)
        .optional();
  }

  @JobWorker(type = JobTypes.COMPUTE_ANNUAL)
  public Map<String, Object> compute(ActivatedJob job, @VariablesAsType Input input) {
    if (input.reportYear() == null) {
      throw new IllegalArgumentException("Expected variable reportYear but it is missing");
    }
    AnnualReport report =
        reports.computeAndFreeze(
            input.reportYear(),
            JobOperations.operationId(job),
            "worker:" + JobTypes.COMPUTE_ANNUAL);
    FrozenReport snapshot = reports.snapshot(report.id());
    Map<String, Object> out = new HashMap<>();
    out.put(Variables.REPORT_ID, report.id());
    out.put(Variables.REPORT_VERSION, report.version());
    out.put(
        Variables.REPORT_WARNINGS,
        snapshot.warnings().isEmpty() ? "aucun" : String.join(" ; ", snapshot.warnings()));
    out.put(
        Variables.REPORT_SUMMARY,
        String.join(
            " ; ",
            snapshot.headline().entrySet().stream()
                .map(e -> e.getKey() + " : " + e.getValue())
                .toList()));
    return out;
  }

  @JobWorker(type = JobTypes.REQUEST_CORRECTIONS)
  public void requestCorrections(@VariablesAsType Input input) {
    reports.requestCorrections(
        requireReport(input), input.review() == null ? null : input.review().comment());
  }

  @JobWorker(type = JobTypes.PUBLISH_ANNUAL)
  public Map<String, Object> publish(@VariablesAsType Input input) {
    AnnualReport published =
        reports.publish(requireReport(input), "worker:" + JobTypes.PUBLISH_ANNUAL);
    return Map.of(Variables.REPORT_PDF_DOCUMENT_ID, published.pdfDocumentId());
  }

  private static long requireReport(Input input) {
    if (input.reportId() == null) {
      throw new IllegalArgumentException("Expected variable reportId but it is missing");
    }
    return input.reportId();
  }
}
