package fr.secondevie.engine.cpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * CPT writes its coverage report ({@code target/coverage-report}: {@code report.json}, {@code
 * report.html} and one {@code report.json} per suite) from the engine's searches, sequence flows
 * and XML. Runs after the CPT suites of the same test run (class order), and is skipped when none
 * ran in this JVM.
 */
@Order(Integer.MAX_VALUE)
class CptCoverageReportTest {

  private static final Path REPORTS = Path.of("target", "coverage-report");

  @Test
  void shouldWriteTheCoverageReportOfTheSuites() throws IOException {
    Path suite = REPORTS.resolve(CptGrpcTest.class.getName()).resolve("report.json");
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    assumeTrue(
        Files.exists(suite) && Files.getLastModifiedTime(suite).toMillis() >= jvmStart,
        "the CPT suites did not run in this test JVM");

    JsonNode report = new ObjectMapper().readTree(suite.toFile());
    List<String> covered = new ArrayList<>();
    report.get("coverages").forEach(c -> covered.add(c.get("processDefinitionId").asText()));
    assertThat(covered).contains("order", "review-order", "checkout", "reminder");
    assertThat(report.at("/coverages/0/coverage").asDouble()).isPositive();
    assertThat(REPORTS.resolve("report.json")).exists();
    assertThat(REPORTS.resolve("report.html")).exists();
  }
}
