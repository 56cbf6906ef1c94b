package fr.secondevie.processes;

import org.springframework.modulith.NamedInterface;

/**
 * P4 {@code supplier-referencing} — Référencement fournisseur ({@code
 * bpmn/supplier-referencing.bpmn}).
 *
 * <p>Started by a buyer (candidate page) or by a SAD admission (REST intake) with {@link
 * Variables#CANDIDATE}. {@code supplier.register-candidate} records the supplier and its
 * application; {@code supplier.send-questionnaire} e-mails a link to the public supplier portal
 * with an unguessable token that expires with the answer deadline; the process waits for {@link
 * Messages#QUESTIONNAIRE_SUBMITTED} (reminders every 10 days, closure after 30 days); {@code
 * supplier.pre-score} computes the declarative score; an evaluator accepts or rejects the evidence
 * of each criterion (unjustified answers score zero); the decision {@link SupplierMaturityDecision}
 * gives the maturity level and tender bonus; a buyer decides: reference (valid {@link
 * #REFERENCING_VALIDITY}), reject, or ask for more evidence (a new link, the same application). The
 * supplier is told the outcome by {@code supplier.notify}.
 */
@NamedInterface("api")
public final class SupplierReferencingProcess {

  /** BPMN process id. */
  public static final String PROCESS_ID = "supplier-referencing";

  /** Model file name under {@code bpmn/} (and under {@code models/} on the classpath). */
  public static final String RESOURCE = "supplier-referencing.bpmn";

  /** How long a referencing is valid (ISO 8601 period). */
  public static final String REFERENCING_VALIDITY = "P3Y";

  /**
   * Time to live of {@link Messages#QUESTIONNAIRE_SUBMITTED}: covers a submission that would reach
   * the engine before the instance waits (the link is e-mailed just before the wait begins).
   */
  public static final String SUBMISSION_MESSAGE_TTL = "PT1H";

  /** Ids of the named flow nodes. */
  public static final class Elements {

    /** Candidature reçue (start event). */
    public static final String CANDIDATE_REGISTERED = "candidate-registered";

    /** Enregistrer la candidature (service task). */
    public static final String REGISTER_CANDIDATE = "register-candidate";

    /** Candidature déjà en cours (boundary event). */
    public static final String CANDIDATE_ALREADY_IN_PROGRESS = "candidate-already-in-progress";

    /** Candidature en double écartée (end event). */
    public static final String DUPLICATE_CANDIDATURE = "duplicate-candidature";

    /** Envoyer le questionnaire (service task). */
    public static final String SEND_QUESTIONNAIRE = "send-questionnaire";

    /** Attendre les réponses du fournisseur (receive task). */
    public static final String WAIT_FOR_ANSWERS = "wait-for-answers";

    /** Réponses en attente (boundary event, non-interrupting timer). */
    public static final String ANSWER_REMINDER = "answer-reminder";

    /** Relancer le fournisseur (service task). */
    public static final String SEND_ANSWER_REMINDER = "send-answer-reminder";

    /** Relance envoyée (end event). */
    public static final String ANSWER_REMINDER_SENT = "answer-reminder-sent";

    /** Délai de réponse dépassé (boundary event, interrupting timer). */
    public static final String ANSWER_DEADLINE = "answer-deadline";

    /** Clore la candidature sans réponse (service task). */
    public static final String CLOSE_UNANSWERED_APPLICATION = "close-unanswered-application";

    /** Calculer le score déclaratif (service task). */
    public static final String PRE_SCORE = "pre-score";

    /** Évaluer les justificatifs (user task). */
    public static final String EVALUATE_EVIDENCE = "evaluate-evidence";

    /** Enregistrer l'évaluation (service task). */
    public static final String RECORD_EVALUATION = "record-evaluation";

    /** Évaluation incomplète (boundary event). */
    public static final String EVALUATION_INCOMPLETE = "evaluation-incomplete";

    /** Déterminer le niveau de maturité (business rule task). */
    public static final String DECIDE_MATURITY = "decide-maturity";

    /** Décider du référencement (user task). */
    public static final String DECIDE_REFERENCING = "decide-referencing";

    /** Décision ? (exclusive gateway). */
    public static final String REFERENCING_DECISION_GATEWAY = "referencing-decision-gateway";

