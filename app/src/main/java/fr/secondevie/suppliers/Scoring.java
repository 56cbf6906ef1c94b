package fr.secondevie.suppliers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scores an application against its questionnaire. With <i>f</i> the fraction of each answer and
 * <i>w</i> the weight of its criterion:
 *
 * <ul>
 *   <li>declarative score = 100 × Σ w·f / Σ w over every criterion of the questionnaire;
 *   <li>justified score = the same sum over the criteria whose evidence was <b>accepted</b>: an
 *       answer without evidence, or whose evidence was refused or not yet evaluated, scores 0;
 *   <li>axes covered = the axes with at least one accepted criterion of positive fraction.
 * </ul>
 *
 * <p>Scores are rounded half-up to one decimal, as shown to people and given to the decision.
 */
final class Scoring {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Scoring() {}

  /** What a criterion contributes. */
  public enum State {
    /** No answer: 0. */
    NOT_ANSWERED("Sans réponse"),
    /** Answered with nothing to claim (non, aucun…): 0, nothing to justify. */
    DECLARED_ZERO("Réponse sans point"),
    /** A positive answer without any evidence file: 0. */
    UNJUSTIFIED("Non justifiée"),
    /** A positive answer with evidence, not evaluated yet: 0 until accepted. */
    PENDING("Justificatif à évaluer"),
    ACCEPTED("Justificatif accepté"),
    REJECTED("Justificatif refusé");

    private final String label;

    State(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** Whether the evaluator must decide on this criterion's evidence. */
    public boolean needsReview() {
      return this == PENDING || this == ACCEPTED || this == REJECTED;
    }
  }

  /** One criterion's line. */
  public record Line(
      Criterion criterion,
      String answer,
      BigDecimal fraction,
      State state,
      BigDecimal declaredPoints,
      BigDecimal justifiedPoints,
      int evidenceFiles) {}

  /** The scores of an application. */
  public record ScoreCard(
      BigDecimal declarativeScore,
      BigDecimal justifiedScore,
      int axesCovered,
      Map<Axis, BigDecimal> justifiedByAxis,
      List<Line> lines) {

    public long count(State state) {
      return lines.stream().filter(l -> l.state() == state).count();
    }

    public List<Line> toReview() {
      return lines.stream().filter(l -> l.state().needsReview()).toList();
    }
  }

  public static ScoreCard score(
      Questionnaire questionnaire, Collection<Answer> answers, Collection<Evidence> evidence) {
    List<Line> lines = new ArrayList<>();
    BigDecimal declared = BigDecimal.ZERO;
    BigDecimal justified = BigDecimal.ZERO;
    Map<Axis, BigDecimal> byAxisPoints = new EnumMap<>(Axis.class);
    Map<Axis, Integer> byAxisWeight = new EnumMap<>(Axis.class);
    Set<Axis> covered = EnumSet.noneOf(Axis.class);
    for (Criterion criterion : questionnaire.criteria()) {
      Answer answer =
          answers.stream()
              .filter(a -> a.criterionCode().equals(criterion.code()))
              .findFirst()
              .orElse(null);
      String value = answer == null ? null : answer.answer();
      BigDecimal fraction = criterion.fraction(value);
      int files =
          (int) evidence.stream().filter(e -> e.criterionCode().equals(criterion.code())).count();
      State state = state(answer, fraction, files);
      BigDecimal weight = BigDecimal.valueOf(criterion.weight());
      BigDecimal declaredPoints = fraction == null ? BigDecimal.ZERO : weight.multiply(fraction);
      BigDecimal justifiedPoints = state == State.ACCEPTED ? declaredPoints : BigDecimal.ZERO;
      declared = declared.add(declaredPoints);
      justified = justified.add(justifiedPoints);
      byAxisPoints.merge(criterion.axis(), justifiedPoints, BigDecimal::add);
      byAxisWeight.merge(criterion.axis(), criterion.weight(), Integer::sum);
      if (justifiedPoints.signum() > 0) {
        covered.add(criterion.axis());
      }
      lines.add(
          new Line(criterion, value, fraction, state, declaredPoints, justifiedPoints, files));
    }
    BigDecimal total = BigDecimal.valueOf(questionnaire.totalWeight());
    Map<Axis, BigDecimal> byAxis = new EnumMap<>(Axis.class);
    byAxisPoints.forEach(
        (axis, points) ->
            byAxis.put(axis, percent(points, BigDecimal.valueOf(byAxisWeight.get(axis)))));
    return new ScoreCard(
        percent(declared, total), percent(justified, total), covered.size(), byAxis, lines);
  }

  private static State state(Answer answer, BigDecimal fraction, int files) {
    if (fraction == null) {
      return State.NOT_ANSWERED;
    }
    if (fraction.signum() == 0) {
      return State.DECLARED_ZERO;
    }
    if (files == 0) {
      return State.UNJUSTIFIED;
    }
    return switch (answer.evaluation()) {
      case ACCEPTED -> State.ACCEPTED;
      case REJECTED -> State.REJECTED;
      case PENDING -> State.PENDING;
    };
  }

  static BigDecimal percent(BigDecimal points, BigDecimal total) {
    if (total.signum() == 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    return points.multiply(HUNDRED).divide(total, 1, RoundingMode.HALF_UP);
  }
}
