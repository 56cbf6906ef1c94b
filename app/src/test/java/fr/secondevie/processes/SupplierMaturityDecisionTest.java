package fr.secondevie.processes;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.processes.SupplierMaturityDecision.Inputs;
import fr.secondevie.processes.SupplierMaturityDecision.Outputs;
import fr.secondevie.processes.SupplierMaturityDecision.Thresholds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either;

/**
 * The decision table {@code supplier-maturity}, evaluated with dmn-scala (the DMN engine of Zeebe):
 * each threshold holds at and on both sides (24.9 / 25 / 25.1, 49.9 / 50 / 50.1, 74.9 / 75 / 75.1)
 * and the axis conditions of levels 3 and 4 cap the level when evidence covers too few axes (2 / 3
 * axes from 50, 4 / 5 axes from 75, up to a score of 100).
 */
class SupplierMaturityDecisionTest {

  private static final Path DMN = Models.bpmnDir().resolve(SupplierMaturityDecision.RESOURCE);
  private static DmnEngine engine;
  private static ParsedDmn decision;

  @BeforeAll
  static void parseTheDecision() throws IOException {
    engine = new DmnEngine.Builder().build();
    try (InputStream in = Files.newInputStream(DMN)) {
      Either<DmnEngine.Failure, ParsedDmn> parsed = engine.parse(in);
      assertThat(parsed.isRight()).as("%s", parsed).isTrue();
      decision = parsed.toOption().get();
    }
  }

  /** A case: justified score and axes covered, expected level, bonus and rule. */
  record Case(Object score, Object axes, long level, long bonus, String rule) {

