package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.SupplierFixtures.candidate;
import static fr.secondevie.suppliers.SupplierFixtures.newProcessKey;
import static fr.secondevie.suppliers.SupplierFixtures.pdf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import fr.secondevie.notification.Notification;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.SupplierReferencingProcess.Closures;
import fr.secondevie.processes.SupplierReferencingProcess.ErrorCodes;
import fr.secondevie.processes.SupplierReferencingProcess.Headers;
import fr.secondevie.processes.SupplierReferencingProcess.Outcomes;
import fr.secondevie.processes.SupplierReferencingProcess.Variables;
import fr.secondevie.support.Mailbox;
import fr.secondevie.support.TestClock;
import io.camunda.client.exception.BpmnError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The job workers of P4 called as the runtime calls them, on the real database: output variables,
 * data written, and a second delivery of the same job changes nothing.
 */
// Its mocked process starter must not leave the shared engine's jobs to a context without them.
@SpringBootTest(properties = "camunda.client.worker.defaults.enabled=false")
@AutoConfigureMockMvc // the same context as the web tests of this package
class ReferencingWorkersTests {

  @Autowired ReferencingWorkers workers;
  @Autowired SupplierPortal portal;
  @Autowired PortalTokens tokens;
  @Autowired NotificationService notifications;
  @Autowired Mailbox.Server mailbox;
  @Autowired SupplierApplicationRepository applications;
  @Autowired SupplierRepository suppliers;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestClock clock;
  @MockitoBean SupplierProcesses processes;

  private long register(Candidate candidate) {
    Map<String, Object> out = workers.registerCandidate(candidate, newProcessKey());
    return (Long) out.get(Variables.APPLICATION_ID);
  }

  private List<Notification> mailsOf(long applicationId) {
    return notifications.latest(10_000).stream()
        .filter(n -> n.operationId().startsWith("supplier-application:" + applicationId + ":"))
        .toList();
  }

  /** The portal token of the e-mail as sent (the outbox row keeps a placeholder). */
  private String token(Notification mail) {
    String token =
        mailbox
            .sentFor(mail.recipient(), mail.subject(), mail.body())
            .map(Mailbox.Sent::portalToken)
            .orElse(null);
    assertThat(token).as("link sent for %s", mail.subject()).isNotNull();
    return token;
  }

