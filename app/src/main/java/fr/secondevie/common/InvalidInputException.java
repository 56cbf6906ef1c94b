package fr.secondevie.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.modulith.NamedInterface;

/**
 * Input refused before anything is written: the one way every feature refuses a form, a request or
 * a file. It holds the {@link InputError}s in the order they were found (fields in the order they
 * were checked, lines of a file from the first), and says what was refused ({@link #subject()}).
 * Pages show the messages next to their fields in that order; the API answers 422 with them in that
 * order ({@code ApiErrorHandler}).
 */
@NamedInterface("api")
public class InvalidInputException extends RuntimeException {

  /** What is refused when the feature does not say. */
  public static final String DEFAULT_SUBJECT = "Saisie refusée";

  private final String subject;
  private final List<InputError> inputErrors;

  /**
   * @param errors field to message, in the order the fields were checked: a {@link LinkedHashMap}
   *     (a copy is kept; {@code Map.copyOf} would lose the order)
   */
  public InvalidInputException(Map<String, String> errors) {
    this(
        DEFAULT_SUBJECT,
        errors.entrySet().stream().map(e -> InputError.of(e.getKey(), e.getValue())).toList());
  }

  /**
   * @param subject what is refused, in French ("Rapport d'effacement refusé")
   * @param errors the problems in the order they were found; at least one
   */
  public InvalidInputException(String subject, List<InputError> errors) {
    super(subject + " : " + summary(atLeastOne(errors)));
    this.subject = subject;
    this.inputErrors = List.copyOf(errors);
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(DEFAULT_SUBJECT, List.of(InputError.of(field, message)));
  }

  /** What is refused, in French: the title of the API's problem details. */
  public String subject() {
    return subject;
  }

  /** Every problem, in the order found. */
  public List<InputError> inputErrors() {
    return inputErrors;
  }

  /** Every message in the order found, joined by a space: the refusal in one sentence. */
  public String messages() {
    return inputErrors.stream().map(InputError::message).collect(Collectors.joining(" "));
  }

  /**
   * Field to message for a form, in the order the fields were checked; a field's first problem
   * only, problems of no field under {@code ""}.
   */
  public Map<String, String> errors() {
    Map<String, String> byField = new LinkedHashMap<>();
    for (InputError error : inputErrors) {
      byField.putIfAbsent(error.field() == null ? "" : error.field(), error.message());
    }
    return Collections.unmodifiableMap(byField);
  }

  private static List<InputError> atLeastOne(List<InputError> errors) {
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("Expected at least one input error but got none");
    }
    return errors;
  }

  private static String summary(List<InputError> errors) {
    if (errors.size() == 1) {
      InputError only = errors.get(0);
      String where =
          (only.line() == null ? "" : "ligne " + only.line() + (only.field() == null ? "" : ", "))
              + (only.field() == null ? "" : only.field());
      return where.isEmpty() ? only.message() : where + " : " + only.message();
    }
    return errors.size() + " erreurs, la première : " + summary(errors.subList(0, 1));
  }
}
