package fr.secondevie.indicators;

import static fr.secondevie.inventory.AssetCategory.LAPTOP;
import static fr.secondevie.inventory.AssetStatus.IN_STOCK;
import static fr.secondevie.inventory.AssetStatus.RECONDITIONING;
import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.processes.IndicatorsAnnualReportProcess;
import fr.secondevie.processes.IndicatorsAnnualReportProcess.Elements;
import fr.secondevie.processes.IndicatorsAnnualReportProcess.Variables;
import fr.secondevie.support.EngineModels;
import fr.secondevie.support.TestClock;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda Process Test (REMOTE mode) of P7 {@code indicators-annual-report}: daily timer start,
 * manual start, correction loop, publication of the PDF and CSV files, a second publication of the
 * same year as a new version.
 */
@SpringBootTest
@CamundaSpringProcessTest
class IndicatorsAnnualReportProcessTests {

  @Autowired CamundaProcessTestContext context;
  @Autowired CamundaClient client;
  @Autowired JdbcTemplate jdbc;
  @Autowired AnnualReportService reports;
  @Autowired DocumentService documents;
  @Autowired TestClock clock;

  SeededAssets seeded;

  /** Leaves the shared engine with the application's models, as its startup deployed them. */
  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @AfterAll
  static void restore(@Autowired Environment environment) {
    EngineModels.redeploy(environment);
  }

  @BeforeEach
  void year2025() {
    jdbc.update("DELETE FROM indicator_report");
    jdbc.update("DELETE FROM indicator_report_claim");
    SeededAssets.clean(jdbc);
    seeded = new SeededAssets(jdbc);
    AnnualReportFixtures.year2025(seeded);
  }

  long start(int year) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(IndicatorsAnnualReportProcess.PROCESS_ID)
        .latestVersion()
        .variables(Map.of(Variables.REPORT_YEAR, year))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  void review(long instance, String decision, String comment) {
    context.completeUserTask(
        UserTaskSelectors.byElementId(Elements.VERIFY_INDICATORS, instance),
        comment == null
            ? Map.of("reviewDecision", decision)
            : Map.of("reviewDecision", decision, "reviewComment", comment));
  }

  /** Moves the application's clock to the next 20 January (after the default due day). */
  LocalDate moveToNext20January() {
    LocalDate today = clock.today();
    LocalDate target = LocalDate.of(today.getYear() + 1, 1, 20);
    clock.advance(Duration.between(clock.instant(), target.atTime(12, 0).atZone(TestClock.PARIS)));
    return clock.today();
  }

  /** The instances of P7 that went through the given element, in any state. */
  long passedThrough(String elementId) {
    return client
        .newElementInstanceSearchRequest()
        .filter(
            f ->
                f.processDefinitionId(IndicatorsAnnualReportProcess.PROCESS_ID)
                    .elementId(elementId)
                    .state(ElementInstanceState.COMPLETED))
        .page(p -> p.limit(1))
        .send()
        .join()
        .page()
        .totalItems();
  }

  @Test
  void shouldStartFromTheDailyTimerWhenLastYearsReportIsDue() {
    // given: the application's today is after the default due day (15 January)
    LocalDate today = moveToNext20January();

    // when
    context.increaseTime(Duration.ofDays(1).plusMinutes(1));

    // then: the report of last year is computed and waits for the auditor
    assertThatProcessInstance(
            ProcessInstanceSelectors.byProcessId(IndicatorsAnnualReportProcess.PROCESS_ID))
        .hasCompletedElements(
            Elements.ANNUAL_REPORT_DUE,
            Elements.CHECK_ANNUAL_REPORT_DUE,
            Elements.COMPUTE_ANNUAL_FIGURES)
        .hasActiveElements(Elements.VERIFY_INDICATORS)
        .hasVariable(Variables.REPORT_YEAR, today.getYear() - 1)
        .hasVariable(Variables.REPORT_VERSION, 1);
    assertThat(reports.versions(today.getYear() - 1)).hasSize(1);
  }

  @Test
  void shouldComputeOneReportPerYearWhenTheEnginesTimeJumpsSeveralDays() {
    // given: the application's today after the due day; the daily timer is armed
    LocalDate first = moveToNext20January();
    long checksBefore = passedThrough(Elements.CHECK_ANNUAL_REPORT_DUE);

    // when: the engine's time jumps five days (five daily instances at once)
    context.increaseTime(Duration.ofDays(5).plusMinutes(1));
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> passedThrough(Elements.CHECK_ANNUAL_REPORT_DUE) >= checksBefore + 5);

