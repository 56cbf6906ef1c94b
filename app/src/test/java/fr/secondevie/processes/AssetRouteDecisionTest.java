package fr.secondevie.processes;

import static fr.secondevie.processes.AssetRouteDecision.Routes.DONATION;
import static fr.secondevie.processes.AssetRouteDecision.Routes.INTERNAL_REUSE;
import static fr.secondevie.processes.AssetRouteDecision.Routes.RECONDITION;
import static fr.secondevie.processes.AssetRouteDecision.Routes.RECYCLE;
import static fr.secondevie.processes.AssetRouteDecision.Routes.REVIEW;
import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.processes.AssetRouteDecision.Inputs;
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
 * The decision table {@code asset-route}, evaluated with dmn-scala (the DMN engine of Zeebe): every
 * rule fires for the case it is written for, and the legal boundaries hold (exactly 10 years is not
 * over 10 years; exactly 300 € may be donated, 300.01 € may not; no donation or reuse without a
 * passed sanitization).
 */
class AssetRouteDecisionTest {

  private static final Path DMN = Models.bpmnDir().resolve(AssetRouteDecision.RESOURCE);
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

  /** A case of the table: what it describes, its facts and the expected route and rule. */
  record Case(String description, Map<String, Object> facts, String route, String rule) {

    @Override
    public String toString() {
      return description + " → " + route + " (" + rule + ")";
    }
  }

  /** A working, 7-year-old desktop in good condition worth 40 €, wiped: a donation. */
  private static Map<String, Object> donatableDesktop() {
    Map<String, Object> facts = new HashMap<>();
    facts.put(Inputs.CATEGORY, "DESKTOP");
    facts.put(Inputs.AGE_YEARS, 7.0);
    facts.put(Inputs.CONDITION_GRADE, "B");
    facts.put(Inputs.FUNCTIONAL, true);
    facts.put(Inputs.RESIDUAL_UNIT_VALUE, 40.0);
    facts.put(Inputs.SANITIZATION_OUTCOME, "PASSED");
    facts.put(Inputs.BATTERY_HEALTH_PERCENT, null);
    facts.put(Inputs.OS_SUPPORTED, true);
    return facts;
  }

  private static Case when(String description, String route, String rule, Object... changes) {
    Map<String, Object> facts = donatableDesktop();
    for (int i = 0; i < changes.length; i += 2) {
      facts.put((String) changes[i], changes[i + 1]);
    }
    return new Case(description, facts, route, rule);
  }

