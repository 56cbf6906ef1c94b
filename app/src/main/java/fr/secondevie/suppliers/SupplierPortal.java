package fr.secondevie.suppliers;

import fr.secondevie.common.InputError;
import fr.secondevie.common.InvalidInputException;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.documents.UploadPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public supplier portal: everything a token opens, and nothing else. Every method resolves the
 * token first; a wrong, expired or revoked token throws {@link PortalAccessException} before
 * anything is read.
 */
@Service
public class SupplierPortal {

  /** Upload rules of evidence files: PDF, PNG or JPEG, 10 MB at most. */
  public static final UploadPolicy POLICY = UploadPolicy.EVIDENCE;

  private static final int MAX_COMMENT = 2000;

  private final PortalTokens tokens;
  private final SupplierApplicationRepository applications;
  private final SupplierRepository suppliers;
  private final QuestionnaireCatalog catalog;
  private final DocumentService documents;
  private final SupplierProcesses processes;
  private final Clock clock;

  SupplierPortal(
      PortalTokens tokens,
      SupplierApplicationRepository applications,
      SupplierRepository suppliers,
      QuestionnaireCatalog catalog,
      DocumentService documents,
      SupplierProcesses processes,
      Clock clock) {
    this.tokens = tokens;
    this.applications = applications;
    this.suppliers = suppliers;
    this.catalog = catalog;
    this.documents = documents;
    this.processes = processes;
    this.clock = clock;
  }

  /** What the portal shows: the application of the token, its supplier and questionnaire. */
  public record PortalView(
      SupplierApplication application,
      Supplier supplier,
      Questionnaire questionnaire,
      Scoring.ScoreCard scoreCard) {

    public boolean editable() {
      return application.getStatus() == SupplierApplicationStatus.OPEN;
    }
  }

  /** What refused answers or files are, the subject of their {@link InvalidInputException}. */
  static final String ANSWERS_REFUSED = "Réponses à corriger";

  private static final String ANSWERS = "answers";
  private static final String FILES = "files";

  /** The field of the answer to criterion {@code code} in refused input: {@code answers[CODE]}. */
  private static String answerField(String code) {
    return field(ANSWERS, code);
  }

  /** The field of the files for criterion {@code code} in refused input: {@code files[CODE]}. */
  private static String fileField(String code) {
    return field(FILES, code);
  }

  /**
   * The answers refused by {@link #save} or {@link #submit}: criterion code to message, in order.
   */
  public static Map<String, String> answerProblems(InvalidInputException refused) {
    return byCriterion(refused, ANSWERS);
  }

  /** The files refused by {@link #save}: criterion code to message, in order. */
  public static Map<String, String> fileProblems(InvalidInputException refused) {
    return byCriterion(refused, FILES);
  }

  /** A file chosen for a criterion. */
  public record Upload(String criterionCode, String filename, byte[] content) {}

  @Transactional(readOnly = true)
  public PortalView open(String token) {
    SupplierApplication application = applicationOf(token);
    Questionnaire questionnaire = catalog.get(application.getQuestionnaireVersion());
    return new PortalView(
        application,
        suppliers.findById(application.getSupplierId()).orElseThrow(),
        questionnaire,
        Scoring.score(questionnaire, application.getAnswers(), application.getEvidence()));
  }

