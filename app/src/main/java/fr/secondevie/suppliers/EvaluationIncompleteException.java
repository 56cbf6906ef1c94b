package fr.secondevie.suppliers;

import java.util.List;
import java.util.Map;

/**
 * An evaluation that leaves a criterion undecided or a refusal without reason; nothing was
 * recorded.
 */
public class EvaluationIncompleteException extends RuntimeException {

  private final List<ReviewItem> review;
  private final Map<String, String> problems;

  EvaluationIncompleteException(List<ReviewItem> review, Map<String, String> problems) {
    super(
        "Évaluation incomplète : "
            + problems.entrySet().stream()
                .map(e -> e.getKey() + " — " + e.getValue())
                .reduce((a, b) -> a + " ; " + b)
                .orElse(""));
    this.review = List.copyOf(review);
    this.problems = Map.copyOf(problems);
  }

  /** The review list with what the evaluator gave and, per criterion, the issue. */
  public List<ReviewItem> review() {
    return review;
  }

  /** Criterion code → French message. */
  public Map<String, String> problems() {
    return problems;
  }
}