  static Stream<Case> cases() {
    return Stream.of(
        // sanitization first: never a donation or reuse without proof
        when(
            "no sanitization outcome",
            REVIEW,
            "rule-sanitization-unknown",
            Inputs.SANITIZATION_OUTCOME,
            null),
        when(
            "media destroyed after a failed wipe",
            RECYCLE,
            "rule-sanitization-not-passed",
            Inputs.SANITIZATION_OUTCOME,
            "MEDIA_DESTROYED"),
        when(
            "failed wipe",
            RECYCLE,
            "rule-sanitization-not-passed",
            Inputs.SANITIZATION_OUTCOME,
            "FAILED"),
        when(
            "monitor without storage",
            DONATION,
            "rule-donation",
            Inputs.CATEGORY,
            "MONITOR",
            Inputs.SANITIZATION_OUTCOME,
            "NO_STORAGE",
            Inputs.OS_SUPPORTED,
            null,
            Inputs.AGE_YEARS,
            8.0,
            Inputs.RESIDUAL_UNIT_VALUE,
            15.0),
        // the 10-year limit of décret 2023-266
        when("age unknown", REVIEW, "rule-age-unknown", Inputs.AGE_YEARS, null),
        when("exactly 10 years", DONATION, "rule-donation", Inputs.AGE_YEARS, 10),
        when("exactly 10 years as a decimal", DONATION, "rule-donation", Inputs.AGE_YEARS, 10.0),
        when("one day over 10 years", RECYCLE, "rule-over-ten-years", Inputs.AGE_YEARS, 10.0027),
        when("twelve years and a half", RECYCLE, "rule-over-ten-years", Inputs.AGE_YEARS, 12.5),
        when(
            "over 10 years beats grade A and low value",
            RECYCLE,
            "rule-over-ten-years",
            Inputs.AGE_YEARS,
            11,
            Inputs.CONDITION_GRADE,
            "A",
            Inputs.RESIDUAL_UNIT_VALUE,
            5.0),
        // completeness and infrastructure
        when("category unknown", REVIEW, "rule-category-unknown", Inputs.CATEGORY, null),
        when("server", REVIEW, "rule-infrastructure", Inputs.CATEGORY, "SERVER"),
        when("network switch", REVIEW, "rule-infrastructure", Inputs.CATEGORY, "NETWORK_SWITCH"),
        when("grade missing", REVIEW, "rule-grade-missing", Inputs.CONDITION_GRADE, null),
        when("grade outside A–D", REVIEW, "rule-grade-missing", Inputs.CONDITION_GRADE, "E"),
        when(
            "functional state unknown", REVIEW, "rule-functional-unknown", Inputs.FUNCTIONAL, null),
        // broken or worn out
        when(
            "broken, grade A, exactly 6 years",
            RECONDITION,
            "rule-broken-but-recent",
            Inputs.FUNCTIONAL,
            false,
            Inputs.CONDITION_GRADE,
            "A",
            Inputs.AGE_YEARS,
            6),
        when(
            "broken, grade A, just over 6 years",
            RECYCLE,
            "rule-broken",
            Inputs.FUNCTIONAL,
            false,
            Inputs.CONDITION_GRADE,
            "A",
            Inputs.AGE_YEARS,
            6.01),
        when(
            "broken, grade C, recent",
            RECYCLE,
            "rule-broken",
            Inputs.FUNCTIONAL,
            false,
            Inputs.CONDITION_GRADE,
            "C",
            Inputs.AGE_YEARS,
            3),
        when("grade D", RECYCLE, "rule-grade-d", Inputs.CONDITION_GRADE, "D"),
        when(
            "laptop battery at 49 %",
            RECONDITION,
            "rule-laptop-battery-worn",
            Inputs.CATEGORY,
            "LAPTOP",
            Inputs.BATTERY_HEALTH_PERCENT,
            49,
            Inputs.AGE_YEARS,
            4,
            Inputs.CONDITION_GRADE,
            "A"),
        when(
            "laptop battery at 50 %",
            INTERNAL_REUSE,
            "rule-internal-reuse-computer",
            Inputs.CATEGORY,
            "LAPTOP",
            Inputs.BATTERY_HEALTH_PERCENT,
            50,
            Inputs.AGE_YEARS,
            4,
            Inputs.CONDITION_GRADE,
            "A"),
        when(
            "laptop with unknown battery health",
            DONATION,
            "rule-donation",
            Inputs.CATEGORY,
            "LAPTOP",
            Inputs.BATTERY_HEALTH_PERCENT,
            null),
        // internal reuse
        when(
            "desktop of exactly 5 years",
            INTERNAL_REUSE,
            "rule-internal-reuse-computer",
            Inputs.AGE_YEARS,
            5,
            Inputs.CONDITION_GRADE,
            "A"),
        when(
            "desktop just over 5 years",
            DONATION,
            "rule-donation",
            Inputs.AGE_YEARS,
            5.01,
            Inputs.CONDITION_GRADE,
            "A",
            Inputs.RESIDUAL_UNIT_VALUE,
            120),
        when(
            "recent desktop whose OS is no longer supported",
            DONATION,
            "rule-donation",
            Inputs.AGE_YEARS,
            3,
            Inputs.CONDITION_GRADE,
            "A",
            Inputs.OS_SUPPORTED,
            false,
            Inputs.RESIDUAL_UNIT_VALUE,
            250),
        when(
            "recent desktop in grade C",
            DONATION,
            "rule-donation",
            Inputs.AGE_YEARS,
            3,
            Inputs.CONDITION_GRADE,
            "C",
            Inputs.RESIDUAL_UNIT_VALUE,
            90),
        when(
            "monitor of exactly 6 years",
            INTERNAL_REUSE,
            "rule-internal-reuse-monitor",
            Inputs.CATEGORY,
            "MONITOR",
            Inputs.AGE_YEARS,
            6,
            Inputs.OS_SUPPORTED,
            null,
            Inputs.SANITIZATION_OUTCOME,
            "NO_STORAGE"),
        // the 300 € cap of CGPPP D.3212-3
        when(
            "residual value unknown",
            REVIEW,
            "rule-residual-value-unknown",
            Inputs.RESIDUAL_UNIT_VALUE,
            null),
        when("exactly 300 €", DONATION, "rule-donation", Inputs.RESIDUAL_UNIT_VALUE, 300),
        when("exactly 300.00 €", DONATION, "rule-donation", Inputs.RESIDUAL_UNIT_VALUE, 300.0),
        when(
            "300.01 €", RECONDITION, "rule-above-donation-cap", Inputs.RESIDUAL_UNIT_VALUE, 300.01),
        when(
            "printer in grade C",
            DONATION,
            "rule-donation",
            Inputs.CATEGORY,
            "PRINTER",
            Inputs.CONDITION_GRADE,
            "C",
            Inputs.OS_SUPPORTED,
            null,
            Inputs.RESIDUAL_UNIT_VALUE,
            80),
        when(
            "phone",
            RECONDITION,
            "rule-phone",
            Inputs.CATEGORY,
            "PHONE",
            Inputs.OS_SUPPORTED,
            null),
        when("category no rule knows", REVIEW, "rule-otherwise", Inputs.CATEGORY, "TABLET"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldRouteByTheFirstMatchingRule(Case example) {
    // when
    Evaluation evaluation = evaluate(example.facts());

    // then
    assertThat(evaluation.route()).isEqualTo(example.route());
    assertThat(evaluation.rule()).isEqualTo(example.rule());
    assertThat(evaluation.reason()).isNotBlank().doesNotContain("TODO");
  }

  @Test
  void shouldExerciseEveryRuleOfTheTable() {
    // given
    Set<String> rules = ruleIds();

    // when
    Set<String> fired = new LinkedHashSet<>();
    cases().forEach(example -> fired.add(evaluate(example.facts()).rule()));

    // then
    assertThat(fired).containsExactlyInAnyOrderElementsOf(rules);
  }

  @Test
  void shouldNeverDonateOrReuseWithoutAPassedSanitization() {
    // given
    List<Case> donationsAndReuses =
        cases()
            .filter(c -> c.route().equals(DONATION) || c.route().equals(INTERNAL_REUSE))
            .toList();

    // when / then
    for (Case example : donationsAndReuses) {
      for (Object outcome : new Object[] {null, "FAILED", "MEDIA_DESTROYED", "UNKNOWN"}) {
        Map<String, Object> facts = new HashMap<>(example.facts());
        facts.put(Inputs.SANITIZATION_OUTCOME, outcome);
        assertThat(evaluate(facts).route())
            .as("%s with sanitization %s", example.description(), outcome)
            .isIn(RECYCLE, REVIEW);
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
    assertThat(table.getAttribute("hitPolicy")).isEqualTo("FIRST");
    for (int i = 0; i < rules.getLength(); i++) {
      Element rule = (Element) rules.item(i);
      assertThat(rule.getElementsByTagNameNS("*", "description").item(0).getTextContent())
          .as("source of %s", rule.getAttribute("id"))
          .isNotBlank();
    }
    assertThat(shapes.getLength()).isEqualTo(1);
    assertThat(((Element) shapes.item(0)).getAttribute("dmnElementRef"))
        .isEqualTo(AssetRouteDecision.DECISION_ID);
  }

  // ---------------------------------------------------------------- helpers

  record Evaluation(String route, String reason, String rule) {}

  private static Evaluation evaluate(Map<String, Object> facts) {
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result =
        engine.eval(decision, AssetRouteDecision.DECISION_ID, facts);
    assertThat(result.isRight()).as("evaluation of %s: %s", facts, result).isTrue();
    DmnEngine.EvalResult evaluated = result.toOption().get();
    @SuppressWarnings("unchecked")
    Map<String, Object> output =
        CollectionConverters.asJava((scala.collection.Map<String, Object>) evaluated.value());
    Audit.DecisionTableEvaluationResult table =
        (Audit.DecisionTableEvaluationResult) evaluated.auditLog().entries().head().result();
    return new Evaluation(
        (String) output.get(AssetRouteDecision.Outputs.ROUTE),
        (String) output.get(AssetRouteDecision.Outputs.REASON),
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
