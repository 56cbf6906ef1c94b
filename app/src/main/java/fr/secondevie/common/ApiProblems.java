package fr.secondevie.common;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Problem details ({@code application/problem+json}) for refused API input. */
final class ApiProblems {

  private ApiProblems() {}

  /**
   * 422 titled with what was refused, {@code errors: [{field, line, value, message}]} in the order
   * found (each member only when known); the detail joins the messages of a form, counts the
   * problems of a file.
   */
  static ProblemDetail invalid(InvalidInputException e) {
    List<InputError> errors = e.inputErrors();
    boolean inFile = errors.stream().anyMatch(error -> error.line() != null);
    String detail =
        inFile ? "%d erreur(s) : rien n'a été enregistré.".formatted(errors.size()) : e.messages();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, detail);
    problem.setTitle(e.subject());
    problem.setProperty("errors", errors.stream().map(InputError::members).toList());
    return problem;
  }

  /** 404, 409, 429 or 503 as the refusal says, with its details as properties. */
  static ProblemDetail refused(RefusedRequestException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status(e), e.getMessage());
    problem.setTitle(e.title());
    e.details().forEach(problem::setProperty);
    return problem;
  }

  static HttpStatus status(RefusedRequestException e) {
    return switch (e.reason()) {
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case TOO_MANY_FROM_USER -> HttpStatus.TOO_MANY_REQUESTS;
      case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }

  /**
   * 400 naming the field whose value could not be read (a date, a number, a choice), and saying so
   * when a number is too large for its field.
   */
  static ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String field = null;
    if (e.getCause() instanceof JsonMappingException mapping) {
      field =
          mapping.getPath().stream()
              .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
              .collect(Collectors.joining("."));
    }
    boolean outOfRange = false;
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof InputCoercionException) {
        outOfRange = true;
      }
    }
    String detail;
    if (field == null || field.isEmpty()) {
      detail = "Corps de requête JSON illisible.";
    } else if (outOfRange) {
      detail = "Nombre trop grand pour le champ « " + field + " ».";
    } else {
      detail =
          "Valeur illisible pour le champ « "
              + field
              + " »"
              + (e.getCause() instanceof InvalidFormatException f
                  ? " : « " + f.getValue() + " »."
                  : ".");
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Requête illisible");
    if (field != null && !field.isEmpty()) {
      problem.setProperty("errors", List.of(Map.of("field", field, "message", detail)));
    }
    return problem;
  }
}