    /** Référencer le fournisseur (service task). */
    public static final String REFERENCE_SUPPLIER = "reference-supplier";

    /** Refuser la candidature (service task). */
    public static final String REJECT_APPLICATION = "reject-application";

    /** Informer le fournisseur (service task). */
    public static final String NOTIFY_OUTCOME = "notify-outcome";

    /** Candidature traitée (end event). */
    public static final String REFERENCING_COMPLETED = "referencing-completed";

    private Elements() {}
  }

  /** Job types of the service tasks; the in/out variables are those of docs/processes.md. */
  public static final class JobTypes {

    /**
     * Records the supplier (created or updated by SIRET) and a new application for it. In: {@code
     * candidate}. Out: {@code applicationId}, {@code supplierId}, {@code supplierName}, {@code
     * questionnaireVersion}. Error: {@link ErrorCodes#CANDIDATE_ALREADY_IN_PROGRESS}.
     */
    public static final String REGISTER_CANDIDATE = "supplier.register-candidate";

    /**
     * Opens the application for answers and e-mails a new portal link (random token, stored hashed,
     * expiring with the deadline {@link Timers#ANSWER_DEADLINE}). In: {@code applicationId} and, on
     * a new round, {@code referencingDecision} (the buyer's request). Out: {@code
     * questionnaireRound}, {@code answerDeadline}.
     */
    public static final String SEND_QUESTIONNAIRE = "supplier.send-questionnaire";

    /**
     * E-mails a reminder with a fresh link (same deadline). In: {@code applicationId}. Out:
     * nothing.
     */
    public static final String SEND_REMINDER = "supplier.send-reminder";

    /**
     * Closes the application without referencing, for the reason of header {@link Headers#CLOSURE};
     * every portal link stops working. In: {@code applicationId}, {@code referencingDecision}
     * (rejection). Out: nothing.
     */
    public static final String CLOSE_APPLICATION = "supplier.close-application";

    /**
     * Weighted declarative score of the submitted answers and the list the evaluator reviews. In:
     * {@code applicationId}. Out: {@code declarativeScore}, {@code evidenceReview}.
     */
    public static final String PRE_SCORE = "supplier.pre-score";

    /**
     * Records the evaluator's decision on each criterion's evidence and computes the justified
     * score. In: {@code applicationId}, {@code evidenceEvaluation}. Out: {@code justifiedScore},
     * {@code axesCovered}, {@code evaluationSummary}. Error: {@link
     * ErrorCodes#EVALUATION_INCOMPLETE}.
     */
    public static final String RECORD_EVALUATION = "supplier.record-evaluation";

    /**
     * References the supplier for {@link #REFERENCING_VALIDITY} with its maturity level and tender
     * bonus. In: {@code applicationId}, {@code maturityLevel}, {@code tenderBonus}, {@code
     * referencingDecision}. Out: {@code referencedUntil}.
     */
    public static final String REFERENCE = "supplier.reference";

    /**
     * E-mails the outcome to the supplier's contact. In: {@code applicationId}, {@code
     * referencingOutcome}. Out: nothing.
     */
    public static final String NOTIFY = "supplier.notify";

    private JobTypes() {}
  }

  /** Task headers. */
  public static final class Headers {

    /** On {@code supplier.close-application}: one of {@link Closures}. */
    public static final String CLOSURE = "closure";

    private Headers() {}
  }

  /** Values of header {@link Headers#CLOSURE}. */
  public static final class Closures {

    /** The buyer rejected the candidature. */
    public static final String REJECTED = "REJECTED";

    /** The supplier did not submit before the deadline. */
    public static final String NO_ANSWER = "NO_ANSWER";

    private Closures() {}
  }

  /** Messages, correlated by {@code string(applicationId)}. */
  public static final class Messages {

    /**
     * The supplier submitted the questionnaire on the portal. Variables: {@code submission}.
     * Message id {@code <applicationId>-<round>}, time to live {@link #SUBMISSION_MESSAGE_TTL}.
     */
    public static final String QUESTIONNAIRE_SUBMITTED = "QuestionnaireSubmitted";

    private Messages() {}
  }

  /** BPMN error codes. */
  public static final class ErrorCodes {

