package fr.secondevie.suppliers;

import fr.secondevie.common.Siret;
import fr.secondevie.notification.NotificationFailedException;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.notification.OutgoingMessage;
import fr.secondevie.processes.SupplierReferencingProcess;
import fr.secondevie.processes.SupplierReferencingProcess.EvidenceDecisions;
import fr.secondevie.processes.SupplierReferencingProcess.Outcomes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The steps of process P4 on the application: what its job workers and the evaluation page call.
 * Every step is idempotent: repeated with the same operation (job), it changes nothing twice and
 * sends one e-mail.
 */
@Service
public class ReferencingService {

  /** Author recorded for a decision changed in the task form (the job does not say who). */
  static final String TASK_EVALUATOR = "tâche « Évaluer les justificatifs »";

  static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  private final SupplierRepository suppliers;
  private final ApplicationRepository applications;
  private final QuestionnaireCatalog catalog;
  private final PortalTokens tokens;
  private final NotificationService notifications;
  private final SupplierMails mails;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String portalBaseUrl;

  ReferencingService(
      SupplierRepository suppliers,
      ApplicationRepository applications,
      QuestionnaireCatalog catalog,
      PortalTokens tokens,
      NotificationService notifications,
      SupplierMails mails,
      TransactionTemplate tx,
      Clock clock,
      @Value("${secondevie.suppliers.portal-base-url:http://localhost:8080}")
          String portalBaseUrl) {
    this.suppliers = suppliers;
    this.applications = applications;
    this.catalog = catalog;
    this.tokens = tokens;
    this.notifications = notifications;
    this.mails = mails;
    this.tx = tx;
    this.clock = clock;
    this.portalBaseUrl = portalBaseUrl.replaceAll("/+$", "");
  }

  /** Output of {@code supplier.register-candidate}. */
  public record Registration(
      long applicationId, long supplierId, String supplierName, String questionnaireVersion) {}

  /** Output of {@code supplier.send-questionnaire}. */
  public record Invitation(int round, Instant deadline) {}

  /** Output of {@code supplier.pre-score}. */
  public record PreScore(BigDecimal declarativeScore, List<ReviewItem> review) {}

  /** Output of {@code supplier.record-evaluation}. */
  public record EvaluationResult(
      BigDecimal justifiedScore, int axesCovered, Map<String, Long> summary) {}

  // ---------------------------------------------------------------- registration

