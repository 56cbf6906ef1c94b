package fr.secondevie.engine.dmn;

import fr.secondevie.engine.dmn.DecisionOutcome.EvaluatedDecision;
import fr.secondevie.engine.dmn.DecisionOutcome.EvaluatedInput;
import fr.secondevie.engine.dmn.DecisionOutcome.EvaluatedOutput;
import fr.secondevie.engine.dmn.DecisionOutcome.MatchedRule;
import fr.secondevie.engine.util.Either;
import fr.secondevie.engine.util.JsonValues;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.dmn.Audit;
import org.camunda.dmn.DmnEngine;
import org.camunda.dmn.parser.ParsedDecision;
import org.camunda.dmn.parser.ParsedDecisionLogic;
import org.camunda.dmn.parser.ParsedDecisionTable;
import org.camunda.dmn.parser.ParsedDmn;
import org.camunda.dmn.parser.ParsedLiteralExpression;
import org.camunda.dmn.parser.ParsedRule;
import scala.jdk.javaapi.CollectionConverters;
import scala.util.Either.LeftProjection;

/** Parses and evaluates DMN with dmn-scala, reading the audit log for inputs and rules. */
public final class DecisionEngine {

  private final DmnEngine dmn;

  public DecisionEngine(Clock clock) {
    this.dmn =
        new DmnEngine.Builder()
            .clock(() -> ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
            .build();
  }

  public Either<ParsedDrg> parse(byte[] resource) {
    scala.util.Either<DmnEngine.Failure, ParsedDmn> parsed;
    try {
      parsed = dmn.parse(new ByteArrayInputStream(resource));
    } catch (RuntimeException e) {
      return Either.fail("Expected a DMN 1.x XML document but it could not be parsed: " + e);
    }
    if (parsed.isLeft()) {
      LeftProjection<DmnEngine.Failure, ParsedDmn> left = parsed.left();
      return Either.fail(left.get().message());
    }
    ParsedDmn parsedDmn = parsed.toOption().get();
    Definitions definitions = parsedDmn.model().getDefinitions();
    List<ParsedDrg.DecisionInfo> decisions = new ArrayList<>();
    for (ParsedDecision decision : CollectionConverters.asJava(parsedDmn.decisions())) {
      decisions.add(
          new ParsedDrg.DecisionInfo(decision.id(), decision.name(), typeOf(decision.logic())));
    }
    if (decisions.isEmpty()) {
      return Either.fail("Expected at least one decision in the DMN resource but found none");
    }
    return Either.ok(
        new ParsedDrg(definitions.getId(), definitions.getName(), parsedDmn, decisions));
  }

  public DecisionOutcome evaluate(ParsedDmn parsed, String decisionId, Map<String, Object> vars) {
    scala.util.Either<DmnEngine.EvalFailure, DmnEngine.EvalResult> result;
    try {
      result = dmn.eval(parsed, decisionId, vars);
    } catch (RuntimeException e) {
      return new DecisionOutcome(null, decisionId, String.valueOf(e.getMessage()), List.of());
    }
    if (result.isLeft()) {
      DmnEngine.EvalFailure failure = result.left().get();
      List<EvaluatedDecision> evaluated = evaluatedDecisions(failure.auditLog());
      return new DecisionOutcome(null, decisionId, failure.failure().message(), evaluated);
    }
    DmnEngine.EvalResult success = result.toOption().get();
    Object output = success.isNil() ? null : JsonValues.normalize(success.value());
    return new DecisionOutcome(output, null, null, evaluatedDecisions(success.auditLog()));
  }

  private List<EvaluatedDecision> evaluatedDecisions(Audit.AuditLog log) {
    List<EvaluatedDecision> evaluated = new ArrayList<>();
    if (log == null) {
      return evaluated;
    }
    for (Audit.AuditLogEntry entry : CollectionConverters.asJava(log.entries())) {
      List<EvaluatedInput> inputs = new ArrayList<>();
      List<MatchedRule> rules = new ArrayList<>();
      if (entry.result() instanceof Audit.DecisionTableEvaluationResult table) {
        for (Audit.EvaluatedInput input : CollectionConverters.asJava(table.inputs())) {
          inputs.add(
              new EvaluatedInput(
                  input.input().id(), input.input().name(), JsonValues.normalize(input.value())));
        }
        List<ParsedRule> allRules =
            entry.decisionLogic() instanceof ParsedDecisionTable parsedTable
                ? toList(CollectionConverters.asJava(parsedTable.rules()))
                : List.of();
        for (Audit.EvaluatedRule rule : CollectionConverters.asJava(table.matchedRules())) {
          List<EvaluatedOutput> outputs = new ArrayList<>();
          for (Audit.EvaluatedOutput out : CollectionConverters.asJava(rule.outputs())) {
            outputs.add(
                new EvaluatedOutput(
                    out.output().id(), out.output().name(), JsonValues.normalize(out.value())));
          }
          rules.add(new MatchedRule(rule.rule().id(), allRules.indexOf(rule.rule()) + 1, outputs));
        }
      }
      Object output = entry.result() == null ? null : JsonValues.normalize(entry.result().result());
      evaluated.add(
          new EvaluatedDecision(
              entry.id(), entry.name(), typeOf(entry.decisionLogic()), output, inputs, rules));
    }
    return evaluated;
  }

  private static <T> List<T> toList(Iterable<T> items) {
    List<T> list = new ArrayList<>();
    items.forEach(list::add);
    return list;
  }

  private static String typeOf(ParsedDecisionLogic logic) {
    if (logic instanceof ParsedDecisionTable) {
      return "DECISION_TABLE";
    } else if (logic instanceof ParsedLiteralExpression) {
      return "LITERAL_EXPRESSION";
    }
    return "UNKNOWN";
  }
}
