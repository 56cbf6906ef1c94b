package fr.secondevie.suppliers;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.suppliers.Criterion.Option;
import fr.secondevie.suppliers.Criterion.Threshold;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Only justified answers score; weights and fractions make the score. */
class ScoringTest {

  private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  /** Six criteria, one per axis and two on the environment, total weight 10. */
  private static Questionnaire questionnaire() {
    return new Questionnaire(
        "test",
        "Questionnaire de test",
        LocalDate.of(2025, 1, 1),
        "",
        "",
        List.of(
            yesNo("ENV-1", Axis.ENVIRONMENT, 3),
            new Criterion(
                "ENV-2",
                Axis.ENVIRONMENT,
                2,
                "Durée de garantie ?",
                "Conditions de garantie",
                AnswerType.NUMBER,
                "mois",
                null,
                List.of(
                    new Threshold(new BigDecimal("24"), new BigDecimal("0.25")),
                    new Threshold(new BigDecimal("60"), BigDecimal.ONE),
                    new Threshold(new BigDecimal("36"), new BigDecimal("0.5")))),
            new Criterion(
                "ETH-1",
                Axis.ETHICS,
                2,
                "Dispositif anticorruption ?",
                "Code de conduite",
                AnswerType.CHOICE,
                null,
                List.of(
                    new Option("NONE", "Aucun", BigDecimal.ZERO),
                    new Option("SOME", "Un code", new BigDecimal("0.5")),
                    new Option("ALL", "Complet", BigDecimal.ONE)),
                null),
            yesNo("ACC-1", Axis.ACCESSIBILITY, 1),
            yesNo("RES-1", Axis.RESILIENCE, 1),
            yesNo("VAL-1", Axis.VALUES, 1)));
  }

  private static Criterion yesNo(String code, Axis axis, int weight) {
    return new Criterion(
        code,
        axis,
        weight,
        "Question " + code + " ?",
        "Preuve",
        AnswerType.YES_NO,
        null,
        null,
        null);
  }

  private static Answer answer(String code, String value, EvidenceEvaluation evaluation) {
    return new Answer(code, value, null, NOW, evaluation, null, null, null);
  }

  private static Evidence file(String code) {
    return new Evidence(
        java.util.UUID.randomUUID().toString(), code, code + ".pdf", "application/pdf", 10, 1, NOW);
  }

  /** Every criterion answered at its best except the warranty (36 months) and ethics (SOME). */
  private static List<Answer> answers(EvidenceEvaluation evaluation) {
    return new ArrayList<>(
        List.of(
            answer("ENV-1", "YES", evaluation),
            answer("ENV-2", "36", evaluation),
            answer("ETH-1", "SOME", evaluation),
            answer("ACC-1", "YES", evaluation),
            answer("RES-1", "YES", evaluation),
            answer("VAL-1", "YES", evaluation)));
  }

  private static List<Evidence> evidenceForAll() {
    return new ArrayList<>(
        List.of(
            file("ENV-1"),
            file("ENV-2"),
            file("ETH-1"),
            file("ACC-1"),
            file("RES-1"),
            file("VAL-1")));
  }

  @Test
  void shouldWeighEachAnswerByItsCriterion() {
    // given: 3×1 + 2×0.5 + 2×0.5 + 1 + 1 + 1 = 8 points of 10
    List<Answer> answers = answers(EvidenceEvaluation.ACCEPTED);

    // when
    Scoring.ScoreCard card = Scoring.score(questionnaire(), answers, evidenceForAll());

    // then
    assertThat(card.declarativeScore()).isEqualByComparingTo("80.0");
    assertThat(card.justifiedScore()).isEqualByComparingTo("80.0");
    assertThat(card.axesCovered()).isEqualTo(5);
    assertThat(card.justifiedByAxis().get(Axis.ENVIRONMENT)).isEqualByComparingTo("80.0");
  }

  @Test
  void shouldScoreZeroForAPositiveAnswerWithoutEvidence() {
    // given: the weight-3 criterion has no file
    List<Evidence> evidence = evidenceForAll();
    evidence.removeIf(e -> e.criterionCode().equals("ENV-1"));

    // when
    Scoring.ScoreCard card =
        Scoring.score(questionnaire(), answers(EvidenceEvaluation.ACCEPTED), evidence);

    // then
    assertThat(card.declarativeScore()).isEqualByComparingTo("80.0");
    assertThat(card.justifiedScore()).isEqualByComparingTo("50.0");
    assertThat(card.lines().get(0).state()).isEqualTo(Scoring.State.UNJUSTIFIED);
    assertThat(card.toReview()).extracting(l -> l.criterion().code()).doesNotContain("ENV-1");
  }

