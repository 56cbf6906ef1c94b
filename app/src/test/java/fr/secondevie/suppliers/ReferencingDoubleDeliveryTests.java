package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.SupplierFixtures.candidate;
import static fr.secondevie.suppliers.SupplierFixtures.newProcessKey;
import static fr.secondevie.suppliers.SupplierFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.notification.Notification;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.SupplierReferencingProcess.Closures;
import fr.secondevie.processes.SupplierReferencingProcess.Headers;
import fr.secondevie.processes.SupplierReferencingProcess.Outcomes;
import fr.secondevie.processes.SupplierReferencingProcess.Variables;
import fr.secondevie.support.DoubleDelivery;
import fr.secondevie.support.Mailbox;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The job workers of P4 that write, each given the same job twice at the same instant (two threads
 * released together): one supplier and one application, one questionnaire e-mail. Same context as
 * {@link ReferencingWorkersTests}.
 */
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc
class ReferencingDoubleDeliveryTests {

  @Autowired ReferencingWorkers workers;
  @Autowired NotificationService notifications;
  @Autowired SupplierApplicationRepository applications;
  @Autowired SupplierRepository suppliers;
  @Autowired SupplierPortal portal;
  @Autowired SupplierEvaluation evaluations;
  @Autowired Mailbox.Server mailbox;
  @MockitoBean SupplierProcesses processes;

  private long register(String name) {
    return (Long)
        workers.registerCandidate(candidate(name), newProcessKey()).get(Variables.APPLICATION_ID);
  }

  private List<Notification> mailsOf(long applicationId) {
    return notifications.latest(10_000).stream()
        .filter(n -> n.operationId().startsWith("supplier-application:" + applicationId + ":"))
        .toList();
  }

  /** Registered, invited, answered (ENV-01 and VAL-01 with evidence) and submitted. */
  private long submittedApplication(String name) {
    long applicationId = register(name);
    workers.sendQuestionnaire(applicationId, null, newProcessKey());
    Notification invitation = mailsOf(applicationId).get(0);
    String token =
        mailbox
            .sentFor(invitation.recipient(), invitation.subject(), invitation.body())
            .map(Mailbox.Sent::portalToken)
            .orElseThrow();
    Map<String, String> answers = new HashMap<>();
    for (Criterion criterion : portal.open(token).questionnaire().criteria()) {
      answers.put(
          criterion.code(),
          switch (criterion.answerType()) {
            case YES_NO -> Criterion.NO;
            case CHOICE -> criterion.options().get(0).value();
            case NUMBER -> "0";
          });
    }
    answers.put("ENV-01", "ALL");
    answers.put("VAL-01", "CONTRACT");
    portal.save(
        token,
        answers,
        Map.of(),
        List.of(
            new SupplierPortal.Upload("ENV-01", "catalogue.pdf", pdf()),
            new SupplierPortal.Upload("VAL-01", "attestation-ea.pdf", pdf())));
    portal.submit(token);
    return applicationId;
  }

  private long evaluatedApplication(String name) {
    long applicationId = submittedApplication(name);
    workers.recordEvaluation(
        applicationId,
        new ReferencingWorkers.EvidenceEvaluationInput(
            evaluations.review(applicationId).stream()
                .map(r -> r.withDecision("ACCEPTED", null, null))
                .toList(),
            null));
    return applicationId;
  }

  /** The answers of the deliveries (a refused one is checked to be refused by the database). */
  static <T> List<T> twiceAtOnce(Callable<T> call) throws Exception {
    return DoubleDelivery.answers(DoubleDelivery.twiceAtOnce(call));
  }

  @Test
  void shouldRegisterTheCandidateOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    Candidate candidate = candidate("Atelier Double Envoi");
    long key = newProcessKey();

    // when
    List<Map<String, Object>> outputs =
        twiceAtOnce(() -> workers.registerCandidate(candidate, key));

