package fr.secondevie.suppliers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed questionnaire we wrote: at least 20 criteria on the five axes, all scorable. */
class QuestionnaireSeedTest {

  private static Questionnaire seed() throws IOException {
    try (InputStream in =
        QuestionnaireSeedTest.class.getResourceAsStream("/suppliers/questionnaire-2025.1.json")) {
      return new ObjectMapper().findAndRegisterModules().readValue(in, Questionnaire.class);
    }
  }

  @Test
  void shouldHoldAtLeastTwentyCriteriaOnTheFiveAxes() throws IOException {
    // when
    Questionnaire questionnaire = seed();

    // then
    assertThat(questionnaire.version()).isEqualTo("2025.1");
    assertThat(questionnaire.criteria()).hasSizeGreaterThanOrEqualTo(20);
    Map<Axis, java.util.List<Criterion>> byAxis = questionnaire.byAxis();
    assertThat(byAxis.keySet()).containsExactly(Axis.values());
    assertThat(byAxis.values()).allSatisfy(criteria -> assertThat(criteria).isNotEmpty());
  }

  @Test
  void shouldAskQuestionsWithTheirEvidenceAndAReachableFullScore() throws IOException {
    // given
    Questionnaire questionnaire = seed();

    // when / then
    for (Criterion criterion : questionnaire.criteria()) {
      assertThat(criterion.question()).as(criterion.code()).endsWith("?");
      assertThat(criterion.expectedEvidence()).as(criterion.code()).isNotBlank();
      assertThat(criterion.code()).matches("(ENV|ETH|ACC|RES|VAL)-\\d{2}");
      String best =
          switch (criterion.answerType()) {
            case YES_NO -> Criterion.YES;
            case CHOICE -> criterion.options().get(criterion.options().size() - 1).value();
            case NUMBER -> criterion.thresholds().get(0).min().toPlainString();
          };
      assertThat(criterion.fraction(best)).as(criterion.code()).isEqualByComparingTo("1");
    }
  }

  @Test
  void shouldCoverTheCriteriaTheHospitalAsksFor() throws IOException {
    // given
    String questions =
        String.join(" ", seed().criteria().stream().map(Criterion::question).toList());

    // when / then
    assertThat(questions)
        .contains("reconditionné")
        .contains("reprenez")
        .contains("pièces détachées")
        .contains("garantie")
        .contains("réparabilité")
        .contains("emballés")
        .contains("gaz à effet de serre")
        .contains("accessibles")
        .contains("entreprises adaptées, ESAT")
        .contains("conditions de travail");
  }
}