  /** Registered, invited, answered (ENV-01 and VAL-01 with evidence) and submitted. */
  private long submittedApplication() {
    long applicationId = register(candidate("Recyclerie Numérique"));
    workers.sendQuestionnaire(applicationId, null, newProcessKey());
    String token = token(mailsOf(applicationId).get(0));
    Map<String, String> answers = new java.util.HashMap<>();
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
    answers.put("ETH-01", Criterion.YES);
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

  @Test
  void shouldRegisterTheCandidateOnceAndEndASecondOpenCandidature() {
    // given
    Candidate candidate = candidate("Atelier Reconditionnement");
    long key = newProcessKey();

    // when
    Map<String, Object> first = workers.registerCandidate(candidate, key);
    Map<String, Object> again = workers.registerCandidate(candidate, key);

    // then
    assertThat(again).isEqualTo(first);
    assertThat(first)
        .containsEntry(Variables.SUPPLIER_NAME, "Atelier Reconditionnement")
        .containsEntry(Variables.QUESTIONNAIRE_VERSION, "2025.1");
    Supplier supplier = suppliers.findBySiret(candidate.siret()).orElseThrow();
    assertThat(supplier.getContacts())
        .extracting(SupplierContact::email)
        .containsExactly(candidate.contactEmail());
    assertThat(applications.findBySupplier(supplier.getId())).hasSize(1);
    assertThatThrownBy(() -> workers.registerCandidate(candidate, newProcessKey()))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.CANDIDATE_ALREADY_IN_PROGRESS));
    assertThat(applications.findBySupplier(supplier.getId())).hasSize(1);
  }

  @Test
  void shouldEmailOneLinkWhoseTokenIsStoredHashedAndOpensOnlyItsApplication() {
    // given
    long applicationId = register(candidate("Informatique Solidaire"));
    long job = newProcessKey();

    // when
    Map<String, Object> first = workers.sendQuestionnaire(applicationId, null, job);
    Map<String, Object> again = workers.sendQuestionnaire(applicationId, null, job);

    // then
    assertThat(first).containsEntry(Variables.QUESTIONNAIRE_ROUND, 1);
    assertThat(again).isEqualTo(first);
    assertThat(Instant.parse((String) first.get(Variables.ANSWER_DEADLINE)))
        .isAfter(clock.instant().plus(java.time.Duration.ofDays(29)));
    List<Notification> mails = mailsOf(applicationId);
    assertThat(mails).hasSize(1);
    String token = token(mails.get(0));
    assertThat(tokens.resolve(token)).isEqualTo(applicationId);
    List<String> stored =
        jdbc.queryForList(
            "SELECT token_hash FROM supplier_portal_token WHERE application_id = ?",
            String.class,
            applicationId);
    assertThat(stored).containsExactly(PortalTokens.hash(token)).doesNotContain(token);
    assertThat(applications.findById(applicationId).orElseThrow().getStatus())
        .isEqualTo(SupplierApplicationStatus.OPEN);
  }

  @Test
  void shouldRemindWithAFreshLinkToTheSameApplicationOncePerTimerFiring() {
    // given
    long applicationId = register(candidate("Parc Durable"));
    workers.sendQuestionnaire(applicationId, null, newProcessKey());
    long firing = newProcessKey();

    // when
    workers.sendReminder(applicationId, firing);
    workers.sendReminder(applicationId, firing);

    // then
    List<Notification> mails = mailsOf(applicationId);
    assertThat(mails).hasSize(2);
    Notification reminder =
        mails.stream().filter(m -> m.subject().startsWith("Rappel")).findFirst().orElseThrow();
    String fresh = token(reminder);
    assertThat(tokens.resolve(fresh)).isEqualTo(applicationId);
    String invitation = token(mails.stream().filter(m -> m != reminder).findFirst().orElseThrow());
    assertThat(fresh).isNotEqualTo(invitation);
    assertThat(tokens.resolve(invitation)).as("earlier link still works").isEqualTo(applicationId);
  }

  @Test
  void shouldPublishTheSubmissionAndPreScoreOnlyJustifiableAnswers() {
    // when
    long applicationId = submittedApplication();
    Map<String, Object> out = workers.preScore(applicationId);
    Map<String, Object> again = workers.preScore(applicationId);

    // then
    verify(processes).publishQuestionnaireSubmitted(eq(applicationId), eq(1), anyMap());
    // ENV-01 (3 × 1) + VAL-01 (3 × 1) + ETH-01 (3 × 1, no evidence) = 9 of 47
    assertThat((BigDecimal) out.get(Variables.DECLARATIVE_SCORE)).isEqualByComparingTo("19.1");
    @SuppressWarnings("unchecked")
    List<ReviewItem> review = (List<ReviewItem>) out.get(Variables.EVIDENCE_REVIEW);
    assertThat(review).extracting(ReviewItem::code).containsExactly("ENV-01", "VAL-01");
    assertThat(review.get(0).evidence()).contains("catalogue.pdf").contains("/documents/");
    assertThat(review.get(0).answer()).isEqualTo("Pour toutes les catégories de l'offre");
    assertThat(again).isEqualTo(out);
  }

  @Test
  void shouldRecordTheEvaluationOnceAndScoreOnlyAcceptedEvidence() {
    // given
    long applicationId = submittedApplication();
    List<ReviewItem> review = referencingReview(applicationId);
    List<ReviewItem> decided =
        List.of(
            review.get(0).withDecision("ACCEPTED", null, null),
            review.get(1).withDecision("REJECTED", "Attestation non datée", null));
    ReferencingWorkers.EvidenceEvaluationInput evaluation =
        new ReferencingWorkers.EvidenceEvaluationInput(decided, "Dossier sérieux");

    // when
    Map<String, Object> out = workers.recordEvaluation(applicationId, evaluation);
    Map<String, Object> again = workers.recordEvaluation(applicationId, evaluation);

    // then: ENV-01 only (3 of 47)
    assertThat((BigDecimal) out.get(Variables.JUSTIFIED_SCORE)).isEqualByComparingTo("6.4");
    assertThat(out).containsEntry(Variables.AXES_COVERED, 1);
    assertThat(out.get(Variables.EVALUATION_SUMMARY))
        .isEqualTo(Map.of("accepted", 1L, "rejected", 1L, "unjustified", 1L, "notScored", 24L));
    assertThat(again).isEqualTo(out);
    SupplierApplication application = applications.findById(applicationId).orElseThrow();
    assertThat(application.getStatus()).isEqualTo(SupplierApplicationStatus.EVALUATED);
    assertThat(application.answer("VAL-01").orElseThrow().evaluationReason())
        .isEqualTo("Attestation non datée");
  }

  @Test
  void shouldSendAnIncompleteEvaluationBackWithWhatIsMissingAndRecordNothing() {
    // given: VAL-01 undecided, ENV-01 refused without a reason
    long applicationId = submittedApplication();
    List<ReviewItem> review = referencingReview(applicationId);
    ReferencingWorkers.EvidenceEvaluationInput evaluation =
        new ReferencingWorkers.EvidenceEvaluationInput(
            List.of(review.get(0).withDecision("REJECTED", " ", null)), null);

    // when / then
    assertThatThrownBy(() -> workers.recordEvaluation(applicationId, evaluation))
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo(ErrorCodes.EVALUATION_INCOMPLETE);
              @SuppressWarnings("unchecked")
              List<ReviewItem> annotated =
                  (List<ReviewItem>)
                      ((Map<String, Object>) e.getVariables()).get(Variables.EVIDENCE_REVIEW);
              assertThat(annotated).extracting(ReviewItem::issue).allMatch(i -> i != null);
              assertThat(annotated.get(0).decision()).isEqualTo("REJECTED");
            });
    SupplierApplication application = applications.findById(applicationId).orElseThrow();
    assertThat(application.getStatus()).isEqualTo(SupplierApplicationStatus.SUBMITTED);
    assertThat(application.answer("ENV-01").orElseThrow().evaluation())
        .isEqualTo(EvidenceEvaluation.PENDING);
  }

  @Test
  void shouldReferenceForThreeYearsOnceAndCloseThePortal() {
    // given
    long applicationId = submittedApplication();
    String token = token(mailsOf(applicationId).get(0));
    List<ReviewItem> review = referencingReview(applicationId);
    workers.recordEvaluation(
        applicationId,
        new ReferencingWorkers.EvidenceEvaluationInput(
            review.stream().map(r -> r.withDecision("ACCEPTED", null, null)).toList(), null));
    var decision = new ReferencingWorkers.ReferencingDecision("REFERENCE", "Bon dossier");

    // when
    Map<String, Object> out = workers.reference(applicationId, 2, 3, decision);
    Map<String, Object> again = workers.reference(applicationId, 2, 3, decision);

    // then
    LocalDate until = LocalDate.parse((String) out.get(Variables.REFERENCED_UNTIL));
    LocalDate today = clock.today();
    assertThat(until).isEqualTo(today.plusYears(3).minusDays(1));
    assertThat(again).isEqualTo(out);
    SupplierApplication application = applications.findById(applicationId).orElseThrow();
    Supplier supplier = suppliers.findById(application.getSupplierId()).orElseThrow();
    assertThat(supplier.getStatus()).isEqualTo(SupplierStatus.REFERENCED);
    assertThat(supplier.getMaturityLevel()).isEqualTo(2);
    assertThat(supplier.getTenderBonus()).isEqualTo(3);
    assertThat(supplier.getReferencedUntil()).isEqualTo(until);
    assertThat(supplier.isReferencedOn(until)).isTrue();
    assertThat(supplier.isReferencedOn(until.plusDays(1))).isFalse();
    assertThatThrownBy(() -> tokens.resolve(token))
        .isInstanceOfSatisfying(
            PortalAccessException.class,
            e -> assertThat(e.reason()).isEqualTo(PortalAccessException.Reason.CLOSED));
  }

  @Test
  void shouldCloseAnUnansweredApplicationOnceAndNotifyOnce() {
    // given
    long applicationId = register(candidate("Sans Réponse"));
    workers.sendQuestionnaire(applicationId, null, newProcessKey());
    long notifyJob = newProcessKey();

    // when
    workers.closeApplication(applicationId, null, Map.of(Headers.CLOSURE, Closures.NO_ANSWER));
    workers.closeApplication(applicationId, null, Map.of(Headers.CLOSURE, Closures.NO_ANSWER));
    workers.notifyOutcome(applicationId, Outcomes.NO_ANSWER, notifyJob);
    workers.notifyOutcome(applicationId, Outcomes.NO_ANSWER, notifyJob);

    // then
    SupplierApplication application = applications.findById(applicationId).orElseThrow();
    assertThat(application.getStatus()).isEqualTo(SupplierApplicationStatus.CLOSED_NO_ANSWER);
    assertThat(suppliers.findById(application.getSupplierId()).orElseThrow().getStatus())
        .isEqualTo(SupplierStatus.NOT_REFERENCED);
    assertThat(mailsOf(applicationId))
        .filteredOn(m -> m.subject().startsWith("Questionnaire clos"))
        .hasSize(1);
  }

  @Test
  void shouldReopenTheSameApplicationWithANewLinkWhenMoreEvidenceIsAsked() {
    // given: evaluated, then the buyer asks for more evidence
    long applicationId = submittedApplication();
    String firstToken = token(mailsOf(applicationId).get(0));
    List<ReviewItem> review = referencingReview(applicationId);
    workers.recordEvaluation(
        applicationId,
        new ReferencingWorkers.EvidenceEvaluationInput(
            List.of(
                review.get(0).withDecision("ACCEPTED", null, null),
                review.get(1).withDecision("REJECTED", "Attestation illisible", null)),
            null));
    var request =
        new ReferencingWorkers.ReferencingDecision("REQUEST_EVIDENCE", "Joindre l'attestation EA");

    // when
    Map<String, Object> out = workers.sendQuestionnaire(applicationId, request, newProcessKey());

    // then
    assertThat(out).containsEntry(Variables.QUESTIONNAIRE_ROUND, 2);
    Notification second =
        mailsOf(applicationId).stream()
            .filter(m -> m.subject().startsWith("Justificatifs complémentaires"))
            .findFirst()
            .orElseThrow();
    assertThat(second.body()).contains("Joindre l'attestation EA");
    String newToken = token(second);
    SupplierPortal.PortalView view = portal.open(newToken);
    assertThat(view.editable()).isTrue();
    assertThat(view.application().answer("VAL-01").orElseThrow().evaluationReason())
        .isEqualTo("Attestation illisible");
    assertThat(view.application().answer("ENV-01").orElseThrow().evaluation())
        .isEqualTo(EvidenceEvaluation.ACCEPTED);
    assertThat(tokens.resolve(firstToken)).isEqualTo(applicationId);
    verify(processes, times(1)).publishQuestionnaireSubmitted(anyLong(), anyInt(), anyMap());
  }

  @Autowired SupplierEvaluation evaluations;

  private List<ReviewItem> referencingReview(long applicationId) {
    return evaluations.review(applicationId);
  }
}
