package fr.secondevie.engine.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTest;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * CPT writes its coverage report ({@code target/coverage-report}: {@code report.json}, {@code
 * report.html} and one {@code report.json} per suite) from the engine's searches, sequence flows
 * and XML. The test runs its own small CPT suite ({@link CoveredSuite}) through the JUnit launcher,
 * so it depends on no other class having run before it, nor on their files.
 */
class CptCoverageReportTest {

  private static final Path REPORTS = Path.of("target", "coverage-report");

  @Test
  void shouldWriteTheCoverageReportOfASuite() throws IOException {
    // given: no report left by an earlier run of the suite
    Path suiteDirectory = REPORTS.resolve(CoveredSuite.class.getName());
    deleteRecursively(suiteDirectory);

    // when: the suite runs (in this JVM, on the engine the CPT session started)
    TestExecutionSummary summary = run(CoveredSuite.class);

    // then
    assertThat(summary.getTotalFailureCount()).as("failures of the suite").isZero();
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    JsonNode report = new ObjectMapper().readTree(suiteDirectory.resolve("report.json").toFile());
    List<String> covered = new ArrayList<>();
    report.get("coverages").forEach(c -> covered.add(c.get("processDefinitionId").asText()));
    assertThat(covered).containsExactly(CoveredSuite.PROCESS_ID);
    assertThat(report.at("/coverages/0/coverage").asDouble()).isEqualTo(1.0);
    assertThat(REPORTS.resolve("report.json")).exists();
    assertThat(REPORTS.resolve("report.html")).exists();
  }

  /** Runs a test class with the JUnit launcher, without the launcher session listeners. */
  private static TestExecutionSummary run(Class<?> testClass) {
    Launcher launcher =
        LauncherFactory.create(
            LauncherConfig.builder()
                // the surrounding session already started the engine; a nested session must not
                // stop it when it closes
                .enableLauncherSessionListenerAutoRegistration(false)
                .build());
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(
        LauncherDiscoveryRequestBuilder.request().selectors(selectClass(testClass)).build(),
        listener);
    return listener.getSummary();
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** One CPT suite that covers every element of its process (run by the test above only). */
  @CamundaProcessTest
  static class CoveredSuite {

    static final String PROCESS_ID = "coverage-report-check";

    CamundaClient client;
    CamundaProcessTestContext processTestContext;

    @Test
    void shouldCompleteTheProcess() {
      // given
      client
          .newDeployResourceCommand()
          .addProcessModel(
              Bpmn.createExecutableProcess(PROCESS_ID)
                  .startEvent("start")
                  .serviceTask("work", t -> t.zeebeJobType("coverage-work"))
                  .endEvent("end")
                  .done(),
              PROCESS_ID + ".bpmn")
          .send()
          .join();
      ProcessInstanceEvent instance =
          client.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion().send().join();

      // when
      processTestContext.completeJob("coverage-work");

      // then
      assertThat(instance).isCompleted().hasCompletedElements("start", "work", "end");
    }
  }
}
