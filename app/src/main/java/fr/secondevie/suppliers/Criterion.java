package fr.secondevie.suppliers;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One criterion of a questionnaire.
 *
 * @param code stable identifier within the questionnaire ({@code ENV-01})
 * @param weight 1 (useful) to 3 (essential)
 * @param expectedEvidence what the supplier must attach for the answer to count
 * @param unit for {@link AnswerType#NUMBER}: the unit of the number (ans, mois…)
 * @param options for {@link AnswerType#CHOICE}: the choices and their fractions
 * @param thresholds for {@link AnswerType#NUMBER}: the fraction earned from each minimum
 */
public record Criterion(
    String code,
    Axis axis,
    int weight,
    String question,
    String expectedEvidence,
    AnswerType answerType,
    String unit,
    List<Option> options,
    List<Threshold> thresholds) {

  public static final String YES = "YES";
  public static final String NO = "NO";
  private static final BigDecimal MAX_NUMBER = new BigDecimal("1000");

  /** A choice of a {@link AnswerType#CHOICE} criterion. */
  public record Option(String value, String label, BigDecimal fraction) {}

  /** The fraction earned by a number at least {@code min}. */
  public record Threshold(BigDecimal min, BigDecimal fraction) {}

  public Criterion {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(axis, "axis of " + code);
    Objects.requireNonNull(answerType, "answerType of " + code);
    if (weight < 1 || weight > 3) {
      throw new IllegalArgumentException(
          "Expected a weight from 1 to 3 for " + code + " but got " + weight);
    }
    if (question == null || question.isBlank() || expectedEvidence == null) {
      throw new IllegalArgumentException("Expected a question and evidence for " + code);
    }
    options = options == null ? List.of() : List.copyOf(options);
    thresholds =
        thresholds == null
            ? List.of()
            : thresholds.stream().sorted(Comparator.comparing(Threshold::min).reversed()).toList();
    if (answerType == AnswerType.CHOICE && options.size() < 2) {
      throw new IllegalArgumentException("Expected at least two options for " + code);
    }
    if (answerType == AnswerType.NUMBER && thresholds.isEmpty()) {
      throw new IllegalArgumentException("Expected thresholds for " + code);
    }
    for (BigDecimal fraction :
        java.util.stream.Stream.concat(
                options.stream().map(Option::fraction),
                thresholds.stream().map(Threshold::fraction))
            .toList()) {
      if (fraction.signum() < 0 || fraction.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("Expected fractions from 0 to 1 in " + code);
      }
    }
  }

  /**
   * Checks an answer as typed on the portal; a blank answer is allowed (not answered yet).
   *
   * @return the French message for the supplier, or null when the answer is acceptable
   */
  public String problem(String answer) {
    if (answer == null || answer.isBlank()) {
      return null;
    }
    return switch (answerType) {
      case YES_NO -> YES.equals(answer) || NO.equals(answer) ? null : "Répondez par oui ou non.";
      case CHOICE ->
          options.stream().anyMatch(o -> o.value().equals(answer))
              ? null
              : "Choisissez l'une des réponses proposées.";
      case NUMBER -> {
        BigDecimal number = number(answer);
        yield number == null || number.signum() < 0 || number.compareTo(MAX_NUMBER) > 0
            ? "Saisissez un nombre positif (en " + unit + ")."
            : null;
      }
    };
  }

  /** The answer as stored: numbers normalised ("7,5" → "7.5"), blanks → null. */
  public String normalize(String answer) {
    if (answer == null || answer.isBlank()) {
      return null;
    }
    String trimmed = answer.strip();
    if (answerType == AnswerType.NUMBER) {
      BigDecimal number = number(trimmed);
      return number == null ? trimmed : number.stripTrailingZeros().toPlainString();
    }
    return trimmed;
  }

  /** The fraction (0–1) of the weight this answer declares; null when unanswered or invalid. */
  public BigDecimal fraction(String answer) {
    if (answer == null || answer.isBlank() || problem(answer) != null) {
      return null;
    }
    return switch (answerType) {
      case YES_NO -> YES.equals(answer) ? BigDecimal.ONE : BigDecimal.ZERO;
      case CHOICE ->
          options.stream()
              .filter(o -> o.value().equals(answer))
              .findFirst()
              .map(Option::fraction)
              .orElseThrow();
      case NUMBER -> {
        BigDecimal number = number(answer);
        yield thresholds.stream()
            .filter(t -> number.compareTo(t.min()) >= 0)
            .findFirst()
            .map(Threshold::fraction)
            .orElse(BigDecimal.ZERO);
      }
    };
  }

  /** The answer as people read it ("Oui", the option's label, "36 mois"); "—" when unanswered. */
  public String display(String answer) {
    if (answer == null || answer.isBlank()) {
      return "—";
    }
    return switch (answerType) {
      case YES_NO -> YES.equals(answer) ? "Oui" : NO.equals(answer) ? "Non" : answer;
      case CHOICE ->
          options.stream()
              .filter(o -> o.value().equals(answer))
              .findFirst()
              .map(Option::label)
              .orElse(answer);
      case NUMBER -> answer.replace('.', ',') + " " + unit;
    };
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.strip().replace(',', '.').replace(" ", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
