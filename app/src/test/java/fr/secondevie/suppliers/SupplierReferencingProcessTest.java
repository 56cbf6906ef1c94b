package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.SupplierFixtures.candidate;
import static fr.secondevie.suppliers.SupplierFixtures.pdf;
import static io.camunda.process.test.api.CamundaAssert.assertThat;
import static io.camunda.process.test.api.CamundaAssert.assertThatDecision;
import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.notification.Notification;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.processes.SupplierMaturityDecision;
import fr.secondevie.processes.SupplierReferencingProcess;
import fr.secondevie.processes.SupplierReferencingProcess.Decisions;
import fr.secondevie.processes.SupplierReferencingProcess.Elements;
import fr.secondevie.processes.SupplierReferencingProcess.EvidenceDecisions;
import fr.secondevie.processes.SupplierReferencingProcess.Messages;
import fr.secondevie.processes.SupplierReferencingProcess.Outcomes;
import fr.secondevie.processes.SupplierReferencingProcess.Variables;
import fr.secondevie.support.Mailbox;
import fr.secondevie.support.TestClock;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaSpringProcessTest;
import io.camunda.process.test.api.assertions.DecisionSelectors;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of P4 {@code supplier-referencing} with Camunda Process Test in REMOTE mode against
 * the embedded engine, with the application's real job workers, portal, database and the real
 * decision {@code supplier-maturity}. Each test asserts the path (element ids) and what the
 * application recorded: the application, the supplier registry, the e-mails and the portal links.
 *
 * <p>Questionnaire 2025.1 weighs 47 points; every score below is computed from its weights.
 */
@SpringBootTest
@CamundaSpringProcessTest
class SupplierReferencingProcessTest {

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final String BUYER_REASON = "Décision motivée du comité RSE";
  private static final String REFUSAL = "Justificatif non daté ni signé";

  /** Twelve criteria (28 points of 47) covering the five axes. */
  private static final List<String> FIVE_AXES =
      List.of(
          "ENV-01", "ENV-02", "ENV-03", "ENV-05", "ENV-09", "ETH-01", "ETH-04", "ACC-01", "RES-01",
          "RES-02", "VAL-01", "VAL-03");

  @Autowired CamundaClient client;
  @Autowired CamundaProcessTestContext processTestContext;
  @Autowired SupplierApplicationRepository applications;
  @Autowired NotificationService notifications;
  @Autowired Mailbox.Server mailbox;
  @Autowired SupplierPortal portal;
  @Autowired SupplierEvaluation evaluations;
  @Autowired SupplierProcesses processes;
  @Autowired JdbcTemplate jdbc;

  /** The application's clock, moved in the expiry scenario (the engine's moves on its own). */
  @Autowired TestClock clock;

  @AfterEach
  void resetTheClock() {
    clock.reset();
  }

  // ---------------------------------------------------------------- paths

