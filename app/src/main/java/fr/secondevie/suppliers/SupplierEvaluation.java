package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.ReferencingCommands.blankToNull;
import static fr.secondevie.suppliers.ReferencingCommands.now;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.processes.SupplierReferencingProcess;
import fr.secondevie.processes.SupplierReferencingProcess.EvidenceDecisions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The evaluation commands of process P4: the declarative score and the review list ({@code
 * supplier.pre-score}), the evaluator's decisions from the task form ({@code
 * supplier.record-evaluation}) or from the evaluation page, and the justified score. Public: the
 * evaluation page ({@code suppliers.web}) calls it.
 */
@Service
public class SupplierEvaluation {

  /** Author recorded for a decision changed in the task form (the job does not say who). */
  /** What a refused evaluation is. */
  static final String INCOMPLETE = "Évaluation incomplète";

  static final String TASK_EVALUATOR = "tâche « Évaluer les justificatifs »";

  private final SupplierRepository suppliers;
  private final SupplierApplicationRepository applications;
  private final QuestionnaireCatalog catalog;
  private final TransactionTemplate tx;
  private final Clock clock;

  SupplierEvaluation(
      SupplierRepository suppliers,
      SupplierApplicationRepository applications,
      QuestionnaireCatalog catalog,
      TransactionTemplate tx,
      Clock clock) {
    this.suppliers = suppliers;
    this.applications = applications;
    this.catalog = catalog;
    this.tx = tx;
    this.clock = clock;
  }

  /** Output of {@code supplier.pre-score}. */
  public record PreScore(BigDecimal declarativeScore, List<ReviewItem> review) {}

  /** Output of {@code supplier.record-evaluation}. */
  public record EvaluationResult(
      BigDecimal justifiedScore, int axesCovered, Map<String, Long> summary) {}

  /** The declarative score of the submitted answers and the list the evaluator reviews. */
  public PreScore preScore(long applicationId) {
    return tx.execute(
        status -> {
          SupplierApplication application = application(applicationId);
          Scoring.ScoreCard card = scoreCard(application);
          application.preScored(card.declarativeScore());
          applications.save(application);
          return new PreScore(card.declarativeScore(), review(application, card));
        });
  }

  /** The criteria to review, with their current decisions (what the form and the page show). */
  public List<ReviewItem> review(long applicationId) {
    SupplierApplication application = application(applicationId);
    return review(application, scoreCard(application));
  }

  public Scoring.ScoreCard scoreCard(SupplierApplication application) {
    return Scoring.score(
        catalog.get(application.getQuestionnaireVersion()),
        application.getAnswers(),
        application.getEvidence());
  }

  private List<ReviewItem> review(SupplierApplication application, Scoring.ScoreCard card) {
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
   * @throws InvalidInputException a criterion without decision or a refusal without reason
   */
  public EvaluationResult recordEvaluation(
      long applicationId, List<ReviewItem> decisions, String comment, String evaluator) {
    return tx.execute(
        status -> {
          SupplierApplication application = application(applicationId);
          if (application.getStatus() == SupplierApplicationStatus.REFERENCED
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
              now(clock));
          applications.save(application);
          return result(application, card);
        });
  }

  /**
   * The evaluation page: records the decisions given (a refusal needs its reason); with {@code
   * complete}, every criterion must be decided, then the user task is completed with them.
   *
   * @throws InvalidInputException « Évaluation incomplète », nothing recorded
   * @throws ProcessUnavailableException the decisions are recorded but the task is still open
   */
  public void saveEvaluation(
      long applicationId,
      List<ReviewItem> decisions,
      String comment,
      String evaluator,
      boolean complete,
      SupplierProcesses processes) {
    SupplierApplication saved =
        tx.execute(
            status -> {
              SupplierApplication application = application(applicationId);
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

  /**
   * The review list of the application merged with the decisions given, each criterion with its
   * issue (none decided while {@code requireAll}, an unknown decision, a refusal without reason):
   * what the evaluation page and the task show again when the evaluation is refused.
   */
  public List<ReviewItem> reviewWith(
      long applicationId, List<ReviewItem> decisions, boolean requireAll) {
    SupplierApplication application = application(applicationId);
    return merged(application, decisions, requireAll);
  }

  /**
   * The review list merged with the decisions given, checked.
   *
   * @throws InvalidInputException « Évaluation incomplète », one error per criterion at fault
   *     (field: its code) in the order of the review list; nothing was recorded
   */
  private List<ReviewItem> checked(
      SupplierApplication application, List<ReviewItem> decisions, boolean requireAll) {
    List<ReviewItem> merged = merged(application, decisions, requireAll);
    List<InputError> problems =
        merged.stream()
            .filter(item -> item.issue() != null)
            .map(item -> InputError.of(item.code(), item.issue()))
            .toList();
    if (!problems.isEmpty()) {
      throw new InvalidInputException(INCOMPLETE, problems);
    }
    return merged;
  }

  private List<ReviewItem> merged(
      SupplierApplication application, List<ReviewItem> decisions, boolean requireAll) {
    List<ReviewItem> review = review(application, scoreCard(application));
    Map<String, ReviewItem> given =
        decisions.stream()
            .filter(d -> d != null && d.code() != null)
            .collect(Collectors.toMap(ReviewItem::code, Function.identity(), (a, b) -> b));
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
      merged.add(item.withDecision(decision, reason, issue));
    }
    return merged;
  }

  private void apply(SupplierApplication application, List<ReviewItem> review, String evaluator) {
    Instant now = now(clock);
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

  private static EvaluationResult result(SupplierApplication application, Scoring.ScoreCard card) {
    Map<String, Long> summary = new LinkedHashMap<>();
    summary.put("accepted", card.count(Scoring.State.ACCEPTED));
    summary.put("rejected", card.count(Scoring.State.REJECTED));
    summary.put("unjustified", card.count(Scoring.State.UNJUSTIFIED));
    summary.put(
        "notScored",
        card.count(Scoring.State.NOT_ANSWERED) + card.count(Scoring.State.DECLARED_ZERO));
    return new EvaluationResult(card.justifiedScore(), card.axesCovered(), summary);
  }

  public SupplierApplication application(long applicationId) {
    return ReferencingCommands.application(applications, applicationId);
  }

  public Supplier supplier(long supplierId) {
    return ReferencingCommands.supplier(suppliers, supplierId);
  }
}
