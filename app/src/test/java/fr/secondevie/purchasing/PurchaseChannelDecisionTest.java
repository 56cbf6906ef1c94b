package fr.secondevie.purchasing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.secondevie.processes.ReconditionedPurchaseProcess.ChannelDecision;
import fr.secondevie.processes.ReconditionedPurchaseProcess.ChannelDecision.Channels;
import fr.secondevie.processes.ReconditionedPurchaseProcess.ChannelDecision.Inputs;
import fr.secondevie.processes.ReconditionedPurchaseProcess.ChannelDecision.Outputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
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
 * The decision table {@code purchase-channel}, evaluated with dmn-scala (the DMN engine of Zeebe):
 * every rule fires for its case, the security constraints win over everything else, the large-lot
 * boundary holds at 50 / 51 units, and every output is one of the three channels with a reason.
 */
class PurchaseChannelDecisionTest {

  private static final Path DMN =
      Path.of("..", "bpmn", ChannelDecision.RESOURCE).toAbsolutePath().normalize();
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

  /** A request as the decision sees it, the channel and the rule expected. */
  record Case(
      String category,
      String useCase,
      int quantity,
      String security,
      boolean offers,
      String channel,
      String rule) {

    @Override
    public String toString() {
      return "%s %s ×%d %s offers=%s → %s (%s)"
          .formatted(category, useCase, quantity, security, offers, channel, rule);
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "LAPTOP",
            "MOBILE_LAPTOP",
            3,
            "QUALIFIED_PRODUCT",
            true,
            "NEW",
            "rule-qualified-product"),
        new Case(
            "DESKTOP",
            "OFFICE_WORKSTATION",
            1,
            "HEALTH_DATA_STORAGE",
            true,
            "NEW",
            "rule-health-data-storage"),
        new Case("SECURITY_APPLIANCE", "OTHER", 1, "NONE", true, "NEW", "rule-security-appliance"),
        new Case("LAPTOP", "MOBILE_LAPTOP", 5, "NONE", false, "NEW", "rule-no-reconditioned-offer"),
        new Case(
            "DESKTOP",
            "OFFICE_WORKSTATION",
            51,
            "NONE",
            true,
            Channels.RECONDITIONED_OR_NEW,
            "rule-large-lot"),
        new Case(
            "DESKTOP",
            "OFFICE_WORKSTATION",
            50,
            "NONE",
            true,
            Channels.RECONDITIONED,
            "rule-end-user-equipment"),
        new Case(
            "DESKTOP",
            "CLINICAL_WORKSTATION",
            10,
            "NONE",
            true,
            Channels.RECONDITIONED_OR_NEW,
            "rule-clinical-workstation"),
        new Case(
            "MONITOR",
            "SCREEN",
            1,
            "NONE",
            true,
            Channels.RECONDITIONED,
            "rule-end-user-equipment"),
        new Case(
            "PHONE", "OTHER", 20, "NONE", true, Channels.RECONDITIONED, "rule-end-user-equipment"),
        new Case(
            "PRINTER", "OTHER", 1, "NONE", true, Channels.RECONDITIONED, "rule-end-user-equipment"),
        new Case(
            "SERVER",
            "OTHER",
            2,
            "NONE",
            true,
            Channels.RECONDITIONED_OR_NEW,
            "rule-infrastructure"),
        new Case(
            "NETWORK_SWITCH",
            "OTHER",
            50,
            "NONE",
            true,
            Channels.RECONDITIONED_OR_NEW,
            "rule-infrastructure"),
        // boundaries and precedence
        new Case(
            "DESKTOP",
            "OFFICE_WORKSTATION",
            500,
            "HEALTH_DATA_STORAGE",
            true,
            "NEW",
            "rule-health-data-storage"),
        new Case(
            "LAPTOP", "MOBILE_LAPTOP", 51, "NONE", false, "NEW", "rule-no-reconditioned-offer"),
        new Case(
            "DESKTOP",
            "CLINICAL_WORKSTATION",
            51,
            "NONE",
            true,
            Channels.RECONDITIONED_OR_NEW,
            "rule-large-lot"),
        new Case(
            "SECURITY_APPLIANCE", "OTHER", 1, "NONE", false, "NEW", "rule-security-appliance"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void shouldChooseTheChannelOfTheFirstMatchingRule(Case example) {
    // when
    Evaluation evaluation = evaluate(example);

    // then
    assertThat(evaluation.channel()).isEqualTo(example.channel());
    assertThat(evaluation.rule()).isEqualTo(example.rule());
    assertThat(evaluation.reason()).isNotBlank();
  }

  @Test
  void shouldExerciseEveryRuleOfTheTable() {
    // given
    Set<String> rules = ruleIds();

    // when
    Set<String> fired = new LinkedHashSet<>();
    cases().forEach(example -> fired.add(evaluate(example).rule()));

    // then
    assertThat(fired).containsExactlyInAnyOrderElementsOf(rules);
  }

  @Test
  void shouldBuyNewWheneverASecurityConstraintApplies() {
    for (String category : List.of("DESKTOP", "LAPTOP", "MONITOR", "SERVER", "PHONE")) {
      for (int quantity : List.of(1, 50, 51, 1000)) {
        for (String security : List.of("HEALTH_DATA_STORAGE", "QUALIFIED_PRODUCT")) {
          // when
          Evaluation evaluation =
              evaluate(
                  new Case(category, "OFFICE_WORKSTATION", quantity, security, true, null, null));

          // then
          assertThat(evaluation.channel())
              .as("%s ×%d %s", category, quantity, security)
              .isEqualTo(Channels.NEW);
        }
      }
    }
  }

  @Test
  void shouldNeverSayReconditionedOnlyWithoutAReconditionedOffer() {
    for (String category : List.of("DESKTOP", "LAPTOP", "MONITOR", "PHONE", "PRINTER", "SERVER")) {
      // when
      Evaluation evaluation =
          evaluate(new Case(category, "OFFICE_WORKSTATION", 2, "NONE", false, null, null));

      // then
      assertThat(evaluation.channel()).isEqualTo(Channels.NEW);
    }
  }

  @Test
  void shouldUseFirstHitPolicyWithASourcePerRuleAndAVersionTag() throws Exception {
    // given
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Element definitions = factory.newDocumentBuilder().parse(DMN.toFile()).getDocumentElement();

    // when
    Element table = (Element) definitions.getElementsByTagNameNS("*", "decisionTable").item(0);
    NodeList rules = definitions.getElementsByTagNameNS("*", "rule");
    Element tag =
        (Element)
            definitions
                .getElementsByTagNameNS("http://camunda.org/schema/zeebe/1.0", "versionTag")
                .item(0);

    // then
    assertThat(table.getAttribute("hitPolicy")).isEqualTo("FIRST");
    assertThat(tag.getAttribute("value")).isEqualTo("1.0.0");
    for (int i = 0; i < rules.getLength(); i++) {
      Element rule = (Element) rules.item(i);
      assertThat(rule.getElementsByTagNameNS("*", "description").item(0).getTextContent())
          .as("source of %s", rule.getAttribute("id"))
          .isNotBlank();
    }
    assertThat(definitions.getElementsByTagNameNS("*", "DMNShape").getLength()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- helpers

  record Evaluation(String channel, String reason, String rule) {}

  private static Evaluation evaluate(Case example) {
    Map<String, Object> facts = new HashMap<>();
    facts.put(Inputs.CATEGORY, example.category());
    facts.put(Inputs.USE_CASE, example.useCase());
    facts.put(Inputs.QUANTITY, example.quantity());
    facts.put(Inputs.SECURITY_CONSTRAINT, example.security());
    facts.put(Inputs.RECONDITIONED_OFFERS_AVAILABLE, example.offers());
    Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result =
        engine.eval(decision, ChannelDecision.DECISION_ID, facts);
    assertThat(result.isRight()).as("evaluation of %s: %s", facts, result).isTrue();
    DmnEngine.EvalResult evaluated = result.toOption().get();
    @SuppressWarnings("unchecked")
    Map<String, Object> output =
        CollectionConverters.asJava((scala.collection.Map<String, Object>) evaluated.value());
    Audit.DecisionTableEvaluationResult table =
        (Audit.DecisionTableEvaluationResult) evaluated.auditLog().entries().head().result();
    return new Evaluation(
        (String) output.get(Outputs.CHANNEL),
        (String) output.get(Outputs.REASON),
        table.matchedRules().head().rule().id());
  }

  private static Set<String> ruleIds() {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList rules =
          factory.newDocumentBuilder().parse(DMN.toFile()).getElementsByTagNameNS("*", "rule");
      Set<String> ids = new LinkedHashSet<>();
      for (int i = 0; i < rules.getLength(); i++) {
        ids.add(((Element) rules.item(i)).getAttribute("id"));
      }
      return ids;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
