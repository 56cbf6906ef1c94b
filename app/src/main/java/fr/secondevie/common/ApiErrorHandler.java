package fr.secondevie.common;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Refused input of every REST controller as problem details ({@code application/problem+json}): 422
 * with the errors in field order for {@link InvalidInputException}, 400 naming the unreadable field
 * for a body that cannot be read ({@link ApiProblems}). A feature's own errors (an unknown asset, a
 * report not published...) stay with its controller or its advice. First of the advices: Spring
 * Boot's problem details handler (order 0) would otherwise answer unreadable bodies without naming
 * the field.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorHandler {

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return ApiProblems.invalid(e.errors());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ApiProblems.unreadable(e);
  }
}