    /**
     * {@code supplier.register-candidate}: the supplier already has an application in progress; the
     * new instance ends.
     */
    public static final String CANDIDATE_ALREADY_IN_PROGRESS = "CANDIDATE_ALREADY_IN_PROGRESS";

    /**
     * {@code supplier.record-evaluation}: a criterion has no decision, or a rejection no reason;
     * back to the evaluator.
     */
    public static final String EVALUATION_INCOMPLETE = "EVALUATION_INCOMPLETE";

    private ErrorCodes() {}
  }

  /** Process variables (top level; their fields are described in docs/processes.md). */
  public static final class Variables {

    /** Start: the candidate as registered by a buyer or admitted in the SAD. */
    public static final String CANDIDATE = "candidate";

    public static final String APPLICATION_ID = "applicationId";
    public static final String SUPPLIER_ID = "supplierId";
    public static final String SUPPLIER_NAME = "supplierName";
    public static final String QUESTIONNAIRE_VERSION = "questionnaireVersion";
    public static final String QUESTIONNAIRE_ROUND = "questionnaireRound";
    public static final String ANSWER_DEADLINE = "answerDeadline";
    public static final String SUBMISSION = "submission";
    public static final String DECLARATIVE_SCORE = "declarativeScore";
    public static final String EVIDENCE_REVIEW = "evidenceReview";
    public static final String EVIDENCE_EVALUATION = "evidenceEvaluation";
    public static final String JUSTIFIED_SCORE = "justifiedScore";
    public static final String AXES_COVERED = "axesCovered";
    public static final String EVALUATION_SUMMARY = "evaluationSummary";

    /** Local to {@code decide-maturity}: the decision's result. */
    public static final String MATURITY = "maturity";

    public static final String MATURITY_LEVEL = "maturityLevel";
    public static final String TENDER_BONUS = "tenderBonus";
    public static final String MATURITY_REASON = "maturityReason";
    public static final String REFERENCING_DECISION = "referencingDecision";
    public static final String REFERENCING_OUTCOME = "referencingOutcome";
    public static final String REFERENCED_UNTIL = "referencedUntil";

    private Variables() {}
  }

  /** Values of {@code candidate.origin}. */
  public static final class Origins {

    /** Registered by a buyer on the candidate page. */
    public static final String BUYER = "BUYER";

    /** Admission to the dynamic purchasing system (SAD), from the purchasing platform. */
    public static final String SAD = "SAD";

    private Origins() {}
  }

  /** Values of {@code referencingDecision.decision} (form {@code decide-referencing}). */
  public static final class Decisions {

    public static final String REFERENCE = "REFERENCE";
    public static final String REJECT = "REJECT";

    /** Reopens the questionnaire with a new link; the supplier adds evidence and submits again. */
    public static final String REQUEST_EVIDENCE = "REQUEST_EVIDENCE";

    private Decisions() {}
  }

  /**
   * Values of {@code decision} in the items of {@code evidenceReview} (form {@code
   * evaluate-evidence}).
   */
  public static final class EvidenceDecisions {

    public static final String ACCEPTED = "ACCEPTED";
    public static final String REJECTED = "REJECTED";

    private EvidenceDecisions() {}
  }

  /** Values of {@link Variables#REFERENCING_OUTCOME}. */
  public static final class Outcomes {

    public static final String REFERENCED = "REFERENCED";
    public static final String REJECTED = Closures.REJECTED;
    public static final String NO_ANSWER = Closures.NO_ANSWER;

    private Outcomes() {}
  }

  /** Form ids (files {@code forms/<id>.form}) of the user tasks. */
  public static final class Forms {

    public static final String EVALUATE_EVIDENCE = "evaluate-evidence";
    public static final String DECIDE_REFERENCING = "decide-referencing";

    private Forms() {}
  }

  /** Timer values (ISO 8601). */
  public static final class Timers {

    /** The supplier has 30 days from the e-mail to submit; then the application closes. */
    public static final String ANSWER_DEADLINE = "P30D";

    /** Reminders while the answers are awaited: after 10 and 20 days. */
    public static final String ANSWER_REMINDER_CYCLE = "R2/P10D";

    private Timers() {}
  }

  private SupplierReferencingProcess() {}
}
