package fr.secondevie.common;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.modulith.NamedInterface;

/**
 * Input refused before anything is written; one French message per field, in the order the fields
 * were checked (pages show them next to the fields and list them in that order; the API returns
 * them in that order in its problem details, {@link ApiErrorHandler}).
 */
@NamedInterface("api")
public class InvalidInputException extends RuntimeException {

  private final Map<String, String> errors;

  /**
   * @param errors field to message, in the order the fields were checked: a {@link LinkedHashMap}
   *     (a copy is kept; {@code Map.copyOf} would lose the order)
   */
  public InvalidInputException(Map<String, String> errors) {
    super("Saisie refusée : " + errors);
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public static InvalidInputException of(String field, String message) {
    return new InvalidInputException(Map.of(field, message));
  }

  /** Field to message, in the order the fields were checked. */
  public Map<String, String> errors() {
    return errors;
  }
}