    // then: the same application to both deliveries, one supplier, one application
    assertThat(outputs).containsOnly(outputs.get(0));
    Supplier supplier = suppliers.findBySiret(candidate.siret()).orElseThrow();
    assertThat(applications.findBySupplier(supplier.getId())).hasSize(1);
  }

  @Test
  void shouldSendOneQuestionnaireWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    long applicationId =
        (Long)
            workers
                .registerCandidate(candidate("Questionnaire Double Envoi"), newProcessKey())
                .get(Variables.APPLICATION_ID);
    long job = newProcessKey();

    // when
    List<Map<String, Object>> outputs =
        twiceAtOnce(() -> workers.sendQuestionnaire(applicationId, null, job));

    // then: the same answer to both deliveries, one e-mail with one link
    assertThat(outputs).containsOnly(outputs.get(0));
    assertThat(notifications.latest(10_000))
        .filteredOn(n -> n.operationId().startsWith("supplier-application:" + applicationId + ":"))
        .hasSize(1);
  }

  @Test
  void shouldSendOneReminderWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    long applicationId = register("Rappel Double Envoi");
    workers.sendQuestionnaire(applicationId, null, newProcessKey());
    long firing = newProcessKey();

    // when
    twiceAtOnce(
        () -> {
          workers.sendReminder(applicationId, firing);
          return null;
        });

    // then: the invitation and one reminder
    assertThat(mailsOf(applicationId)).filteredOn(m -> m.subject().startsWith("Rappel")).hasSize(1);
  }

  @Test
  void shouldCloseOnceAndNotifyOnceWhenTheJobsAreDeliveredTwiceAtOnce() throws Exception {
    // given
    long applicationId = register("Clôture Double Envoi");
    workers.sendQuestionnaire(applicationId, null, newProcessKey());
    long notifyJob = newProcessKey();

    // when
    twiceAtOnce(
        () -> {
          workers.closeApplication(
              applicationId, null, Map.of(Headers.CLOSURE, Closures.NO_ANSWER));
          return null;
        });
    twiceAtOnce(
        () -> {
          workers.notifyOutcome(applicationId, Outcomes.NO_ANSWER, notifyJob);
          return null;
        });

    // then
    SupplierApplication application = applications.findById(applicationId).orElseThrow();
    assertThat(application.getStatus()).isEqualTo(SupplierApplicationStatus.CLOSED_NO_ANSWER);
    assertThat(mailsOf(applicationId))
        .filteredOn(m -> m.subject().startsWith("Questionnaire clos"))
        .hasSize(1);
  }

  @Test
  void shouldPreScoreOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    long applicationId = submittedApplication("Pré-score Double Envoi");

    // when
    List<Map<String, Object>> outputs = twiceAtOnce(() -> workers.preScore(applicationId));

    // then: the same score to both deliveries, the one stored
    assertThat(outputs).containsOnly(outputs.get(0));
    assertThat(applications.findById(applicationId).orElseThrow().getDeclarativeScore())
        .isEqualByComparingTo((BigDecimal) outputs.get(0).get(Variables.DECLARATIVE_SCORE));
  }

  @Test
  void shouldRecordTheEvaluationOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    long applicationId = submittedApplication("Évaluation Double Envoi");
    ReferencingWorkers.EvidenceEvaluationInput evaluation =
        new ReferencingWorkers.EvidenceEvaluationInput(
            evaluations.review(applicationId).stream()
                .map(r -> r.withDecision("ACCEPTED", null, null))
                .toList(),
            "Dossier complet");

    // when
    List<Map<String, Object>> outputs =
        twiceAtOnce(() -> workers.recordEvaluation(applicationId, evaluation));

    // then
    assertThat(outputs).containsOnly(outputs.get(0));
    assertThat(applications.findById(applicationId).orElseThrow().getStatus())
        .isEqualTo(SupplierApplicationStatus.EVALUATED);
  }

  @Test
  void shouldReferenceOnceWhenTheJobIsDeliveredTwiceAtOnce() throws Exception {
    // given
    long applicationId = evaluatedApplication("Référencement Double Envoi");
    var decision = new ReferencingWorkers.ReferencingDecision("REFERENCE", "Bon dossier");

    // when
    List<Map<String, Object>> outputs =
        twiceAtOnce(() -> workers.reference(applicationId, 2, 3, decision));

    // then: the same end date to both deliveries, the supplier referenced
    assertThat(outputs).containsOnly(outputs.get(0));
    SupplierApplication application = applications.findById(applicationId).orElseThrow();
    Supplier supplier = suppliers.findById(application.getSupplierId()).orElseThrow();
    assertThat(supplier.getStatus()).isEqualTo(SupplierStatus.REFERENCED);
    assertThat(supplier.getReferencedUntil())
        .isEqualTo(LocalDate.parse((String) outputs.get(0).get(Variables.REFERENCED_UNTIL)));
  }
}
