package fr.secondevie.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.processes.IndicatorsAnnualReportProcess.JobTypes;
import fr.secondevie.processes.IndicatorsAnnualReportProcess.Variables;
import fr.secondevie.support.Concurrently;
import fr.secondevie.support.DoubleDelivery;
import fr.secondevie.support.Jobs;
import fr.secondevie.support.TestClock;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The daily check of P7 run by several process instances at the same instant (the engine's time
 * moved days ahead fires the daily timer several times at once), and the same check job delivered
 * to two workers at once: one instance only goes on to compute the year.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
class AnnualReportDoubleDeliveryTests {

  @Autowired AnnualReportWorkers workers;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;

  int lastYear;

  @BeforeEach
  void afterTheDueDay() {
    jdbc.update("DELETE FROM indicator_report");
    jdbc.update("DELETE FROM indicator_report_claim");
    LocalDate target = LocalDate.of(clock.today().getYear() + 1, 1, 20);
    clock.advance(Duration.between(clock.instant(), target.atTime(12, 0).atZone(TestClock.PARIS)));
    lastYear = target.getYear() - 1;
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  @Test
  void shouldLetOneOfTheDailyInstancesStartedTogetherComputeTheYear() throws Exception {
    // given: five daily instances, each with its own check job
    List<Callable<Map<String, Object>>> checks = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ActivatedJob job = Jobs.job(JobTypes.CHECK_ANNUAL_DUE, "check-annual-report-due");
      checks.add(() -> workers.checkDue(job));
    }

    // when
    List<Map<String, Object>> answers = Concurrently.run(5, checks);

    // then: exactly one is due, all for last year, and the year is claimed once
    assertThat(answers).extracting(a -> a.get(Variables.REPORT_YEAR)).containsOnly(lastYear);
    assertThat(answers)
        .filteredOn(a -> Boolean.TRUE.equals(a.get(Variables.REPORT_DUE)))
        .hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM indicator_report_claim WHERE report_year = ?",
                Integer.class,
                lastYear))
        .isEqualTo(1);
  }

  @Test
  void shouldAnswerDueToBothDeliveriesOfTheClaimingCheck() throws Exception {
    // given
    ActivatedJob job = Jobs.job(JobTypes.CHECK_ANNUAL_DUE, "check-annual-report-due");

    // when
    List<DoubleDelivery.Outcome<Map<String, Object>>> outcomes =
        DoubleDelivery.twiceAtOnce(() -> workers.checkDue(job));

    // then: both deliveries answer (no refusal) and both say due, whichever completes the job
    DoubleDelivery.allAnswered(outcomes);
    assertThat(outcomes)
        .extracting(o -> o.answer().get(Variables.REPORT_DUE))
        .containsExactly(true, true);
  }

  @Test
  void shouldNotBeDueWhenAnotherInstanceClaimedTheYear() {
    // given: a first daily instance claimed last year
    workers.checkDue(Jobs.job(JobTypes.CHECK_ANNUAL_DUE, "check-annual-report-due"));

    // when: the next day's instance checks
    Map<String, Object> next =
        workers.checkDue(Jobs.job(JobTypes.CHECK_ANNUAL_DUE, "check-annual-report-due"));

    // then
    assertThat(next).containsEntry(Variables.REPORT_DUE, false);
  }

  @Test
  void shouldNeitherBeDueNorClaimTheYearBeforeTheDueDay() {
    // given: 10 January, before the default due day (15 January)
    clock.advance(Duration.ofDays(-10));

    // when
    Map<String, Object> check =
        workers.checkDue(Jobs.job(JobTypes.CHECK_ANNUAL_DUE, "check-annual-report-due"));

    // then
    assertThat(check).containsEntry(Variables.REPORT_DUE, false);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_report_claim", Integer.class))
        .isZero();
  }
}