  @Test
  void shouldReferenceASupplierWhoseEvidenceIsAllAccepted() {
    // given
    ProcessInstanceEvent instance = start(candidate("Référencé CPT"));
    long applicationId = applicationOf(instance);
    assertThat(instance)
        .hasActiveElements(Elements.WAIT_FOR_ANSWERS)
        .isWaitingForMessage(Messages.QUESTIONNAIRE_SUBMITTED, String.valueOf(applicationId))
        .hasVariable(Variables.QUESTIONNAIRE_ROUND, 1);
    String token = latestLink(applicationId, "Questionnaire RSE");

    // when: best answer and evidence everywhere, every evidence accepted, the buyer references
    answer(token, allCriteria(token), allCriteria(token));
    evaluate(instance, applicationId, Map.of());
    decide(instance, Decisions.REFERENCE);

    // then: the whole main path, in order
    assertThat(instance)
        .isCompleted()
        .hasCompletedElementsInOrder(
            Elements.CANDIDATE_REGISTERED,
            Elements.REGISTER_CANDIDATE,
            Elements.SEND_QUESTIONNAIRE,
            Elements.WAIT_FOR_ANSWERS,
            Elements.PRE_SCORE,
            Elements.EVALUATE_EVIDENCE,
            Elements.RECORD_EVALUATION,
            Elements.DECIDE_MATURITY,
            Elements.DECIDE_REFERENCING,
            Elements.REFERENCE_SUPPLIER,
            Elements.NOTIFY_OUTCOME,
            Elements.REFERENCING_COMPLETED)
        .hasNotActivatedElements(
            Elements.SEND_ANSWER_REMINDER,
            Elements.CLOSE_UNANSWERED_APPLICATION,
            Elements.REJECT_APPLICATION)
        .hasCorrelatedMessage(Messages.QUESTIONNAIRE_SUBMITTED, String.valueOf(applicationId))
        .hasVariable(Variables.DECLARATIVE_SCORE, 100.0)
        .hasVariable(Variables.JUSTIFIED_SCORE, 100.0)
        .hasVariable(Variables.AXES_COVERED, 5)
        .hasVariable(
            Variables.EVALUATION_SUMMARY,
            Map.of("accepted", 27, "rejected", 0, "unjustified", 0, "notScored", 0))
        .hasVariable(Variables.MATURITY_LEVEL, 4)
        .hasVariable(Variables.TENDER_BONUS, 10)
        .hasVariable(Variables.REFERENCING_OUTCOME, Outcomes.REFERENCED);
    assertThatDecision(DecisionSelectors.byId(SupplierMaturityDecision.DECISION_ID))
        .isEvaluated()
        .hasMatchedRules(2);

    // and: the application, the registry, the e-mails and the links
    SupplierApplication application = evaluations.application(applicationId);
    assertThat(application.getStatus()).isEqualTo(SupplierApplicationStatus.REFERENCED);
    assertThat(application.getJustifiedScore()).isEqualByComparingTo("100.0");
    assertThat(application.getMaturityLevel()).isEqualTo(4);
    assertThat(application.getDecisionReason()).isEqualTo(BUYER_REASON);
    LocalDate today = application.getClosedAt().atZone(PARIS).toLocalDate();
    LocalDate until = today.plusYears(3).minusDays(1);
    assertThat(instance).hasVariable(Variables.REFERENCED_UNTIL, until.toString());
    Supplier supplier = evaluations.supplier(application.getSupplierId());
    assertThat(supplier.getStatus()).isEqualTo(SupplierStatus.REFERENCED);
    assertThat(supplier.getMaturityLevel()).isEqualTo(4);
    assertThat(supplier.getTenderBonus()).isEqualTo(10);
    assertThat(supplier.getJustifiedScore()).isEqualByComparingTo("100.0");
    assertThat(supplier.getReferencedOn()).isEqualTo(today);
    assertThat(supplier.getReferencedUntil()).isEqualTo(until);
    assertThat(supplier.getReferencingApplicationId()).isEqualTo(applicationId);
    assertThat(subjects(applicationId))
        .containsExactly(
            "Questionnaire RSE — Référencé CPT (candidature n° " + applicationId + ")",
            "Référencement accordé — Référencé CPT");
    assertThat(mails(applicationId).get(0).body())
        .isEqualTo(
            """
            Bonjour %s,

            Le CHU référence ses fournisseurs sur leur maturité numérique responsable. Nous vous \
            invitons à répondre, pour Référencé CPT, au questionnaire RSE du CHU (cinq axes de la \
            Charte Numérique Responsable).
            Seules les réponses dûment justifiées sont notées : joignez à chaque réponse positive \
            le justificatif demandé.

            Votre lien personnel (sans compte, ne le transférez pas) :
            [lien personnel envoyé au fournisseur]

            Il est valable jusqu'au %s (heure de Paris). Vous pouvez enregistrer un brouillon et \
            revenir plus tard.

            Le service des achats du CHU
            """
                .formatted(
                    application.getContactName(),
                    application
                        .getDeadline()
                        .atZone(PARIS)
                        .format(DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm"))));
    assertThat(lastMail(applicationId).recipient()).isEqualTo(application.getContactEmail());
    assertThat(lastMail(applicationId).body())
        .isEqualTo(
            """
            Bonjour %s,

            Référencé CPT est référencé par le CHU jusqu'au %s, au niveau de maturité numérique \
            responsable 4 sur 4 (score justifié 100,0/100).
            Motif : %s

            Le service des achats du CHU
            """
                .formatted(
                    application.getContactName(),
                    until.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                    BUYER_REASON));
    assertRefused(token, PortalAccessException.Reason.CLOSED);
  }

  @Test
  void shouldRejectACandidatureAfterAnIncompleteEvaluation() {
    // given: one positive answer with its evidence
    ProcessInstanceEvent instance = start(candidate("Refusé CPT"));
    long applicationId = applicationOf(instance);
    String token = latestLink(applicationId, "Questionnaire RSE");
    answer(token, List.of("ENV-01"), List.of("ENV-01"));

    // when: the evaluator refuses without a reason, then with one; the buyer rejects
    assertThat(instance).hasActiveElements(Elements.EVALUATE_EVIDENCE);
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.EVALUATE_EVIDENCE, instance.getProcessInstanceKey()),
        evaluation(review(applicationId, Map.of("ENV-01", EvidenceDecisions.REJECTED), "")));

    // then: back to the task, the issue named on the criterion, nothing recorded
    assertThat(instance)
        .hasCompletedElements(Elements.EVALUATION_INCOMPLETE)
        .hasActiveElements(Elements.EVALUATE_EVIDENCE)
        .hasVariableSatisfies(
            Variables.EVIDENCE_REVIEW,
            ReviewItem[].class,
            items ->
                assertThat(items)
                    .singleElement()
                    .satisfies(
                        item -> {
                          assertThat(item.decision()).isEqualTo(EvidenceDecisions.REJECTED);
                          assertThat(item.issue()).contains("motif du refus");
                        }));
    assertThat(evaluations.application(applicationId).getStatus())
        .isEqualTo(SupplierApplicationStatus.SUBMITTED);

    // when
    evaluate(instance, applicationId, Map.of("ENV-01", EvidenceDecisions.REJECTED));
    decide(instance, Decisions.REJECT);

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElement(Elements.EVALUATE_EVIDENCE, 2)
        .hasCompletedElement(Elements.RECORD_EVALUATION, 1)
        .hasCompletedElements(
            Elements.DECIDE_MATURITY,
            Elements.DECIDE_REFERENCING,
            Elements.REJECT_APPLICATION,
            Elements.NOTIFY_OUTCOME,
            Elements.REFERENCING_COMPLETED)
        .hasNotActivatedElements(Elements.REFERENCE_SUPPLIER)
        .hasVariable(Variables.JUSTIFIED_SCORE, 0.0)
        .hasVariable(Variables.AXES_COVERED, 0)
        .hasVariable(Variables.MATURITY_LEVEL, 1)
        .hasVariable(Variables.TENDER_BONUS, 0)
        .hasVariable(Variables.REFERENCING_OUTCOME, Outcomes.REJECTED);
    SupplierApplication application = evaluations.application(applicationId);
    assertThat(application.getStatus()).isEqualTo(SupplierApplicationStatus.REJECTED);
    assertThat(application.getDecisionReason()).isEqualTo(BUYER_REASON);
    assertThat(application.answer("ENV-01").orElseThrow().evaluationReason()).isEqualTo(REFUSAL);
    Supplier supplier = evaluations.supplier(application.getSupplierId());
    assertThat(supplier.getStatus()).isEqualTo(SupplierStatus.NOT_REFERENCED);
    assertThat(supplier.getReferencedUntil()).isNull();
    assertThat(lastMail(applicationId).subject())
        .isEqualTo("Référencement non accordé — Refusé CPT");
    assertThat(lastMail(applicationId).body()).contains("Motif : " + BUYER_REASON);
    assertRefused(token, PortalAccessException.Reason.CLOSED);
  }

  @Test
  void shouldRemindTwiceThenCloseWhenNoAnswerArrivesBeforeTheDeadline() {
    // given
    ProcessInstanceEvent instance = start(candidate("Silencieux CPT"));
    long applicationId = applicationOf(instance);
    String invitation = latestLink(applicationId, "Questionnaire RSE");
    // the reminder timer exists once the engine waits for the answers (the link is written before)
    assertThat(instance).hasActiveElements(Elements.WAIT_FOR_ANSWERS);

    // when: 10 days pass
    processTestContext.increaseTime(Duration.ofDays(10));

    // then: a reminder with a fresh link to the same application, still open
    assertThat(instance)
        .hasCompletedElement(Elements.SEND_ANSWER_REMINDER, 1)
        .hasCompletedElement(Elements.ANSWER_REMINDER_SENT, 1)
        .hasActiveElements(Elements.WAIT_FOR_ANSWERS);
    List<String> reminders = links(applicationId, "Rappel", 1);
    assertThat(reminders.get(0)).isNotEqualTo(invitation);
    assertThat(portal.open(reminders.get(0)).application().getId()).isEqualTo(applicationId);

    // when: 20 days have passed
    processTestContext.increaseTime(Duration.ofDays(10));

    // then: the second and last reminder
    assertThat(instance)
        .hasCompletedElement(Elements.SEND_ANSWER_REMINDER, 2)
        .hasActiveElements(Elements.WAIT_FOR_ANSWERS);
    reminders = links(applicationId, "Rappel", 2);

    // when: the deadline passes
    processTestContext.increaseTime(Duration.ofDays(10));

    // then
    assertThat(instance)
        .isCompleted()
        .hasCompletedElements(
            Elements.ANSWER_DEADLINE,
            Elements.CLOSE_UNANSWERED_APPLICATION,
            Elements.NOTIFY_OUTCOME,
            Elements.REFERENCING_COMPLETED)
        .hasTerminatedElements(Elements.WAIT_FOR_ANSWERS)
        .hasCompletedElement(Elements.SEND_ANSWER_REMINDER, 2)
        .hasNotActivatedElements(Elements.PRE_SCORE, Elements.DECIDE_MATURITY)
        .hasVariable(Variables.REFERENCING_OUTCOME, Outcomes.NO_ANSWER);
    SupplierApplication application = evaluations.application(applicationId);
    assertThat(application.getStatus()).isEqualTo(SupplierApplicationStatus.CLOSED_NO_ANSWER);
    assertThat(evaluations.supplier(application.getSupplierId()).getStatus())
        .isEqualTo(SupplierStatus.NOT_REFERENCED);
    assertThat(subjects(applicationId))
        .hasSize(4)
        .endsWith("Questionnaire clos sans réponse — Silencieux CPT");
    assertRefused(invitation, PortalAccessException.Reason.CLOSED);
    for (String reminder : reminders) {
      assertRefused(reminder, PortalAccessException.Reason.CLOSED);
    }
  }

  @Test
  void shouldScoreOnlyTheAcceptedEvidenceOfAPartiallyJustifiedQuestionnaire() {
    // given: every best answer declared (100 declared), evidence for five criteria only
    ProcessInstanceEvent instance = start(candidate("Partiel CPT"));
    long applicationId = applicationOf(instance);
    String token = latestLink(applicationId, "Questionnaire RSE");
    answer(token, allCriteria(token), List.of("ENV-01", "ENV-02", "ETH-01", "VAL-01", "ACC-01"));

    // when: the evaluator, on the application's page, accepts four and refuses ACC-01
    assertThat(instance)
        .hasActiveElements(Elements.EVALUATE_EVIDENCE)
        .hasVariable(Variables.DECLARATIVE_SCORE, 100.0)
        .hasVariableSatisfies(
            Variables.EVIDENCE_REVIEW,
            ReviewItem[].class,
            items ->
                assertThat(items)
                    .extracting(ReviewItem::code)
                    .containsExactlyInAnyOrder("ENV-01", "ENV-02", "ETH-01", "VAL-01", "ACC-01"));
    evaluations.saveEvaluation(
        applicationId,
        review(applicationId, Map.of("ACC-01", EvidenceDecisions.REJECTED), REFUSAL),
        "Preuves partielles",
        "evaluatrice.rse",
        true,
        processes);
    decide(instance, Decisions.REFERENCE);

    // then: 12 points of 47 justified (25.5), three axes: level 2, not the declared level 4
    assertThat(instance)
        .isCompleted()
        .hasCompletedElements(
            Elements.RECORD_EVALUATION, Elements.DECIDE_MATURITY, Elements.REFERENCE_SUPPLIER)
        .hasVariable(Variables.JUSTIFIED_SCORE, 25.5)
        .hasVariable(Variables.AXES_COVERED, 3)
        .hasVariable(
            Variables.EVALUATION_SUMMARY,
            Map.of("accepted", 4, "rejected", 1, "unjustified", 22, "notScored", 0))
        .hasVariable(Variables.MATURITY_LEVEL, 2)
        .hasVariable(Variables.TENDER_BONUS, 3)
        .hasVariable(Variables.REFERENCING_OUTCOME, Outcomes.REFERENCED);
    assertThatDecision(DecisionSelectors.byId(SupplierMaturityDecision.DECISION_ID))
        .hasMatchedRules(4);
    SupplierApplication application = evaluations.application(applicationId);
    assertThat(application.getDeclarativeScore()).isEqualByComparingTo("100.0");
    assertThat(application.getJustifiedScore()).isEqualByComparingTo("25.5");
    assertThat(application.getAxesCovered()).isEqualTo(3);
    assertThat(application.getEvaluationComment()).isEqualTo("Preuves partielles");
    assertThat(application.answer("ACC-01").orElseThrow().evaluation())
        .isEqualTo(EvidenceEvaluation.REJECTED);
    assertThat(application.answer("ENV-03").orElseThrow().evaluation())
        .as("an unjustified answer is never evaluated")
        .isEqualTo(EvidenceEvaluation.PENDING);
    Supplier supplier = evaluations.supplier(application.getSupplierId());
    assertThat(supplier.getMaturityLevel()).isEqualTo(2);
    assertThat(supplier.getTenderBonus()).isEqualTo(3);
    assertThat(supplier.getJustifiedScore()).isEqualByComparingTo("25.5");
    assertThat(lastMail(applicationId).body())
        .contains("niveau de maturité numérique responsable 2 sur 4 (score justifié 25,5/100)");
  }

  @Test
  void shouldKeepTheAcceptedCriteriaWhenEvidenceIsSubmittedAgain() {
    // given: best answers everywhere, evidence for twelve criteria of the five axes
    ProcessInstanceEvent instance = start(candidate("Resoumis CPT"));
    long applicationId = applicationOf(instance);
    String first = latestLink(applicationId, "Questionnaire RSE");
    answer(first, allCriteria(first), FIVE_AXES);

    // when: VAL-01 and ACC-01 refused (23 points, 4 axes: level 2), the buyer asks for more
    evaluate(
        instance,
        applicationId,
        Map.of("VAL-01", EvidenceDecisions.REJECTED, "ACC-01", EvidenceDecisions.REJECTED));
    assertThat(instance)
        .hasVariable(Variables.JUSTIFIED_SCORE, 48.9)
        .hasVariable(Variables.AXES_COVERED, 4)
        .hasVariable(Variables.MATURITY_LEVEL, 2);
    decide(instance, Decisions.REQUEST_EVIDENCE);

    // then: round 2 on the same application, a new link quoting the buyer and the refusals
    assertThat(instance)
        .hasActiveElements(Elements.WAIT_FOR_ANSWERS)
        .hasCompletedElement(Elements.SEND_QUESTIONNAIRE, 2)
        .hasVariable(Variables.QUESTIONNAIRE_ROUND, 2);
    String second = latestLink(applicationId, "Justificatifs complémentaires");
    assertThat(second).isNotEqualTo(first);
    assertThat(lastMail(applicationId).body()).contains("Motif : " + BUYER_REASON);
    SupplierApplication reopened = portal.open(second).application();
    assertThat(reopened.getId()).isEqualTo(applicationId);
    assertThat(reopened.getStatus()).isEqualTo(SupplierApplicationStatus.OPEN);
    assertThat(reopened.getRound()).isEqualTo(2);
    assertThat(reopened.answer("VAL-01").orElseThrow().evaluationReason()).isEqualTo(REFUSAL);

    // when: the supplier replaces the evidence of VAL-01, adds one to ACC-01, submits again
    String refused = reopened.evidenceFor("VAL-01").get(0).documentId();
    portal.removeEvidence(second, refused);
    portal.save(
        second,
        Map.of(),
        Map.of(),
        List.of(
            new SupplierPortal.Upload("VAL-01", "attestation-signee.pdf", pdf()),
            new SupplierPortal.Upload("ACC-01", "audit-rgaa-2025.pdf", pdf())));
    portal.submit(second);

    // then: the ten accepted criteria come back decided, only the two changed ones are open
    assertThat(instance)
        .hasActiveElements(Elements.EVALUATE_EVIDENCE)
        .hasCompletedElement(Elements.PRE_SCORE, 2)
        .hasVariableSatisfies(
            Variables.EVIDENCE_REVIEW,
            ReviewItem[].class,
            items -> {
              Map<String, String> decisions =
                  Arrays.stream(items)
                      .collect(
                          Collectors.toMap(ReviewItem::code, i -> String.valueOf(i.decision())));
              assertThat(decisions).hasSize(12).containsEntry("VAL-01", "null");
              assertThat(decisions).containsEntry("ACC-01", "null");
              assertThat(decisions.values())
                  .filteredOn(EvidenceDecisions.ACCEPTED::equals)
                  .hasSize(10);
            });

    // when: the two new files accepted, the buyer references
    evaluate(instance, applicationId, Map.of());
    decide(instance, Decisions.REFERENCE);

    // then: 28 points (59.6) over five axes: level 3
    assertThat(instance)
        .isCompleted()
        .hasCompletedElement(Elements.WAIT_FOR_ANSWERS, 2)
        .hasCompletedElement(Elements.EVALUATE_EVIDENCE, 2)
        .hasCompletedElement(Elements.DECIDE_MATURITY, 2)
        .hasCompletedElement(Elements.DECIDE_REFERENCING, 2)
        .hasCompletedElement(Elements.REFERENCE_SUPPLIER, 1)
        .hasVariable(Variables.JUSTIFIED_SCORE, 59.6)
        .hasVariable(Variables.AXES_COVERED, 5)
        .hasVariable(Variables.MATURITY_LEVEL, 3)
        .hasVariable(Variables.TENDER_BONUS, 6)
        .hasVariable(Variables.REFERENCING_OUTCOME, Outcomes.REFERENCED);
    SupplierApplication application = evaluations.application(applicationId);
    assertThat(application.getStatus()).isEqualTo(SupplierApplicationStatus.REFERENCED);
    assertThat(application.getEvidence())
        .extracting(Evidence::filename)
        .doesNotContain("VAL-01.pdf")
        .contains("attestation-signee.pdf", "audit-rgaa-2025.pdf");
    assertThat(applications.findBySupplier(application.getSupplierId())).hasSize(1);
    Supplier supplier = evaluations.supplier(application.getSupplierId());
    assertThat(supplier.getMaturityLevel()).isEqualTo(3);
    assertThat(supplier.getJustifiedScore()).isEqualByComparingTo("59.6");
    assertThat(subjects(applicationId)).hasSize(3);
    assertRefused(first, PortalAccessException.Reason.CLOSED);
    assertRefused(second, PortalAccessException.Reason.CLOSED);
  }

  @Test
  void shouldRefuseAnExpiredLinkThenCloseTheApplicationAtTheDeadline() {
    // given
    ProcessInstanceEvent instance = start(candidate("Expiré CPT"));
    long applicationId = applicationOf(instance);
    String token = latestLink(applicationId, "Questionnaire RSE");
    Instant deadline = evaluations.application(applicationId).getDeadline();
    assertThat(instance).hasVariable(Variables.ANSWER_DEADLINE, deadline.toString());

    // when: the application's clock passes the link's expiry
    clock.advance(Duration.between(clock.instant(), deadline).plusSeconds(1));

    // then: the portal refuses to show or store anything
    assertRefused(token, PortalAccessException.Reason.EXPIRED);
    assertThatThrownBy(
            () ->
                portal.save(
                    token,
                    Map.of("ENV-04", "YES"),
                    Map.of(),
                    List.of(new SupplierPortal.Upload("ENV-01", "preuve.pdf", pdf()))))
        .isInstanceOfSatisfying(
            PortalAccessException.class,
            e -> assertThat(e.reason()).isEqualTo(PortalAccessException.Reason.EXPIRED));
    assertThatThrownBy(() -> portal.submit(token)).isInstanceOf(PortalAccessException.class);
    assertThat(evaluations.application(applicationId).getAnswers()).isEmpty();
    assertThat(documentsOf(applicationId)).isZero();

    // when: the engine reaches the deadline too
    processTestContext.increaseTime(Duration.ofDays(30));

    // then: the deadline path, nothing submitted
    assertThat(instance)
        .isCompleted()
        .hasCompletedElements(
            Elements.ANSWER_DEADLINE,
            Elements.CLOSE_UNANSWERED_APPLICATION,
            Elements.NOTIFY_OUTCOME)
        .hasNotActivatedElements(Elements.PRE_SCORE)
        .hasVariable(Variables.REFERENCING_OUTCOME, Outcomes.NO_ANSWER);
    assertThat(evaluations.application(applicationId).getStatus())
        .isEqualTo(SupplierApplicationStatus.CLOSED_NO_ANSWER);
    assertThat(subjects(applicationId)).contains("Questionnaire clos sans réponse — Expiré CPT");
    clock.reset();
    assertRefused(token, PortalAccessException.Reason.CLOSED);
  }

  @Test
  void shouldEndADuplicateCandidatureWithoutASecondApplication() {
    // given: a supplier with an open application, started as the buyer's page does
    Candidate candidate = candidate("Doublon CPT");
    long first = processes.startReferencing(candidate);
    long applicationId =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> applications.findByProcessInstanceKey(first), Optional::isPresent)
            .orElseThrow()
            .getId();

    // when: the same supplier is registered again
    long second = processes.startReferencing(candidate);

    // then
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(second))
        .isCompleted()
        .hasTerminatedElements(Elements.REGISTER_CANDIDATE)
        .hasCompletedElements(
            Elements.CANDIDATE_ALREADY_IN_PROGRESS, Elements.DUPLICATE_CANDIDATURE)
        .hasNotActivatedElements(Elements.SEND_QUESTIONNAIRE);
    assertThatProcessInstance(ProcessInstanceSelectors.byKey(first))
        .isActive()
        .hasActiveElements(Elements.WAIT_FOR_ANSWERS);
    long supplierId = evaluations.application(applicationId).getSupplierId();
    assertThat(applications.findBySupplier(supplierId)).hasSize(1);
    assertThat(applications.findByProcessInstanceKey(second)).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private ProcessInstanceEvent start(Candidate candidate) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(SupplierReferencingProcess.PROCESS_ID)
        .latestVersion()
        .variables(Map.of(Variables.CANDIDATE, candidate))
        .send()
        .join();
  }

  private long applicationOf(ProcessInstanceEvent instance) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> applications.findByProcessInstanceKey(instance.getProcessInstanceKey()),
            Optional::isPresent)
        .orElseThrow()
        .getId();
  }

  /** The e-mails of the application, oldest first. */
  private List<Notification> mails(long applicationId) {
    List<Notification> mails =
        new ArrayList<>(
            notifications.latest(10_000).stream()
                .filter(
                    n -> n.operationId().startsWith("supplier-application:" + applicationId + ":"))
                .toList());
    java.util.Collections.reverse(mails);
    return mails;
  }

  private List<String> subjects(long applicationId) {
    return mails(applicationId).stream().map(Notification::subject).toList();
  }

  private Notification lastMail(long applicationId) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> mails(applicationId), list -> !list.isEmpty())
        .get(mails(applicationId).size() - 1);
  }

  /**
   * The links of the e-mails whose subject starts with {@code prefix}, once there are {@code n}.
   */
  private List<String> links(long applicationId, String prefix, int n) {
    return Awaitility.await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                mails(applicationId).stream()
                    .filter(m -> m.subject().startsWith(prefix))
                    .map(this::linkIn)
                    .filter(java.util.Objects::nonNull)
                    .toList(),
            list -> list.size() >= n);
  }

  private String latestLink(long applicationId, String prefix) {
    List<String> links = links(applicationId, prefix, 1);
    return links.get(links.size() - 1);
  }

  /** The portal token of the e-mail as sent (the outbox row keeps a placeholder), or null. */
  private String linkIn(Notification mail) {
    return mailbox
        .sentFor(mail.recipient(), mail.subject(), mail.body())
        .map(Mailbox.Sent::portalToken)
        .orElse(null);
  }

  private void assertRefused(String token, PortalAccessException.Reason reason) {
    assertThatThrownBy(() -> portal.open(token))
        .isInstanceOfSatisfying(
            PortalAccessException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  private int documentsOf(long applicationId) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM document WHERE owner_ref = ?",
        Integer.class,
        SupplierApplication.ownerRef(applicationId));
  }

  private List<String> allCriteria(String token) {
    return portal.open(token).questionnaire().criteria().stream().map(Criterion::code).toList();
  }

  /**
   * Answers every criterion (its best answer for {@code positive}, else its worst), attaches a PDF
   * to each of {@code withEvidence}, and submits.
   */
  private void answer(String token, List<String> positive, List<String> withEvidence) {
    Map<String, String> answers = new HashMap<>();
    for (Criterion c : portal.open(token).questionnaire().criteria()) {
      boolean best = positive.contains(c.code());
      answers.put(
          c.code(),
          switch (c.answerType()) {
            case YES_NO -> best ? Criterion.YES : Criterion.NO;
            case CHOICE -> c.options().get(best ? c.options().size() - 1 : 0).value();
            case NUMBER -> best ? c.thresholds().get(0).min().toPlainString() : "0";
          });
    }
    portal.save(
        token,
        answers,
        Map.of(),
        withEvidence.stream()
            .map(code -> new SupplierPortal.Upload(code, code + ".pdf", pdf()))
            .toList());
    assertThat(portal.submit(token))
        .as("positive answers sent without evidence")
        .containsExactlyInAnyOrderElementsOf(
            positive.stream().filter(code -> !withEvidence.contains(code)).toList());
  }

  /**
   * The review list of the application with a decision on each criterion: the one given, else the
   * earlier one kept, else accepted.
   */
  private List<ReviewItem> review(
      long applicationId, Map<String, String> decisions, String reason) {
    return evaluations.review(applicationId).stream()
        .map(
            item -> {
              String decision =
                  decisions.getOrDefault(
                      item.code(),
                      item.decision() == null ? EvidenceDecisions.ACCEPTED : item.decision());
              return item.withDecision(
                  decision,
                  EvidenceDecisions.REJECTED.equals(decision)
                      ? (item.reason() == null ? reason : item.reason())
                      : null,
                  null);
            })
        .toList();
  }

  private static Map<String, Object> evaluation(List<ReviewItem> review) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ReviewItem item : review) {
      Map<String, Object> row = new HashMap<>();
      row.put("code", item.code());
      row.put("decision", item.decision());
      row.put("reason", item.reason());
      rows.add(row);
    }
    return Map.of(Variables.EVIDENCE_REVIEW, rows, "evaluationComment", "");
  }

  /** Completes {@code evaluate-evidence} in the task form (EVALUATOR) with these decisions. */
  private void evaluate(
      ProcessInstanceEvent instance, long applicationId, Map<String, String> decisions) {
    assertThat(instance).hasActiveElements(Elements.EVALUATE_EVIDENCE);
    assertThatUserTask(
            UserTaskSelectors.byElementId(
                Elements.EVALUATE_EVIDENCE, instance.getProcessInstanceKey()))
        .hasCandidateGroup("EVALUATOR");
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(Elements.EVALUATE_EVIDENCE, instance.getProcessInstanceKey()),
        evaluation(review(applicationId, decisions, REFUSAL)));
  }

  /** Completes {@code decide-referencing} in the task form (BUYER). */
  private void decide(ProcessInstanceEvent instance, String choice) {
    assertThat(instance).hasActiveElements(Elements.DECIDE_REFERENCING);
    assertThatUserTask(
            UserTaskSelectors.byElementId(
                Elements.DECIDE_REFERENCING, instance.getProcessInstanceKey()))
        .hasCandidateGroup("BUYER");
    processTestContext.completeUserTask(
        UserTaskSelectors.byElementId(
            Elements.DECIDE_REFERENCING, instance.getProcessInstanceKey()),
        Map.of("referencingChoice", choice, "decisionReason", BUYER_REASON));
  }
}
