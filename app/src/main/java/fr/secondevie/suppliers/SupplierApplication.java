package fr.secondevie.suppliers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A supplier's application to be referenced: one run of process P4 (its instance key is unique),
 * the questionnaire version it answers, the answers and evidence, the evaluation and the outcome.
 * Its answers can change only while it is {@link SupplierApplicationStatus#OPEN}.
 */
@Table("supplier_application")
public class SupplierApplication {

  @Id private Long id;
  @Version private Integer version;
  private long supplierId;
  private String questionnaireVersion;
  private long processInstanceKey;
  private String origin;
  private String sadReference;
  private String contactName;
  private String contactEmail;
  private SupplierApplicationStatus status;
  private int round;
  private Instant deadline;
  private Instant submittedAt;
  private BigDecimal declarativeScore;
  private BigDecimal justifiedScore;
  private Integer axesCovered;
  private Integer maturityLevel;
  private Integer tenderBonus;
  private String evaluationComment;
  private String evaluatedBy;
  private Instant evaluatedAt;
  private String decisionReason;
  private Instant closedAt;
  private String registeredBy;
  private Instant registeredAt;

  @MappedCollection(idColumn = "application_id")
  private Set<Answer> answers = new HashSet<>();

  @MappedCollection(idColumn = "application_id")
  private Set<Evidence> evidence = new HashSet<>();

  SupplierApplication() {}

  static SupplierApplication register(
      long supplierId,
      String questionnaireVersion,
      long processInstanceKey,
      String origin,
      String sadReference,
      SupplierContact contact,
      String registeredBy,
      Instant now) {
    SupplierApplication application = new SupplierApplication();
    application.supplierId = supplierId;
    application.questionnaireVersion = questionnaireVersion;
    application.processInstanceKey = processInstanceKey;
    application.origin = origin;
    application.sadReference = sadReference;
    application.contactName = contact.name();
    application.contactEmail = contact.email();
    application.status = SupplierApplicationStatus.REGISTERED;
    application.registeredBy = registeredBy;
    application.registeredAt = now;
    return application;
  }

  /**
   * Opens the next round of answers: the first invitation, or more evidence requested by the buyer
   * with {@code reason}.
   */
  int open(Instant deadline, String reason) {
    if (status != SupplierApplicationStatus.REGISTERED
        && status != SupplierApplicationStatus.EVALUATED) {
      throw new SupplierApplicationStateException(
          "La candidature " + id + " ne peut pas être rouverte : " + status.label() + ".");
    }
    this.status = SupplierApplicationStatus.OPEN;
    this.round++;
    this.deadline = deadline;
    if (reason != null) {
      this.decisionReason = reason;
    }
    return round;
  }

  /** Replaces the given answers; an answer that changes is evaluated again. */
  void answer(Map<String, String> values, Map<String, String> comments, Instant now) {
    requireOpen();
    Set<String> codes = new HashSet<>(values.keySet());
    codes.addAll(comments.keySet());
    for (String code : codes) {
      Optional<Answer> existing = answer(code);
      String value =
          values.containsKey(code) ? values.get(code) : existing.map(Answer::answer).orElse(null);
      String comment =
          comments.containsKey(code)
              ? comments.get(code)
              : existing.map(Answer::comment).orElse(null);
      if (existing.isEmpty()) {
        if (value != null || comment != null) {
          answers.add(Answer.of(code, value, comment, now));
        }
      } else if (!java.util.Objects.equals(existing.get().answer(), value)
          || !java.util.Objects.equals(existing.get().comment(), comment)) {
        answers.remove(existing.get());
        answers.add(existing.get().changed(value, comment, now));
      }
    }
  }

  void addEvidence(Evidence file, Instant now) {
    requireOpen();
    evidence.add(file);
    resetEvaluation(file.criterionCode(), now);
  }

  Evidence removeEvidence(String documentId, Instant now) {
    requireOpen();
    Evidence file =
        evidence.stream()
            .filter(e -> e.documentId().equals(documentId))
            .findFirst()
            .orElseThrow(
                () ->
                    new SupplierApplicationStateException(
                        "Ce justificatif n'appartient pas à la candidature."));
    evidence.remove(file);
    resetEvaluation(file.criterionCode(), now);
    return file;
  }

  private void resetEvaluation(String code, Instant now) {
    Optional<Answer> existing = answer(code);
    if (existing.isPresent()) {
      answers.remove(existing.get());
      answers.add(existing.get().evidenceChanged(now));
    } else {
      answers.add(Answer.of(code, null, null, now));
    }
  }

  void submit(Instant now) {
    requireOpen();
    this.status = SupplierApplicationStatus.SUBMITTED;
    this.submittedAt = now;
  }

  void preScored(BigDecimal declarativeScore) {
    this.declarativeScore = declarativeScore;
  }

  /** Records the evaluator's decision on one criterion (unchanged decisions keep their author). */
  void evaluate(
      String code, EvidenceEvaluation decision, String reason, String evaluator, Instant now) {
    requireEvaluable();
    Answer existing =
        answer(code)
            .orElseThrow(
                () ->
                    new SupplierApplicationStateException(
                        "Aucune réponse au critère " + code + "."));
    if (existing.evaluation() == decision
        && java.util.Objects.equals(existing.evaluationReason(), reason)) {
      return;
    }
    answers.remove(existing);
    answers.add(existing.evaluated(decision, reason, evaluator, now));
  }

  void evaluated(
      BigDecimal justifiedScore, int axesCovered, String comment, String evaluator, Instant now) {
    requireEvaluable();
    this.justifiedScore = justifiedScore;
    this.axesCovered = axesCovered;
    this.evaluationComment = comment;
    this.evaluatedBy = evaluator;
    this.evaluatedAt = now;
    this.status = SupplierApplicationStatus.EVALUATED;
  }

  void reference(int maturityLevel, int tenderBonus, String reason, Instant now) {
    if (status != SupplierApplicationStatus.EVALUATED) {
      throw new SupplierApplicationStateException(
          "La candidature " + id + " ne peut pas être référencée : " + status.label() + ".");
    }
    this.maturityLevel = maturityLevel;
    this.tenderBonus = tenderBonus;
    this.decisionReason = reason;
    this.status = SupplierApplicationStatus.REFERENCED;
    this.closedAt = now;
  }

  void close(SupplierApplicationStatus closure, String reason, Instant now) {
    if (!closure.isClosed() || closure == SupplierApplicationStatus.REFERENCED) {
      throw new IllegalArgumentException("Expected a closing status but got " + closure);
    }
    this.status = closure;
    this.decisionReason = reason;
    this.closedAt = now;
  }

  void keepMaturity(Integer maturityLevel, Integer tenderBonus) {
    this.maturityLevel = maturityLevel;
    this.tenderBonus = tenderBonus;
  }

  private void requireOpen() {
    if (status != SupplierApplicationStatus.OPEN) {
      throw new SupplierApplicationStateException(
          switch (status) {
            case SUBMITTED, EVALUATED ->
                "Vos réponses ont été transmises : elles ne peuvent plus être modifiées.";
            case REGISTERED -> "Le questionnaire n'est pas encore ouvert.";
            default -> "Cette candidature est close.";
          });
    }
  }

  private void requireEvaluable() {
    if (status != SupplierApplicationStatus.SUBMITTED
        && status != SupplierApplicationStatus.EVALUATED) {
      throw new SupplierApplicationStateException(
          "Les justificatifs de la candidature "
              + id
              + " ne peuvent pas être évalués : "
              + status.label()
              + ".");
    }
  }

  public Optional<Answer> answer(String code) {
    return answers.stream().filter(a -> a.criterionCode().equals(code)).findFirst();
  }

  public List<Evidence> evidenceFor(String code) {
    return evidence.stream()
        .filter(e -> e.criterionCode().equals(code))
        .sorted(Comparator.comparing(Evidence::uploadedAt).thenComparing(Evidence::filename))
        .toList();
  }

  public Optional<Evidence> evidence(String documentId) {
    return evidence.stream().filter(e -> e.documentId().equals(documentId)).findFirst();
  }

  public Set<Answer> getAnswers() {
    return Set.copyOf(answers);
  }

  public Set<Evidence> getEvidence() {
    return Set.copyOf(evidence);
  }

  /** What documents of this application are owned by ({@code StoredDocument.ownerRef}). */
  public String ownerRef() {
    return ownerRef(id);
  }

  static String ownerRef(long applicationId) {
    return "supplier-application:" + applicationId;
  }

  public Long getId() {
    return id;
  }

  public long getSupplierId() {
    return supplierId;
  }

  public String getQuestionnaireVersion() {
    return questionnaireVersion;
  }

  public long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public String getOrigin() {
    return origin;
  }

  public String getSadReference() {
    return sadReference;
  }

  public String getContactName() {
    return contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public SupplierApplicationStatus getStatus() {
    return status;
  }

  public int getRound() {
    return round;
  }

  public Instant getDeadline() {
    return deadline;
  }

  public Instant getSubmittedAt() {
    return submittedAt;
  }

  public BigDecimal getDeclarativeScore() {
    return declarativeScore;
  }

  public BigDecimal getJustifiedScore() {
    return justifiedScore;
  }

  public Integer getAxesCovered() {
    return axesCovered;
  }

  public Integer getMaturityLevel() {
    return maturityLevel;
  }

  public Integer getTenderBonus() {
    return tenderBonus;
  }

  public String getEvaluationComment() {
    return evaluationComment;
  }

  public String getEvaluatedBy() {
    return evaluatedBy;
  }

  public Instant getEvaluatedAt() {
    return evaluatedAt;
  }

  public String getDecisionReason() {
    return decisionReason;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getRegisteredBy() {
    return registeredBy;
  }

  public Instant getRegisteredAt() {
    return registeredAt;
  }
}