  @Test
  void shouldScoreZeroForRejectedOrNotYetEvaluatedEvidence() {
    // given
    List<Answer> answers = answers(EvidenceEvaluation.PENDING);
    answers.set(0, answer("ENV-1", "YES", EvidenceEvaluation.REJECTED));
    answers.set(3, answer("ACC-1", "YES", EvidenceEvaluation.ACCEPTED));

    // when
    Scoring.ScoreCard card = Scoring.score(questionnaire(), answers, evidenceForAll());

    // then: only ACC-1 (weight 1) counts
    assertThat(card.justifiedScore()).isEqualByComparingTo("10.0");
    assertThat(card.axesCovered()).isEqualTo(1);
    assertThat(card.count(Scoring.State.REJECTED)).isEqualTo(1);
    assertThat(card.count(Scoring.State.PENDING)).isEqualTo(4);
    assertThat(card.toReview()).hasSize(6);
  }

  @Test
  void shouldLetAHeavierCriterionWeighMore() {
    // given: the same single accepted answer, on a weight-3 or a weight-1 criterion
    List<Answer> heavy = answers(EvidenceEvaluation.PENDING);
    heavy.set(0, answer("ENV-1", "YES", EvidenceEvaluation.ACCEPTED));
    List<Answer> light = answers(EvidenceEvaluation.PENDING);
    light.set(5, answer("VAL-1", "YES", EvidenceEvaluation.ACCEPTED));

    // when
    BigDecimal heavyScore =
        Scoring.score(questionnaire(), heavy, evidenceForAll()).justifiedScore();
    BigDecimal lightScore =
        Scoring.score(questionnaire(), light, evidenceForAll()).justifiedScore();

    // then
    assertThat(heavyScore).isEqualByComparingTo("30.0");
    assertThat(lightScore).isEqualByComparingTo("10.0");
  }

  @Test
  void shouldNeedNoEvidenceForANegativeAnswerNorForNoAnswer() {
    // given
    List<Answer> answers =
        List.of(
            answer("ENV-1", "NO", EvidenceEvaluation.PENDING),
            answer("ETH-1", "NONE", EvidenceEvaluation.PENDING),
            answer("ENV-2", "12", EvidenceEvaluation.PENDING));

    // when
    Scoring.ScoreCard card = Scoring.score(questionnaire(), answers, List.of());

    // then
    assertThat(card.declarativeScore()).isEqualByComparingTo("0.0");
    assertThat(card.count(Scoring.State.DECLARED_ZERO)).isEqualTo(3);
    assertThat(card.count(Scoring.State.NOT_ANSWERED)).isEqualTo(3);
    assertThat(card.toReview()).isEmpty();
  }

  @Test
  void shouldGiveTheFractionOfTheHighestThresholdReached() {
    // given
    Criterion warranty = questionnaire().criterion("ENV-2").orElseThrow();

    // when / then
    assertThat(warranty.fraction("23.9")).isEqualByComparingTo("0");
    assertThat(warranty.fraction("24")).isEqualByComparingTo("0.25");
    assertThat(warranty.fraction("36")).isEqualByComparingTo("0.5");
    assertThat(warranty.fraction("59")).isEqualByComparingTo("0.5");
    assertThat(warranty.fraction("60")).isEqualByComparingTo("1");
    assertThat(warranty.normalize("36,0")).isEqualTo("36");
    assertThat(warranty.problem("trois ans")).contains("nombre");
    assertThat(warranty.problem("-1")).isNotNull();
    assertThat(warranty.display("36")).isEqualTo("36 mois");
  }

  @Test
  void shouldRoundScoresHalfUpToOneDecimal() {
    // when / then
    assertThat(Scoring.percent(BigDecimal.ONE, BigDecimal.valueOf(3))).isEqualByComparingTo("33.3");
    assertThat(Scoring.percent(BigDecimal.valueOf(2), BigDecimal.valueOf(3)))
        .isEqualByComparingTo("66.7");
    assertThat(Scoring.percent(new BigDecimal("0.75"), BigDecimal.valueOf(2)))
        .isEqualByComparingTo("37.5");
  }
}
