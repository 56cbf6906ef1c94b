package fr.secondevie.processes;

import org.springframework.modulith.NamedInterface;

/**
 * P7 {@code indicators-annual-report} — Rapport annuel des indicateurs ({@code
 * bpmn/indicators-annual-report.bpmn}).
 *
 * <p>Started every day by its timer ({@link Timers#DAILY_CHECK}), which goes on only when the
 * report of year N−1 is due ({@link JobTypes#CHECK_ANNUAL_DUE}) and this instance claimed the year
 * (one claim per year: the instances the timer fires together after the engine's time jumped
 * several days compute one report), or on demand for any year with {@link Variables#REPORT_YEAR}.
 * {@link JobTypes#COMPUTE_ANNUAL} freezes the figures in a new report version; the auditor verifies
 * them ({@link Forms#VERIFY_INDICATORS}) and may send corrections back to the asset managers
 * ({@link Forms#CORRECT_INDICATORS_DATA}), after which the year is computed again; {@link
 * JobTypes#PUBLISH_ANNUAL} publishes the PDF and CSV files.
 */
@NamedInterface("api")
public final class IndicatorsAnnualReportProcess {

  /** BPMN process id. */
  public static final String PROCESS_ID = "indicators-annual-report";

  /** Model file name under {@code bpmn/} (and under {@code models/} on the classpath). */
  public static final String RESOURCE = "indicators-annual-report.bpmn";

  /** Ids of the named flow nodes. */
  public static final class Elements {

    /** Chaque jour (timer start event). */
    public static final String ANNUAL_REPORT_DUE = "annual-report-due";

    /** Demande manuelle (none start event). */
    public static final String ANNUAL_REPORT_REQUESTED = "annual-report-requested";

    /** Vérifier l'échéance annuelle (service task). */
    public static final String CHECK_ANNUAL_REPORT_DUE = "check-annual-report-due";

    /** Rapport annuel dû ? (exclusive gateway). */
    public static final String ANNUAL_REPORT_DUE_GATEWAY = "annual-report-due-gateway";

    /** Pas d'échéance (end event). */
    public static final String ANNUAL_REPORT_NOT_DUE = "annual-report-not-due";

    /** Calculer et figer les indicateurs (service task). */
    public static final String COMPUTE_ANNUAL_FIGURES = "compute-annual-figures";

    /** Vérifier les indicateurs (user task, AUDITOR). */
    public static final String VERIFY_INDICATORS = "verify-indicators";

    /** Indicateurs validés ? (exclusive gateway). */
    public static final String REVIEW_GATEWAY = "review-gateway";

    /** Demander les corrections (service task). */
    public static final String REQUEST_CORRECTIONS = "request-corrections";

    /** Corriger les données (user task, ASSET_MANAGER). */
    public static final String CORRECT_INDICATORS_DATA = "correct-indicators-data";

    /** Publier le rapport (service task). */
    public static final String PUBLISH_ANNUAL_REPORT = "publish-annual-report";

    /** Rapport publié (end event). */
    public static final String ANNUAL_REPORT_PUBLISHED = "annual-report-published";

    private Elements() {}
  }

  /** Job types of the service tasks. */
  public static final class JobTypes {

    /**
     * In: nothing. Out: {@link Variables#REPORT_DUE} (true for the one instance that claimed year
     * N−1), {@link Variables#REPORT_YEAR}.
     */
    public static final String CHECK_ANNUAL_DUE = "indicators.check-annual-due";

    /**
     * In: {@link Variables#REPORT_YEAR}. Out: {@link Variables#REPORT_ID}, {@link
     * Variables#REPORT_VERSION}, {@link Variables#REPORT_WARNINGS}, {@link
     * Variables#REPORT_SUMMARY}.
     */
    public static final String COMPUTE_ANNUAL = "indicators.compute-annual";

    /** In: {@link Variables#REPORT_ID}, {@link Variables#REVIEW}. Out: nothing. */
    public static final String REQUEST_CORRECTIONS = "indicators.request-corrections";

    /** In: {@link Variables#REPORT_ID}. Out: {@link Variables#REPORT_PDF_DOCUMENT_ID}. */
    public static final String PUBLISH_ANNUAL = "indicators.publish-annual";

    private JobTypes() {}
  }

  /** Process variables. */
  public static final class Variables {

    /** The year reported on (number). */
    public static final String REPORT_YEAR = "reportYear";

    /** Whether the daily check found the report of year N−1 due and claimed it (boolean). */
    public static final String REPORT_DUE = "reportDue";

    /** Id of the frozen report version (number). */
    public static final String REPORT_ID = "reportId";

    /** Version number of the frozen report (number). */
    public static final String REPORT_VERSION = "reportVersion";

    /** Warnings of the frozen version as one French text (« aucun » when none), for the review. */
    public static final String REPORT_WARNINGS = "reportWarnings";

    /** The headline figures as one French text, shown in the review task. */
    public static final String REPORT_SUMMARY = "reportSummary";

    /** Auditor's review: {decision: PUBLISH or CORRECT, comment}. */
    public static final String REVIEW = "review";

    /** Asset manager's answer to a correction request: {note}. */
    public static final String CORRECTIONS = "corrections";

    /** Public id of the published PDF. */
    public static final String REPORT_PDF_DOCUMENT_ID = "reportPdfDocumentId";

    private Variables() {}
  }

  /** Values of {@code review.decision}. */
  public static final class ReviewDecisions {

    public static final String PUBLISH = "PUBLISH";
    public static final String CORRECT = "CORRECT";

    private ReviewDecisions() {}
  }

  /** Form ids of the user tasks. */
  public static final class Forms {

    public static final String VERIFY_INDICATORS = "verify-indicators";
    public static final String CORRECT_INDICATORS_DATA = "correct-indicators-data";

    private Forms() {}
  }

  /** Timer values. */
  public static final class Timers {

    /** The daily check of whether the annual report is due. */
    public static final String DAILY_CHECK = "R/P1D";

    private Timers() {}
  }

  private IndicatorsAnnualReportProcess() {}
}