  /**
   * Records the supplier (created, or updated by SIRET) and the application of this process
   * instance; once per instance.
   *
   * @throws CandidateAlreadyInProgressException another application of the supplier is open
   * @throws IllegalArgumentException the candidate is invalid (the pages and API check it first)
   */
  public Registration register(Candidate submitted, long processInstanceKey) {
    Candidate candidate = submitted.normalized();
    Map<String, String> problems = candidate.problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("Expected a valid candidate but got " + problems);
    }
    return tx.execute(
        status -> {
          Application existing =
              applications.findByProcessInstanceKey(processInstanceKey).orElse(null);
          if (existing != null) {
            Supplier supplier = supplier(existing.getSupplierId());
            if (!supplier.getSiret().value().equals(candidate.siret())) {
              // a process instance key seen before for another supplier: the runtime's keys
              // restarted (an embedded engine without its state), never register over it
              throw new IllegalStateException(
                  "Process instance %d is already application %d of another supplier"
                      .formatted(processInstanceKey, existing.getId()));
            }
            return registration(existing, supplier);
          }
          Instant now = now();
          Siret siret = new Siret(candidate.siret());
          Supplier supplier = suppliers.findBySiret(siret.value()).orElse(null);
          if (supplier == null) {
            supplier =
                Supplier.create(
                    candidate.name(),
                    siret,
                    candidate.categorySet(),
                    candidate.contact(),
                    now,
                    candidate.registeredBy() == null ? "SAD" : candidate.registeredBy());
          } else {
            Supplier known = supplier;
            Application open =
                applications.findBySupplier(known.getId()).stream()
                    .filter(a -> !a.getStatus().isClosed())
                    .findFirst()
                    .orElse(null);
            if (open != null && open.getProcessInstanceKey() == processInstanceKey) {
              // the same job delivered twice at once: the other delivery registered it meanwhile
              return registration(open, known);
            }
            if (open != null) {
              throw new CandidateAlreadyInProgressException(known.getName(), open.getId());
            }
            supplier.update(candidate.name(), candidate.categorySet(), candidate.contact());
          }
          supplier = suppliers.save(supplier);
          Application application =
              applications.save(
                  Application.register(
                      supplier.getId(),
                      catalog.current().version(),
                      processInstanceKey,
                      candidate.origin(),
                      candidate.sadReference(),
                      candidate.contact(),
                      candidate.registeredBy() == null ? "SAD" : candidate.registeredBy(),
                      now));
          return registration(application, supplier);
        });
  }

  private static Registration registration(Application application, Supplier supplier) {
    return new Registration(
        application.getId(),
        supplier.getId(),
        supplier.getName(),
        application.getQuestionnaireVersion());
  }

  // ---------------------------------------------------------------- questionnaire and reminders

  /**
   * Opens the next round of answers and e-mails a new portal link, expiring with the deadline.
   *
   * @param reason the buyer's request for more evidence (a new round), or null
   */
  public Invitation sendQuestionnaire(long applicationId, String reason, String operationId) {
    Sent<Invitation> sent =
        tx.execute(
            status -> {
              // two deliveries of the job at once: the second waits here until the first has
              // sent its link and marked it sent, then finds it sent
              Application application = locked(applicationId);
              if (!tokens.hasOperation(operationId)) {
                Instant deadline =
                    now().plus(Duration.parse(SupplierReferencingProcess.Timers.ANSWER_DEADLINE));
                application.open(deadline, reason);
                application = applications.save(application);
              }
              PortalTokens.Issued issued =
                  tokens.issue(
                      applicationId,
                      operationId,
                      PortalToken.Purpose.INVITATION,
                      application.getDeadline());
              Prepared prepared =
                  new Prepared(application, supplier(application.getSupplierId()), issued);
              return new Sent<>(
                  new Invitation(application.getRound(), application.getDeadline()),
                  sendUnlessSent(
                      prepared,
                      operationId,
                      mails.invitation(prepared.application(), prepared.supplier())));
            });
    return sent.orThrow();
  }

  /** E-mails a fresh link to an application still open for answers (same deadline). */
  public void sendReminder(long applicationId, String operationId) {
    Sent<Boolean> sent =
        tx.execute(
            status -> {
              Application application = locked(applicationId);
              if (application.getStatus() != ApplicationStatus.OPEN
                  || !now().isBefore(application.getDeadline())) {
                return new Sent<>(false, null);
              }
              PortalTokens.Issued issued =
                  tokens.issue(
                      applicationId,
                      operationId,
                      PortalToken.Purpose.REMINDER,
                      application.getDeadline());
              Prepared prepared =
                  new Prepared(application, supplier(application.getSupplierId()), issued);
              return new Sent<>(
                  true,
                  sendUnlessSent(
                      prepared,
                      operationId,
                      mails.reminder(prepared.application(), prepared.supplier())));
            });
    sent.orThrow();
  }

  private Application locked(long applicationId) {
    return applications
        .lockById(applicationId)
        .orElseThrow(() -> new NoSuchElementException("No supplier application " + applicationId));
  }

  /**
   * A result, and the refusal of the SMTP server if the send failed: the transaction still commits
   * (the unsent token and the FAILED message stay recorded), then the refusal fails the job.
   */
  private record Sent<T>(T result, NotificationFailedException failure) {
    T orThrow() {
      if (failure != null) {
        throw failure;
      }
      return result;
    }
  }

  private NotificationFailedException sendUnlessSent(
      Prepared prepared, String operationId, SupplierMails.Mail mail) {
    if (prepared.issued().alreadySent()) {
      return null;
    }
    try {
      send(prepared, operationId, mail);
      return null;
    } catch (NotificationFailedException e) {
      return e;
    }
  }

  private record Prepared(Application application, Supplier supplier, PortalTokens.Issued issued) {}

  /**
   * Sends the link of a token just issued. A failed send leaves the token unsent: the job's retry
   * issues a fresh token (its plaintext was never stored) and sends a new message.
   */
  private void send(Prepared prepared, String operationId, SupplierMails.Mail mail) {
    notifications.send(
        new OutgoingMessage(
            operationId + ":" + prepared.issued().token().tokenHash().substring(0, 12),
            prepared.application().getContactEmail(),
            mail.subject(),
            mail.body(),
            List.of(),
            Map.of(
                SupplierMails.LINK_PLACEHOLDER,
                portalBaseUrl + "/portal/" + prepared.issued().plaintext())));
    tokens.markSent(prepared.issued().token());
  }

  // ---------------------------------------------------------------- scoring and evaluation

  /** The declarative score of the submitted answers and the list the evaluator reviews. */
  public PreScore preScore(long applicationId) {
    return tx.execute(
        status -> {
          Application application = application(applicationId);
          Scoring.ScoreCard card = scoreCard(application);
          application.preScored(card.declarativeScore());
          applications.save(application);
          return new PreScore(card.declarativeScore(), review(application, card));
        });
  }

  /** The criteria to review, with their current decisions (what the form and the page show). */
  public List<ReviewItem> review(long applicationId) {
    Application application = application(applicationId);
    return review(application, scoreCard(application));
  }

  public Scoring.ScoreCard scoreCard(Application application) {
    return Scoring.score(
        catalog.get(application.getQuestionnaireVersion()),
        application.getAnswers(),
        application.getEvidence());
  }

  private List<ReviewItem> review(Application application, Scoring.ScoreCard card) {
    List<ReviewItem> items = new ArrayList<>();
    for (Scoring.Line line : card.toReview()) {
      Criterion criterion = line.criterion();
      Answer answer = application.answer(criterion.code()).orElseThrow();
      String evidence =
          application.evidenceFor(criterion.code()).stream()
              .map(
                  e ->
                      e.filename()
                          + " ("
                          + e.sizeBytes() / 1024
                          + " Ko) — /documents/"
                          + e.documentId())
              .collect(Collectors.joining("\n"));
      String decision =
          switch (answer.evaluation()) {
            case ACCEPTED -> EvidenceDecisions.ACCEPTED;
            case REJECTED -> EvidenceDecisions.REJECTED;
            case PENDING -> null;
          };
      items.add(
          new ReviewItem(
              criterion.code(),
              criterion.axis().name(),
              criterion.axis().label(),
              criterion.question(),
              criterion.expectedEvidence(),
              criterion.display(line.answer())
                  + (answer.comment() == null ? "" : " — " + answer.comment()),
              evidence,
              decision,
              answer.evaluationReason(),
              null));
    }
    return items;
  }

  /**
   * Records the evaluator's decisions (all or nothing) and computes the justified score.
   *
   * @param evaluator who decided, or null when it comes from the task form
   * @throws EvaluationIncompleteException a criterion without decision or a refusal without reason
   */
  public EvaluationResult recordEvaluation(
      long applicationId, List<ReviewItem> decisions, String comment, String evaluator) {
    return tx.execute(
        status -> {
          Application application = application(applicationId);
          if (application.getStatus() == ApplicationStatus.REFERENCED
              || application.getStatus().isClosed()) {
            return result(application, scoreCard(application));
          }
          List<ReviewItem> review = checked(application, decisions, true);
          apply(application, review, evaluator);
          Scoring.ScoreCard card = scoreCard(application);
          application.evaluated(
              card.justifiedScore(),
              card.axesCovered(),
              blankToNull(comment),
              evaluator == null ? TASK_EVALUATOR : evaluator,
              now());
          applications.save(application);
          return result(application, card);
        });
  }

  /**
   * The evaluation page: records the decisions given (a refusal needs its reason); with {@code
   * complete}, every criterion must be decided, then the user task is completed with them.
   *
   * @throws EvaluationIncompleteException nothing recorded
   * @throws ProcessUnavailableException the decisions are recorded but the task is still open
   */
  public void saveEvaluation(
      long applicationId,
      List<ReviewItem> decisions,
      String comment,
      String evaluator,
      boolean complete,
      SupplierProcesses processes) {
    Application saved =
        tx.execute(
            status -> {
              Application application = application(applicationId);
              List<ReviewItem> review = checked(application, decisions, complete);
              apply(application, review, evaluator);
              return applications.save(application);
            });
    if (complete) {
      Map<String, Object> variables = new LinkedHashMap<>();
      variables.put(SupplierReferencingProcess.Variables.EVIDENCE_REVIEW, review(applicationId));
      variables.put("evaluationComment", blankToNull(comment) == null ? "" : comment.strip());
      processes.completeEvidenceEvaluation(saved.getProcessInstanceKey(), variables);
    }
  }

  /** The review list merged with the decisions given, checked; throws when incomplete. */
  private List<ReviewItem> checked(
      Application application, List<ReviewItem> decisions, boolean requireAll) {
    List<ReviewItem> review = review(application, scoreCard(application));
    Map<String, ReviewItem> given =
        decisions.stream()
            .filter(d -> d != null && d.code() != null)
            .collect(Collectors.toMap(ReviewItem::code, Function.identity(), (a, b) -> b));
    Map<String, String> problems = new LinkedHashMap<>();
    List<ReviewItem> merged = new ArrayList<>();
    for (ReviewItem item : review) {
      ReviewItem decided = given.get(item.code());
      String decision = decided == null ? null : blankToNull(decided.decision());
      String reason = decided == null ? null : blankToNull(decided.reason());
      String issue = null;
      if (decision == null) {
        if (requireAll) {
          issue = "Acceptez ou refusez le justificatif.";
        }
      } else if (!decision.equals(EvidenceDecisions.ACCEPTED)
          && !decision.equals(EvidenceDecisions.REJECTED)) {
        issue = "Décision inconnue : " + decision + ".";
      } else if (decision.equals(EvidenceDecisions.REJECTED)
          && (reason == null || reason.length() < 5)) {
        issue =
            "Donnez le motif du refus (5 caractères au moins), il sera communiqué au fournisseur.";
      }
      if (issue != null) {
        problems.put(item.code(), issue);
      }
      merged.add(item.withDecision(decision, reason, issue));
    }
    if (!problems.isEmpty()) {
      throw new EvaluationIncompleteException(merged, problems);
    }
    return merged;
  }

  private void apply(Application application, List<ReviewItem> review, String evaluator) {
    Instant now = now();
    for (ReviewItem item : review) {
      if (item.decision() != null) {
        application.evaluate(
            item.code(),
            EvidenceEvaluation.valueOf(item.decision()),
            item.reason(),
            evaluator == null ? TASK_EVALUATOR : evaluator,
            now);
      }
    }
  }

  private static EvaluationResult result(Application application, Scoring.ScoreCard card) {
    Map<String, Long> summary = new LinkedHashMap<>();
    summary.put("accepted", card.count(Scoring.State.ACCEPTED));
    summary.put("rejected", card.count(Scoring.State.REJECTED));
    summary.put("unjustified", card.count(Scoring.State.UNJUSTIFIED));
    summary.put(
        "notScored",
        card.count(Scoring.State.NOT_ANSWERED) + card.count(Scoring.State.DECLARED_ZERO));
    return new EvaluationResult(card.justifiedScore(), card.axesCovered(), summary);
  }

  // ---------------------------------------------------------------- outcome

  /**
   * References the supplier for {@link SupplierReferencingProcess#REFERENCING_VALIDITY} from today
   * (Paris); every portal link of the application stops working.
   *
   * @return the last day of validity
   */
  public LocalDate reference(
      long applicationId, int maturityLevel, int tenderBonus, String reason) {
    return tx.execute(
        status -> {
          Application application = application(applicationId);
          if (application.getStatus() != ApplicationStatus.REFERENCED) {
            application.reference(maturityLevel, tenderBonus, blankToNull(reason), now());
            application = applications.save(application);
            LocalDate from = today(application.getClosedAt());
            Supplier supplier = supplier(application.getSupplierId());
            supplier.reference(
                application.getId(),
                maturityLevel,
                tenderBonus,
                application.getJustifiedScore(),
                from,
                validUntil(from));
            suppliers.save(supplier);
            tokens.revokeAll(applicationId);
          }
          return validUntil(today(application.getClosedAt()));
        });
  }

  /** Closes the application without referencing (rejected, or no answer in time). */
  public void close(long applicationId, ApplicationStatus closure, String reason) {
    tx.executeWithoutResult(
        status -> {
          Application application = application(applicationId);
          if (application.getStatus().isClosed()) {
            return;
          }
          application.close(closure, blankToNull(reason), now());
          applications.save(application);
          Supplier supplier = supplier(application.getSupplierId());
          supplier.notReferenced(today(now()));
          suppliers.save(supplier);
          tokens.revokeAll(applicationId);
        });
  }

  /** E-mails the outcome to the application's contact, once per operation. */
  public void notifyOutcome(long applicationId, String outcome, String operationId) {
    Application application = application(applicationId);
    Supplier supplier = supplier(application.getSupplierId());
    SupplierMails.Mail mail =
        mails.outcome(
            application,
            supplier,
            Objects.requireNonNull(outcome, "referencingOutcome"),
            Outcomes.REFERENCED.equals(outcome)
                ? validUntil(today(application.getClosedAt()))
                : null);
    notifications.send(
        new OutgoingMessage(
            operationId, application.getContactEmail(), mail.subject(), mail.body(), List.of()));
  }

  // ---------------------------------------------------------------- helpers

  public Application application(long applicationId) {
    return applications
        .findById(applicationId)
        .orElseThrow(() -> new NoSuchElementException("No supplier application " + applicationId));
  }

  public Supplier supplier(long supplierId) {
    return suppliers
        .findById(supplierId)
        .orElseThrow(() -> new NoSuchElementException("No supplier " + supplierId));
  }

  static LocalDate validUntil(LocalDate from) {
    return from.plus(Period.parse(SupplierReferencingProcess.REFERENCING_VALIDITY)).minusDays(1);
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static LocalDate today(Instant instant) {
    return instant.atZone(PARIS).toLocalDate();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
