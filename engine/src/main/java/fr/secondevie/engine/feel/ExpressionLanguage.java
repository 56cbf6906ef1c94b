package fr.secondevie.engine.feel;

import fr.secondevie.engine.util.Either;
import fr.secondevie.engine.util.JsonValues;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.feel.FeelEngineClock;
import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.camunda.feel.api.ParseResult;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.FunctionProvider;
import org.camunda.feel.context.VariableProvider;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Parses and evaluates expressions with feel-scala. Typed evaluations check the result type and
 * fail with the message Camunda uses ("Expected result of the expression ... to be ..., but was
 * ..."), which becomes the incident message.
 */
public final class ExpressionLanguage {

  private final FeelEngineApi feel;

  public ExpressionLanguage(Clock clock) {
    FeelEngineClock feelClock = () -> ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    this.feel = FeelEngineBuilder.forJava().withClock(feelClock).build();
  }

  /** Parses an attribute: {@code =...} is FEEL, anything else is a static value. */
  public Either<Expression> parse(String raw) {
    if (raw == null) {
      return Either.fail("Expected an expression but found none");
    }
    String trimmed = raw.strip();
    if (!trimmed.startsWith("=")) {
      return Either.ok(Expression.ofStatic(raw));
    }
    ParseResult result = feel.parseExpression(trimmed.substring(1));
    if (result.isFailure()) {
      return Either.fail(
          "failed to parse expression '"
              + trimmed.substring(1)
              + "': "
              + result.failure().message());
    }
    return Either.ok(Expression.feel(raw, result.parsedExpression()));
  }

  /** Parses an attribute that must be FEEL (conditions, mapping sources, scripts). */
  public Either<Expression> parseFeel(String raw) {
    if (raw == null || raw.isBlank()) {
      return Either.fail("Expected a FEEL expression but found none");
    }
    String trimmed = raw.strip();
    return parse(trimmed.startsWith("=") ? trimmed : "=" + trimmed);
  }

  /** Evaluates to any JSON value; static expressions evaluate to their text. */
  public Either<Object> evaluate(Expression expression, VariableLookup variables) {
    if (expression.isStatic()) {
      return Either.ok(expression.raw());
    }
    EvaluationResult result = feel.evaluate(expression.parsed(), new ScopeContext(variables));
    if (result.isFailure()) {
      return Either.fail(
          "failed to evaluate expression '"
              + expression.text()
              + "': "
              + result.failure().message());
    }
    return Either.ok(JsonValues.normalize(result.result()));
  }

  public Either<String> evaluateString(Expression expression, VariableLookup variables) {
    return evaluate(expression, variables)
        .flatMap(
            value ->
                value instanceof String s
                    ? Either.ok(s)
                    : typeFailure(expression, "STRING", value));
  }

  /** A string, or a number written as a string (correlation keys accept both). */
  public Either<String> evaluateStringOrNumber(Expression expression, VariableLookup variables) {
    return evaluate(expression, variables)
        .flatMap(
            value -> {
              if (value instanceof String s) {
                return Either.ok(s);
              } else if (value instanceof Number n) {
                return Either.ok(n.toString());
              }
              return typeFailure(expression, "[STRING, NUMBER]", value);
            });
  }

  public Either<Long> evaluateLong(Expression expression, VariableLookup variables) {
    if (expression.isStatic()) {
      try {
        return Either.ok(Long.parseLong(expression.raw().strip()));
      } catch (NumberFormatException e) {
        return typeFailure(expression, "NUMBER", expression.raw());
      }
    }
    return evaluate(expression, variables)
        .flatMap(
            value ->
                value instanceof Number n
                    ? Either.ok(n.longValue())
                    : typeFailure(expression, "NUMBER", value));
  }

  public Either<Boolean> evaluateBoolean(Expression expression, VariableLookup variables) {
    return evaluate(expression, variables)
        .flatMap(
            value ->
                value instanceof Boolean b
                    ? Either.ok(b)
                    : typeFailure(expression, "BOOLEAN", value));
  }

  /** A list of strings: static comma-separated text, or a FEEL list (or a single string). */
  public Either<List<String>> evaluateStringList(Expression expression, VariableLookup variables) {
    if (expression.isStatic()) {
      return Either.ok(
          Arrays.stream(expression.raw().split(","))
              .map(String::strip)
              .filter(s -> !s.isEmpty())
              .toList());
    }
    return evaluate(expression, variables)
        .flatMap(
            value -> {
              if (value instanceof String s) {
                return Either.ok(List.of(s));
              }
              if (value instanceof List<?> list
                  && list.stream().allMatch(String.class::isInstance)) {
                List<String> strings = new ArrayList<>();
                list.forEach(item -> strings.add((String) item));
                return Either.ok(strings);
              }
              return typeFailure(expression, "ARRAY of STRING", value);
            });
  }

  private static <T> Either<T> typeFailure(Expression expression, String expected, Object value) {
    return Either.fail(
        "Expected result of the expression '"
            + expression.text()
            + "' to be '"
            + expected
            + "', but was '"
            + JsonValues.kind(value)
            + "'.");
  }

  /** Resolves variables lazily from the engine's scopes instead of copying them into a map. */
  private record ScopeContext(VariableLookup variables) implements Context {

    @Override
    public VariableProvider variableProvider() {
      return new VariableProvider() {
        @Override
        public Option<Object> getVariable(String name) {
          Optional<Object> value = variables.get(name);
          if (value.isPresent()) {
            return Option.apply(value.get());
          }
          // an existing variable holding null must be found, or FEEL reports it missing
          return variables.names().contains(name) ? Option.apply(null) : Option.empty();
        }

        @Override
        public scala.collection.Iterable<String> keys() {
          return CollectionConverters.asScala(variables.names());
        }
      };
    }

    @Override
    public FunctionProvider functionProvider() {
      return FunctionProvider.EmptyFunctionProvider$.MODULE$;
    }
  }
}
