package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.SupplierFixtures.candidate;
import static fr.secondevie.suppliers.SupplierFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.SupplierMaturityDecision;
import fr.secondevie.processes.SupplierReferencingProcess;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * P4 on the embedded engine through the Camunda client (gRPC) with the real job workers: the model
 * runs, a candidate becomes an application with a link, and the supplier's submission reaches the
 * pre-score. Not a CPT test: the engine's REST API (user tasks, searches, clock) has not landed
 * yet, so the paths past the user tasks and the timers are left to the CPT suite.
 */
@SpringBootTest
class SupplierReferencingEngineTests {

  private static final Pattern LINK = Pattern.compile("/portal/([A-Za-z0-9_-]{43})");

  @Autowired CamundaClient camunda;
  @Autowired ApplicationRepository applications;
  @Autowired NotificationService notifications;
  @Autowired SupplierPortal portal;
  @Autowired SupplierProcesses processes;

  /**
   * Deploys P4 again (an identical model keeps its version): the startup deployment may have been
   * purged by another test of the JVM sharing the engine (Camunda Process Test purges it).
   */
  @BeforeEach
  void deploy() throws IOException {
    Path bpmn = Path.of("..", "bpmn");
    Path forms = Path.of("..", "forms");
    camunda
        .newDeployResourceCommand()
        .addResourceBytes(
            Files.readAllBytes(bpmn.resolve(SupplierReferencingProcess.RESOURCE)),
            SupplierReferencingProcess.RESOURCE)
        .addResourceBytes(
            Files.readAllBytes(bpmn.resolve(SupplierMaturityDecision.RESOURCE)),
            SupplierMaturityDecision.RESOURCE)
        .addResourceBytes(
            Files.readAllBytes(forms.resolve("evaluate-evidence.form")), "evaluate-evidence.form")
        .addResourceBytes(
            Files.readAllBytes(forms.resolve("decide-referencing.form")), "decide-referencing.form")
        .send()
        .join();
  }

  private Application awaitApplication(long processInstanceKey) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> applications.findByProcessInstanceKey(processInstanceKey), Optional::isPresent)
        .orElseThrow();
  }

  @Test
  void shouldRunFromTheCandidateToThePreScoreOnTheEngine() throws Exception {
    // given
    Candidate candidate = candidate("Moteur Reconditionné");

    // when: the buyer's page starts the process
    long instance = processes.startReferencing(candidate);

    // then: register-candidate and send-questionnaire ran, the link opens the application
    Application application = awaitApplication(instance);
    String body =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    notifications.latest(10_000).stream()
                        .filter(
                            n ->
                                n.operationId()
                                    .startsWith(
                                        "supplier-application:" + application.getId() + ":"))
                        .map(n -> n.body())
                        .findFirst(),
                Optional::isPresent)
            .orElseThrow();
    Matcher matcher = LINK.matcher(body);
    assertThat(matcher.find()).isTrue();
    String token = matcher.group(1);

    // when: the supplier answers and submits (QuestionnaireSubmitted through the client)
    Map<String, String> answers = new HashMap<>();
    for (Criterion c : portal.open(token).questionnaire().criteria()) {
      answers.put(
          c.code(),
          switch (c.answerType()) {
            case YES_NO -> Criterion.YES;
            case CHOICE -> c.options().get(c.options().size() - 1).value();
            case NUMBER -> c.thresholds().get(0).min().toPlainString();
          });
    }
    portal.save(
        token, answers, Map.of(), List.of(new SupplierPortal.Upload("ENV-01", "c.pdf", pdf())));
    portal.submit(token);

    // then: the message was correlated and supplier.pre-score stored the declarative score
    Application scored =
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> applications.findById(application.getId()).orElseThrow(),
                a -> a.getDeclarativeScore() != null);
    assertThat(scored.getDeclarativeScore()).isEqualByComparingTo("100.0");
    assertThat(scored.getStatus()).isEqualTo(ApplicationStatus.SUBMITTED);
  }

  @Test
  void shouldEndADuplicateCandidatureWithoutASecondApplication() throws Exception {
    // given
    Candidate candidate = candidate("Doublon Moteur");
    long first = processes.startReferencing(candidate);
    Application application = awaitApplication(first);

    // when
    long second = processes.startReferencing(candidate);

    // then: the error boundary ended the second instance; the supplier keeps one application
    Awaitility.await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> applications.findByProcessInstanceKey(second).isEmpty());
    assertThat(applications.findBySupplier(application.getSupplierId())).hasSize(1);
  }
}
