package fr.secondevie.tasks.form;

import static fr.secondevie.tasks.form.FormFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The FEEL of conditions, templates and validation bounds through feel-engine, construct by
 * construct, with the values forms rely on (null for what is missing, three-valued logic,
 * decimals).
 */
class FormExpressionsTests {

  private final FormExpressions expressions = new FormExpressions(CLOCK);

  static final Map<String, Object> VARIABLES = variables();

  static Map<String, Object> variables() {
    Map<String, Object> v = new HashMap<>();
    v.put("decision", "REFUSED");
    v.put("count", 3);
    v.put("amount", 12.5);
    v.put("flag", true);
    v.put("nothing", null);
    v.put("asset", Map.of("category", "LAPTOP", "ageYears", 4.5, "drives", List.of("A", "B")));
    v.put("items", List.of(Map.of("serial", "S1"), Map.of("serial", "S2")));
    return v;
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // equality and inequality, strings, numbers, booleans, null
        "decision = \"REFUSED\"                | true",
        "decision != \"REFUSED\"               | false",
        "decision != \"APPROVED\"              | true",
        "count = 3                             | true",
        "count = 3.0                           | true",
        "amount = 12.50                        | true",
        "flag = true                           | true",
        "flag                                  | true",
        "nothing = null                        | true",
        "missing = null                        | true",
        "missing != \"RETRY\"                  | true",
        "missing = \"RETRY\"                   | false",
        // comparisons
        "count > 2                             | true",
        "count >= 3                            | true",
        "count < 3                             | false",
        "amount <= 12.5                        | true",
        "\"abc\" < \"abd\"                     | true",
        // paths
        "asset.category != \"LAPTOP\"          | false",
        "asset.category = \"LAPTOP\"           | true",
        "asset.ageYears > 4                    | true",
        "asset.missing.deeper = null           | true",
        "missing.category != \"LAPTOP\"        | true",
        // and, or, not, parentheses
        "flag and count = 3                    | true",
        "flag and count = 4                    | false",
        "count = 4 or decision = \"REFUSED\"   | true",
        "not(flag)                             | false",
        "not(count = 4)                        | true",
        "(count = 4 or flag) and not(missing = 1) | true",
        // is defined, null-safe helpers
        "is defined(decision)                  | true",
        "is defined(missing)                   | false",
        "is defined(asset.category)            | true",
        "is defined(asset.color)               | false",
        "not(is defined(missing))              | true",
        "get or else(missing, 2) = 2           | true",
        // between, in, list functions
        "count between 1 and 3                 | true",
        "amount between 13 and 20              | false",
        "decision in (\"APPROVED\", \"REFUSED\") | true",
        "decision in [\"APPROVED\"]            | false",
        "list contains(asset.drives, \"B\")    | true",
        "list contains([1, 2], count)          | false",
        "count(items) = 2                      | true",
        "items.serial = [\"S1\", \"S2\"]       | true",
        "items[1].serial = \"S1\"              | true",
        "items[-1].serial = \"S2\"             | true",
        "is empty([])                          | true",
        "sum([1, 2, count]) = 6                | true",
        "min(4, count) = 3                     | true",
        // strings
        "string length(decision) = 7           | true",
        "contains(decision, \"FUS\")           | true",
        "starts with(decision, \"REF\")        | true",
        "ends with(decision, \"X\")            | false",
        "upper case(\"a\") = \"A\"             | true",
        "lower case(decision) = \"refused\"    | true",
        "\"a\" + \"b\" = \"ab\"                | true",
        "string(count) = \"3\"                 | true",
        "number(\"12,5\") = null               | true",
        "number(\"12.5\") = amount             | true",
        // arithmetic
        "count * 2 + 1 = 7                     | true",
        "amount / 2 = 6.25                     | true",
        "-count = -3                           | true",
        "count - 3 = 0                         | true",
        // if then else
        "if flag then count = 3 else false     | true",
        "if missing = 1 then true else false   | false",
        // context literal
        "{a: 1, b: \"x\"}.b = \"x\"            | true",
      })
  void shouldEvaluateLikeFeel(String expression, boolean expected) {
    assertThat(expressions.evaluate(expression.trim(), VARIABLES)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} → null")
  @CsvSource({
    "count = \"3\"", // different types
    "decision < 3",
    "missing > 2",
    "missing and true",
    "not(decision)",
    "count / 0",
    "missing + 1",
    "items[5]",
  })
  void shouldGiveNullWhereFeelDoes(String expression) {
    assertThat(expressions.evaluate(expression, VARIABLES)).isNull();
  }

  @Test
  void shouldApplyThreeValuedLogic() {
    assertThat(expressions.evaluate("missing > 1 and false", VARIABLES)).isEqualTo(false);
    assertThat(expressions.evaluate("missing > 1 or true", VARIABLES)).isEqualTo(true);
    assertThat(expressions.evaluate("missing > 1 or false", VARIABLES)).isNull();
    assertThat(expressions.isTrue("missing > 1 or false", VARIABLES)).isFalse();
  }

  @Test
  void shouldReturnNumbersAsDecimals() {
    assertThat(expressions.evaluate("count + 0.5", VARIABLES)).isEqualTo(new BigDecimal("3.5"));
    assertThat(FeelValues.toText(expressions.evaluate("amount * 2", VARIABLES))).isEqualTo("25");
    assertThat(FeelValues.toText(List.of("a", 2))).isEqualTo("a, 2");
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // refused by the former hand-written subset, evaluated by feel-engine
        "(for x in items return x.serial) = [\"S1\", \"S2\"] | true",
        "some x in [1, 5] satisfies x > count                | true",
        "every x in [1, 5] satisfies x > count               | false",
        "count instance of number                            | true",
        "date(\"2025-01-01\") < date(\"2025-02-01\")         | true",
        "count in [1..3]                                     | true",
        "today() = date(\"2025-03-12\")                      | true",
        // feel-engine: a variable holding null is not defined (the former subset said it was)
        "is defined(nothing)                                 | false",
      })
  void shouldEvaluateWhatTheFormerSubsetRefused(String expression, boolean expected) {
    assertThat(expressions.evaluate(expression.trim(), VARIABLES)).isEqualTo(expected);
  }

  @Test
  void shouldReturnListsAndContextsWithDecimalNumbers() {
    assertThat(expressions.evaluate("[1, 2.5, {a: count}]", VARIABLES))
        .isEqualTo(
            List.of(new BigDecimal("1"), new BigDecimal("2.5"), Map.of("a", new BigDecimal("3"))));
    assertThat(expressions.evaluate("amount / 3", VARIABLES))
        .isEqualTo(new BigDecimal("4.166666666666666666666666666666667"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "count =                        | « = » inattendu (position 7 de « count = »)",
        "(count = 3                     | « (count = 3 » inattendu (position 1",
        "\"open                         | « \"open » inattendu (position 1",
        "count # 3                      | « # 3 » inattendu (position 7",
        "if flag then 1                 | « flag then » inattendu (position 4",
      })
  void shouldRefuseWhatCannotBeParsedWithAFrenchMessage(String expression, String message) {
    assertThatThrownBy(() -> expressions.evaluate(expression.trim(), VARIABLES))
        .isInstanceOf(FormExpressionException.class)
        .hasMessageStartingWith("expression FEEL invalide : ")
        .hasMessageContaining(message);
    assertThatThrownBy(() -> expressions.check(expression.trim()))
        .isInstanceOf(FormExpressionException.class)
        .hasMessageContaining(message);
  }

  @Test
  void shouldRefuseAnEmptyExpressionAndAnUnknownFunction() {
    assertThatThrownBy(() -> expressions.check(" "))
        .isInstanceOf(FormExpressionException.class)
        .hasMessage("expression vide");
    assertThatThrownBy(() -> expressions.evaluate("shout(decision)", VARIABLES))
        .isInstanceOf(FormExpressionException.class)
        .hasMessageStartingWith("fonction inconnue dans « shout(decision) »");
  }

  @Test
  void shouldKeepABoundedNumberOfParsedExpressions() {
    // given expressions that keep at most two parsed expressions
    FormExpressions bounded = new FormExpressions(CLOCK, 2);

    // when three different expressions are evaluated, the first one again at the end
    bounded.evaluate("count = 1", VARIABLES);
    bounded.evaluate("count = 2", VARIABLES);
    bounded.evaluate("count = 3", VARIABLES);
    boolean again = bounded.isTrue("count = 1", VARIABLES);

    // then no more than two are kept, and an expression parsed again gives the same value
    assertThat(bounded.cached()).isEqualTo(2);
    assertThat(again).isFalse();
    assertThat(bounded.isTrue("count = 3", VARIABLES)).isTrue();
  }
}
