package fr.secondevie.suppliers;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/**
 * The supplier's answer to one criterion and the evaluator's decision on its evidence. Any change
 * of the answer or of its evidence sets the evaluation back to {@link EvidenceEvaluation#PENDING}.
 *
 * @param answer as stored by {@link Criterion#normalize}; null when not answered
 */
@Table("supplier_answer")
public record Answer(
    String criterionCode,
    String answer,
    String comment,
    Instant updatedAt,
    EvidenceEvaluation evaluation,
    String evaluationReason,
    String evaluatedBy,
    Instant evaluatedAt) {

  static Answer of(String criterionCode, String answer, String comment, Instant now) {
    return new Answer(
        criterionCode, answer, comment, now, EvidenceEvaluation.PENDING, null, null, null);
  }

  Answer changed(String newAnswer, String newComment, Instant now) {
    return new Answer(
        criterionCode, newAnswer, newComment, now, EvidenceEvaluation.PENDING, null, null, null);
  }

  Answer evidenceChanged(Instant now) {
    return new Answer(
        criterionCode, answer, comment, now, EvidenceEvaluation.PENDING, null, null, null);
  }

  Answer evaluated(EvidenceEvaluation decision, String reason, String evaluator, Instant now) {
    return new Answer(criterionCode, answer, comment, updatedAt, decision, reason, evaluator, now);
  }
}