    // and: a year later, the engine's time jumps three days again
    LocalDate second = moveToNext20January();
    long checksBetween = passedThrough(Elements.CHECK_ANNUAL_REPORT_DUE);
    context.increaseTime(Duration.ofDays(3).plusMinutes(1));
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> passedThrough(Elements.CHECK_ANNUAL_REPORT_DUE) >= checksBetween + 3);

    // then: exactly one version of each year, computed by the instance holding the year's claim
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              assertThat(reports.versions(first.getYear() - 1)).hasSize(1);
              assertThat(reports.versions(second.getYear() - 1)).hasSize(1);
            });
    assertThat(
            jdbc.queryForList(
                "SELECT report_year FROM indicator_report ORDER BY report_year", Integer.class))
        .containsExactly(first.getYear() - 1, second.getYear() - 1);
    assertThat(
            jdbc.queryForList(
                "SELECT report_year FROM indicator_report_claim ORDER BY report_year",
                Integer.class))
        .containsExactly(first.getYear() - 1, second.getYear() - 1);
  }

  @Test
  void shouldPublishTheVerifiedReportOfAYearStartedByHand() throws Exception {
    // given
    long instance = start(2025);
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasActiveElements(Elements.VERIFY_INDICATORS)
        .hasVariableSatisfies(
            Variables.REPORT_SUMMARY,
            String.class,
            s -> assertThat(s).contains("Taux de réemploi (décret 2023-266) : 33,3 %"))
        .hasVariableSatisfies(
            Variables.REPORT_WARNINGS, String.class, w -> assertThat(w).contains("IND-C"));

    // when
    review(instance, "PUBLISH", null);

    // then
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .isCompleted()
        .hasCompletedElements(Elements.PUBLISH_ANNUAL_REPORT, Elements.ANNUAL_REPORT_PUBLISHED)
        .hasNotActivatedElements(Elements.CHECK_ANNUAL_REPORT_DUE, Elements.REQUEST_CORRECTIONS);
    AnnualReport report = reports.versions(2025).get(0);
    assertThat(report.status()).isEqualTo("PUBLISHED");
    assertThat(pdfText(report)).contains("Rapport annuel des indicateurs 2025", "33,3 %", "IND-A");
    assertThat(csv(report, "reemploi-a"))
        .contains("IND-A,Poste fixe,Reconditionnement le 03/03/2025");
    assertThat(csv(report, "taux-reemploi")).contains("2025,1,3,33.3,50,oui\r\n");
  }

  @Test
  void shouldComputeANewVersionAfterTheAssetManagersCorrections() {
    // given
    long instance = start(2025);

    // when: the auditor asks for a correction
    review(instance, "CORRECT", "Le reconditionnement de IND-D manque.");

    // then
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasCompletedElements(Elements.REQUEST_CORRECTIONS)
        .hasActiveElements(Elements.CORRECT_INDICATORS_DATA);
    assertThat(reports.versions(2025).get(0).reviewComment())
        .isEqualTo("Le reconditionnement de IND-D manque.");

    // when: the data is corrected at the source and the task completed
    long late =
        seeded
            .asset("IND-D", LAPTOP)
            .retiredOn("2024-09-02")
            .then("2025-05-05T09:00:00Z", RECONDITIONING)
            .then("2025-06-02T09:00:00Z", IN_STOCK)
            .save();
    seeded.fact(late, "RECONDITION", "2025-06-02", null);
    context.completeUserTask(
        UserTaskSelectors.byElementId(Elements.CORRECT_INDICATORS_DATA, instance),
        Map.of("correctionNote", "Fait de IND-D enregistré."));

    // then: a second version, 2 / 4, back to the auditor; the first is kept as it was
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(instance))
        .hasCompletedElement(Elements.COMPUTE_ANNUAL_FIGURES, 2)
        .hasActiveElements(Elements.VERIFY_INDICATORS)
        .hasVariable(Variables.REPORT_VERSION, 2)
        .hasVariableSatisfies(
            Variables.REPORT_SUMMARY, String.class, s -> assertThat(s).contains("50,0 %"));
    List<AnnualReport> versions = reports.versions(2025);
    assertThat(versions).extracting(AnnualReport::version).containsExactly(2, 1);
    assertThat(reports.snapshot(versions.get(1).id()).headline().values())
        .anyMatch(v -> v.startsWith("33,3 %"));
  }

  @Test
  void shouldIssueANewVersionWhenAYearIsPublishedAgainAndKeepTheFirst() throws Exception {
    // given: 2025 published once
    long first = start(2025);
    review(first, "PUBLISH", null);
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(first)).isCompleted();
    AnnualReport v1 = reports.versions(2025).get(0);

    // when: a late fact, then 2025 published again
    long late =
        seeded
            .asset("IND-D", LAPTOP)
            .retiredOn("2024-09-02")
            .then("2025-05-05T09:00:00Z", RECONDITIONING)
            .then("2025-06-02T09:00:00Z", IN_STOCK)
            .save();
    seeded.fact(late, "RECONDITION", "2025-06-02", null);
    long second = start(2025);
    review(second, "PUBLISH", "Version corrigée après un fait tardif.");
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(second)).isCompleted();

    // then
    List<AnnualReport> versions = reports.versions(2025);
    assertThat(versions).extracting(AnnualReport::version).containsExactly(2, 1);
    assertThat(versions).allMatch(r -> r.status().equals("PUBLISHED"));
    AnnualReport kept = versions.get(1);
    assertThat(kept.pdfDocumentId()).isEqualTo(v1.pdfDocumentId());
    assertThat(kept.snapshotSha256()).isEqualTo(v1.snapshotSha256());
    assertThat(pdfText(kept)).contains("33,3 %");
    assertThat(pdfText(versions.get(0))).contains("50,0 % (A = 2, B = 4, cible 50 %)");
    assertThat(csv(versions.get(0), "taux-reemploi")).contains("2025,2,4,50.0,50,oui\r\n");
  }

  private String pdfText(AnnualReport report) throws Exception {
    StoredDocument pdf = documents.find(report.pdfDocumentId()).orElseThrow();
    try (PDDocument document = Loader.loadPDF(documents.content(pdf))) {
      return new PDFTextStripper().getText(document);
    }
  }

  private String csv(AnnualReport report, String table) {
    String name = "indicateurs-" + report.year() + "-v" + report.version() + "-" + table + ".csv";
    return report.csvDocumentIds().stream()
        .map(id -> documents.find(id).orElseThrow())
        .filter(d -> d.filename().equals(name))
        .map(d -> new String(documents.content(d), StandardCharsets.UTF_8))
        .findFirst()
        .orElseThrow();
  }
}
