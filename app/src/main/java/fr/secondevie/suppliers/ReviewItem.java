package fr.secondevie.suppliers;

/**
 * One criterion the evaluator decides on: an item of the process variable {@code evidenceReview}
 * (the list of form {@code evaluate-evidence}) and a row of the evaluation page.
 *
 * @param answer the declared answer as people read it
 * @param evidence the evidence files, one per line: name, size and link
 * @param decision {@code ACCEPTED}, {@code REJECTED} or null (not decided)
 * @param issue what the evaluator must still do, after an incomplete evaluation
 */
public record ReviewItem(
    String code,
    String axis,
    String axisLabel,
    String question,
    String expectedEvidence,
    String answer,
    String evidence,
    String decision,
    String reason,
    String issue) {

  ReviewItem withDecision(String newDecision, String newReason, String newIssue) {
    return new ReviewItem(
        code,
        axis,
        axisLabel,
        question,
        expectedEvidence,
        answer,
        evidence,
        newDecision,
        newReason,
        newIssue);
  }
}