  /**
   * Saves the answers as a draft and stores the chosen evidence files, all or nothing: every answer
   * and every file is checked first (type read from the content, size), and on any problem nothing
   * at all is stored.
   *
   * @param answers criterion code → answer as typed (blank: not answered)
   * @param comments criterion code → optional comment
   * @throws InvalidInputException an answer or a file is refused ({@link #answerProblems}, {@link
   *     #fileProblems}), in the order the portal shows the criteria
   */
  @Transactional
  public void save(
      String token,
      Map<String, String> answers,
      Map<String, String> comments,
      List<Upload> uploads) {
    SupplierApplication application = applicationOf(token);
    if (application.getStatus() != SupplierApplicationStatus.OPEN) {
      throw new SupplierApplicationStateException(
          "Vos réponses ont été transmises : elles ne peuvent plus être modifiées.");
    }
    Questionnaire questionnaire = catalog.get(application.getQuestionnaireVersion());
    Map<String, String> problems = new LinkedHashMap<>();
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, String> notes = new LinkedHashMap<>();
    answers.forEach(
        (code, typed) -> {
          Criterion criterion = questionnaire.criterion(code).orElse(null);
          if (criterion == null) {
            problems.put(code, "Critère inconnu.");
            return;
          }
          String problem = criterion.problem(typed);
          if (problem != null) {
            problems.put(code, problem);
          } else {
            values.put(code, criterion.normalize(typed));
          }
        });
    comments.forEach(
        (code, comment) -> {
          if (questionnaire.criterion(code).isEmpty()) {
            problems.put(code, "Critère inconnu.");
          } else if (comment != null && comment.length() > MAX_COMMENT) {
            problems.put(code, "Le commentaire compte au plus " + MAX_COMMENT + " caractères.");
          } else {
            notes.put(code, comment == null || comment.isBlank() ? null : comment.strip());
          }
        });
    Map<String, String> fileProblems = new LinkedHashMap<>();
    for (Upload upload : uploads) {
      if (questionnaire.criterion(upload.criterionCode()).isEmpty()) {
        fileProblems.put(upload.criterionCode(), "Critère inconnu.");
        continue;
      }
      try {
        POLICY.check(safeName(upload.filename()), upload.content());
      } catch (InvalidInputException e) {
        for (InputError error : e.inputErrors()) {
          fileProblems.merge(upload.criterionCode(), error.message(), (a, b) -> a + " " + b);
        }
      }
    }
    if (!problems.isEmpty() || !fileProblems.isEmpty()) {
      throw refused(questionnaire, problems, fileProblems);
    }
    Instant now = now();
    application.answer(values, notes, now);
    for (Upload upload : uploads) {
      String name = safeName(upload.filename());
      StoredDocument document =
          documents.storeUpload(
              POLICY,
              DocumentKind.SUPPLIER_EVIDENCE,
              name,
              upload.content(),
              application.ownerRef(),
              "fournisseur:" + application.getContactEmail());
      application.addEvidence(
          new Evidence(
              document.publicId(),
              upload.criterionCode(),
              name,
              document.contentType(),
              document.sizeBytes(),
              application.getRound(),
              now),
          now);
    }
    applications.save(application);
  }

  /** Detaches an evidence file from the answer (the stored document is kept as history). */
  @Transactional
  public void removeEvidence(String token, String documentId) {
    SupplierApplication application = applicationOf(token);
    application.removeEvidence(documentId, now());
    applications.save(application);
  }

  /** An evidence file of the token's application (never another application's). */
  @Transactional(readOnly = true)
  public Download evidence(String token, String documentId) {
    SupplierApplication application = applicationOf(token);
    Evidence evidence =
        application
            .evidence(documentId)
            .orElseThrow(() -> new PortalAccessException(PortalAccessException.Reason.UNKNOWN));
    StoredDocument document =
        documents
            .find(evidence.documentId())
            .filter(d -> application.ownerRef().equals(d.ownerRef()))
            .orElseThrow(() -> new PortalAccessException(PortalAccessException.Reason.UNKNOWN));
    return new Download(document.filename(), document.contentType(), documents.content(document));
  }

  /** A file to send back to the supplier. */
  public record Download(String filename, String contentType, byte[] content) {}

