package fr.secondevie.recycling;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Input refused before anything is written; one French message per field (pages show them next to
 * the fields, the API returns them in its problem details).
 */
class InvalidInputException extends RuntimeException {

  private final Map<String, String> errors;

  InvalidInputException(Map<String, String> errors) {
    super("Saisie refusée : " + errors);
    // in the order the fields were checked (the messages are listed to the user in that order)
    this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  static InvalidInputException of(String field, String message) {
    return new InvalidInputException(Map.of(field, message));
  }

  Map<String, String> errors() {
    return errors;
  }
}
