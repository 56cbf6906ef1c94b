package fr.secondevie.tasks.form;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.feel.api.EvaluationFailure;
import org.camunda.feel.api.EvaluationFailureType;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import scala.Option;
import scala.Some;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The FEEL expressions Camunda forms carry ({@code conditional.hide}, {@code {{...}}} templates,
 * {@code =...} labels, validation bounds, options), evaluated by feel-engine, the FEEL engine of
 * Camunda 8: missing variables and properties are {@code null}, comparisons of values of different
 * types give {@code null}, {@code and} / {@code or} are three-valued. Numbers come back as {@link
 * java.math.BigDecimal}, lists as {@link java.util.List}, contexts as {@link Map}.
 *
 * <p>Each expression is parsed once and kept in a bounded cache (least recently used out first).
 */
@Component
public class FormExpressions {

  static final int MAX_CACHED = 2_000;
  private static final Pattern PARSE_POSITION = Pattern.compile(":(\\d+):(\\d+), found (.*)$");

  private final FeelEngineApi feel;
  private final Map<String, Parsed> parsed;

  @Autowired
  public FormExpressions(Clock clock) {
    this(clock, MAX_CACHED);
  }

  FormExpressions(Clock clock, int maxCached) {
    this.feel =
        FeelEngineBuilder.forJava()
            .withCustomValueMapper(new DecimalValueMapper())
            .withClock(() -> ZonedDateTime.ofInstant(clock.instant(), clock.getZone()))
            .build();
    this.parsed =
        Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
                return size() > maxCached;
              }
            });
  }

  /** Parses an expression (without its leading {@code =}), or fails with a French message. */
  public void check(String expression) {
    parse(expression);
  }

  /**
   * Evaluates an expression (without its leading {@code =}) against the given variables.
   *
   * @throws FormExpressionException when the expression cannot be parsed, calls a function that
   *     does not exist, or fails
   */
  public Object evaluate(String expression, Map<String, ?> variables) {
    EvaluationResult result =
        feel.evaluate(
            parse(expression), new VariablesContext(variables == null ? Map.of() : variables));
    if (result.isFailure()) {
      throw new FormExpressionException(
          "évaluation impossible de « " + expression + " » : " + result.failure().message());
    }
    for (EvaluationFailure failure : CollectionConverters.asJava(result.suppressedFailures())) {
      // feel-engine gives null for an unknown function: a form calling one is wrong, say it
      if (failure.failureType() == EvaluationFailureType.NO_FUNCTION_FOUND$.MODULE$) {
        throw new FormExpressionException(
            "fonction inconnue dans « " + expression + " » : " + failure.failureMessage());
      }
    }
    return result.result();
  }

  /** True only when the expression evaluates to {@code true} (null or an error is false). */
  public boolean isTrue(String expression, Map<String, ?> variables) {
    return Boolean.TRUE.equals(evaluate(expression, variables));
  }

  /** How many parsed expressions are kept (for tests of the bound). */
  int cached() {
    return parsed.size();
  }

  private ParsedExpression parse(String expression) {
    Parsed known = parsed.get(expression);
    if (known == null) {
      known = parseNow(expression);
      parsed.put(expression, known);
    }
    if (known.error() != null) {
      throw new FormExpressionException(known.error());
    }
    return known.expression();
  }

  private Parsed parseNow(String expression) {
    if (expression == null || expression.isBlank()) {
      return new Parsed(null, "expression vide");
    }
    ParseResult result = feel.parseExpression(expression);
    if (result.isSuccess()) {
      return new Parsed(result.parsedExpression(), null);
    }
    return new Parsed(null, parseError(expression, result.failure().message()));
  }

  /** The French message of a parse failure, with where feel-engine stopped reading. */
  static String parseError(String expression, String failure) {
    Matcher at = PARSE_POSITION.matcher(failure);
    if (!at.find()) {
      return "expression FEEL invalide « " + expression + " »";
    }
    String found = at.group(3).strip();
    if (found.length() >= 2 && found.startsWith("\"") && found.endsWith("\"")) {
      found = found.substring(1, found.length() - 1).replace("\\\"", "\"").strip();
    }
    String what = found.length() > 20 ? found.substring(0, 20) + "…" : found;
    String where =
        at.group(1).equals("1")
            ? "position " + at.group(2)
            : "ligne " + at.group(1) + ", colonne " + at.group(2);
    return "expression FEEL invalide : « "
        + what
        + " » inattendu ("
        + where
        + " de « "
        + expression
        + " »)";
  }

  /** A parsed expression, or the French message saying why it is not one. */
  private record Parsed(ParsedExpression expression, String error) {}

  /**
   * The variables, looked up by name when the expression reads them (nothing is converted
   * beforehand); a variable holding null exists, a missing one does not.
   */
  private record VariablesContext(Map<String, ?> variables) implements Context {

    @Override
    public VariableProvider variableProvider() {
      return new VariableProvider() {
        @Override
        public Option<Object> getVariable(String name) {
          return variables.containsKey(name) ? new Some<>(variables.get(name)) : Option.empty();
        }

        @Override
        public scala.collection.Iterable<String> keys() {
          return CollectionConverters.asScala(variables.keySet());
        }
      };
    }

    @Override
    public FunctionProvider functionProvider() {
      return FunctionProvider.EmptyFunctionProvider$.MODULE$;
    }
  }
}
