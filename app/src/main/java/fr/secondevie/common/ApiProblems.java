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

  /** 422 with {@code errors: [{field, message}]}. */
  public static ProblemDetail invalid(Map<String, String> errors) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY, String.join(" ", errors.values()));
    problem.setTitle("Saisie refusée");
    problem.setProperty(
        "errors",
        errors.entrySet().stream()
            .map(e -> Map.of("field", e.getKey(), "message", e.getValue()))
            .toList());
    return problem;
  }

  /**
   * 400 naming the field whose value could not be read (a date, a number, a choice), and saying so
   * when a number is too large for its field.
   */
  public static ProblemDetail unreadable(HttpMessageNotReadableException e) {
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