  /**
   * Submits the answers: every criterion must be answered. Publishes {@code
   * QuestionnaireSubmitted}; if the runtime cannot be reached nothing changes.
   *
   * @return the positive answers sent without evidence (they will score zero)
   * @throws InvalidInputException criteria without answer ({@link #answerProblems}), in the order
   *     the portal shows them
   */
  @Transactional
  public List<String> submit(String token) {
    SupplierApplication application = applicationOf(token);
    Questionnaire questionnaire = catalog.get(application.getQuestionnaireVersion());
    Scoring.ScoreCard card =
        Scoring.score(questionnaire, application.getAnswers(), application.getEvidence());
    Map<String, String> problems = new LinkedHashMap<>();
    List<String> unjustified = new ArrayList<>();
    for (Scoring.Line line : card.lines()) {
      if (line.state() == Scoring.State.NOT_ANSWERED) {
        problems.put(line.criterion().code(), "Répondez à cette question avant de transmettre.");
      } else if (line.state() == Scoring.State.UNJUSTIFIED) {
        unjustified.add(line.criterion().code());
      }
    }
    if (!problems.isEmpty()) {
      throw refused(questionnaire, problems, Map.of());
    }
    Instant now = now();
    application.submit(now);
    applications.save(application);
    Map<String, Object> submission = new LinkedHashMap<>();
    submission.put("round", application.getRound());
    submission.put("submittedAt", now.toString());
    submission.put(
        "answeredCriteria", card.lines().size() - card.count(Scoring.State.NOT_ANSWERED));
    submission.put("evidenceFiles", application.getEvidence().size());
    processes.publishQuestionnaireSubmitted(
        application.getId(), application.getRound(), submission);
    return unjustified;
  }

  /**
   * The refusal of answers and files by criterion code: for each criterion in the order the portal
   * shows them (by axis, then in the questionnaire's order) its answer's problem then its files';
   * codes the questionnaire does not know come last, in the order found.
   */
  private static InvalidInputException refused(
      Questionnaire questionnaire,
      Map<String, String> answerProblems,
      Map<String, String> fileProblems) {
    List<InputError> errors = new ArrayList<>();
    for (List<Criterion> criteria : questionnaire.byAxis().values()) {
      for (Criterion criterion : criteria) {
        String code = criterion.code();
        if (answerProblems.containsKey(code)) {
          errors.add(InputError.of(answerField(code), answerProblems.get(code)));
        }
        if (fileProblems.containsKey(code)) {
          errors.add(InputError.of(fileField(code), fileProblems.get(code)));
        }
      }
    }
    answerProblems.forEach(
        (code, message) -> {
          if (questionnaire.criterion(code).isEmpty()) {
            errors.add(InputError.of(answerField(code), message));
          }
        });
    fileProblems.forEach(
        (code, message) -> {
          if (questionnaire.criterion(code).isEmpty()) {
            errors.add(InputError.of(fileField(code), message));
          }
        });
    return new InvalidInputException(ANSWERS_REFUSED, errors);
  }

  private static String field(String kind, String code) {
    return kind + "[" + code + "]";
  }

  private static Map<String, String> byCriterion(InvalidInputException refused, String kind) {
    String prefix = kind + "[";
    Map<String, String> problems = new LinkedHashMap<>();
    refused
        .errors()
        .forEach(
            (field, message) -> {
              if (field.startsWith(prefix) && field.endsWith("]")) {
                problems.put(field.substring(prefix.length(), field.length() - 1), message);
              }
            });
    return problems;
  }

  private SupplierApplication applicationOf(String token) {
    long applicationId = tokens.resolve(token);
    SupplierApplication application =
        applications
            .findById(applicationId)
            .orElseThrow(() -> new PortalAccessException(PortalAccessException.Reason.UNKNOWN));
    if (application.getStatus().isClosed()) {
      throw new PortalAccessException(PortalAccessException.Reason.CLOSED);
    }
    return application;
  }

  /** The file's own name, without any path a browser may send. */
  static String safeName(String filename) {
    if (filename == null || filename.isBlank()) {
      return "justificatif";
    }
    String name = filename.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).strip();
    name = name.replaceAll("[\\p{Cntrl}]", "");
    if (name.length() > 200) {
      int dot = name.lastIndexOf('.');
      String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
      name = name.substring(0, 200 - extension.length()) + extension;
    }
    return name.isBlank() ? "justificatif" : name;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