    @Override
    public String toString() {
      return "score " + score + ", " + axes + " axes → level " + level + " (" + rule + ")";
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(null, 5, 1, 0, "rule-score-unknown"),
        new Case(0, 0, 1, 0, "rule-level-1"),
        new Case(24.9, 5, 1, 0, "rule-level-1"),
        // level 2 from 25, whatever the axes
        new Case(Thresholds.LEVEL_2_SCORE, 0, 2, 3, "rule-level-2"),
        new Case(25.0, 1, 2, 3, "rule-level-2"),
        new Case(25.1, 0, 2, 3, "rule-level-2"),
        new Case(49.9, 5, 2, 3, "rule-level-2"),
        new Case(49.9, 3, 2, 3, "rule-level-2"),
        // level 3 from 50 with three axes; two axes stay at level 2
        new Case(Thresholds.LEVEL_3_SCORE, Thresholds.LEVEL_3_AXES, 3, 6, "rule-level-3"),
        new Case(50, 2, 2, 3, "rule-level-2"),
        new Case(50.1, 3, 3, 6, "rule-level-3"),
        new Case(74.9, 5, 3, 6, "rule-level-3"),
        new Case(74.9, 3, 3, 6, "rule-level-3"),
        new Case(74.9, 2, 2, 3, "rule-level-2"),
        new Case(60, null, 2, 3, "rule-level-2"),
        // level 4 from 75 with the five axes; four axes stay at level 3
        new Case(Thresholds.LEVEL_4_SCORE, Thresholds.LEVEL_4_AXES, 4, 10, "rule-level-4"),
        new Case(75, 4, 3, 6, "rule-level-3"),
        new Case(75, 3, 3, 6, "rule-level-3"),
        new Case(75.1, 5, 4, 10, "rule-level-4"),
        new Case(100, 5, 4, 10, "rule-level-4"),
        new Case(100, 4, 3, 6, "rule-level-3"),
        new Case(100, 2, 2, 3, "rule-level-2"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldGiveTheLevelOfEachThreshold(Case example) {
    // when
    Evaluation evaluation = evaluate(example.score(), example.axes());

    // then
    assertThat(evaluation.level()).isEqualTo(example.level());
    assertThat(evaluation.bonus()).isEqualTo(example.bonus());
    assertThat(evaluation.rule()).isEqualTo(example.rule());
    assertThat(evaluation.reason()).isNotBlank().containsIgnoringCase("niveau " + example.level());
  }

  @Test
  void shouldExerciseEveryRuleOfTheTable() {
    // given
    Set<String> rules = ruleIds();

    // when
    Set<String> fired = new LinkedHashSet<>();
    cases().forEach(example -> fired.add(evaluate(example.score(), example.axes()).rule()));

    // then
    assertThat(fired).containsExactlyInAnyOrderElementsOf(rules);
  }

  @Test
  void shouldNeverLowerTheLevelWhenTheScoreRises() {
    // given
    int previous = 0;

    // when / then
    for (int tenths = 0; tenths <= 1000; tenths++) {
      long level = evaluate(tenths / 10.0, 5).level();
      assertThat(level).as("level at %s", tenths / 10.0).isGreaterThanOrEqualTo(previous);
      previous = (int) level;
    }
    assertThat(previous).isEqualTo(4);
  }

  @Test
  void shouldNeverLowerTheLevelWhenEvidenceCoversMoreAxes() {
    // given
    double[] scores = {0, 24.9, 25, 49.9, 50, 74.9, 75, 100};

    // when / then
    for (double score : scores) {
      long previous = 0;
      for (int axes = 0; axes <= 5; axes++) {
        long level = evaluate(score, axes).level();
        assertThat(level)
            .as("level at %s with %d axes", score, axes)
            .isGreaterThanOrEqualTo(previous);
        previous = level;
      }
    }
  }

  @Test
  void shouldUseFirstHitPolicyWithASourcePerRuleAndADiagram() {
    // given
    Element definitions = Models.readDom(DMN).getDocumentElement();

    // when
    Element table = (Element) definitions.getElementsByTagNameNS("*", "decisionTable").item(0);
    NodeList rules = definitions.getElementsByTagNameNS("*", "rule");
    NodeList shapes = definitions.getElementsByTagNameNS("*", "DMNShape");

    // then
    assertThat(definitions.getNamespaceURI())
        .isEqualTo("https://www.omg.org/spec/DMN/20191111/MODEL/");
    assertThat(
            definitions.getAttributeNS(
                "http://camunda.org/schema/modeler/1.0", "executionPlatformVersion"))
        .isEqualTo("8.8.0");
    assertThat(table.getAttribute("hitPolicy")).isEqualTo("FIRST");
    for (int i = 0; i < rules.getLength(); i++) {
      Element rule = (Element) rules.item(i);
      assertThat(rule.getElementsByTagNameNS("*", "description").item(0).getTextContent())
          .as("source of %s", rule.getAttribute("id"))
          .isNotBlank();
    }
    assertThat(shapes.getLength()).isEqualTo(1);
    assertThat(((Element) shapes.item(0)).getAttribute("dmnElementRef"))
        .isEqualTo(SupplierMaturityDecision.DECISION_ID);
  }

  // ---------------------------------------------------------------- helpers

  record Evaluation(long level, long bonus, String reason, String rule) {}

  private static Evaluation evaluate(Object score, Object axes) {
    Map<String, Object> facts = new HashMap<>();
    facts.put(Inputs.JUSTIFIED_SCORE, score);
    facts.put(Inputs.AXES_COVERED, axes);
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result =
        engine.eval(decision, SupplierMaturityDecision.DECISION_ID, facts);
    assertThat(result.isRight()).as("evaluation of %s: %s", facts, result).isTrue();
    DmnEngine.EvalResult evaluated = result.toOption().get();
    @SuppressWarnings("unchecked")
    Map<String, Object> output =
        CollectionConverters.asJava((scala.collection.Map<String, Object>) evaluated.value());
    Audit.DecisionTableEvaluationResult table =
        (Audit.DecisionTableEvaluationResult) evaluated.auditLog().entries().head().result();
    return new Evaluation(
        ((Number) output.get(Outputs.MATURITY_LEVEL)).longValue(),
        ((Number) output.get(Outputs.TENDER_BONUS)).longValue(),
        (String) output.get(Outputs.REASON),
        table.matchedRules().head().rule().id());
  }

  private static Set<String> ruleIds() {
    NodeList rules = Models.readDom(DMN).getElementsByTagNameNS("*", "rule");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < rules.getLength(); i++) {
      ids.add(((Element) rules.item(i)).getAttribute("id"));
    }
    return new LinkedHashSet<>(ids);
  }
}
