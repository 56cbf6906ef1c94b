package fr.secondevie.common;

import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;

/** Problem details ({@code application/problem+json}) for refused API input. */
public final class ApiProblems {

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

  /** 400 naming the field whose value could not be read (a date, a number, a choice). */
  public static ProblemDetail unreadable(HttpMessageNotReadableException e) {
    String field = null;
    if (e.getCause() instanceof MismatchedInputException mismatch) {
      field =
          mismatch.getPath().stream()
              .map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
              .collect(Collectors.joining("."));
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            field == null || field.isEmpty()
                ? "Corps de requête JSON illisible."
                : "Valeur illisible pour le champ « "
                    + field
                    + " »"
                    + (e.getCause() instanceof InvalidFormatException f
                        ? " : « " + f.getValue() + " »."
                        : "."));
    problem.setTitle("Requête illisible");
    if (field != null && !field.isEmpty()) {
      problem.setProperty(
          "errors", List.of(Map.of("field", field, "message", problem.getDetail())));
    }
    return problem;
  }
}
