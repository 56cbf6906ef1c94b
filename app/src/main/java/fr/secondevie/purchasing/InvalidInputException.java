package fr.secondevie.purchasing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input refused before anything is written; one French message per field (pages show them next to
 * the fields, the API returns them in its problem details, workers in {@code taskRefusal}).
 */
class InvalidInputException extends RuntimeException {

  private final Map<String, String> errors;

  InvalidInputException(Map<String, String> errors) {
    super("Saisie refusée : " + errors);
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  static InvalidInputException of(String field, String message) {
    return new InvalidInputException(Map.of(field, message));
  }

  Map<String, String> errors() {
    return errors;
  }
}
