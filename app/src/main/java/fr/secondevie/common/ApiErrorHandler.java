package fr.secondevie.common;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The one handler of refused requests for every REST controller, as problem details ({@code
 * application/problem+json}) built by {@link ApiProblems}: 422 with the errors in the order found
 * for {@link InvalidInputException}, 400 naming the unreadable field for a body that cannot be
 * read, and 404/409/429/503 for a {@link RefusedRequestException} as its reason says (Retry-After
 * when waiting helps). First of the advices: Spring Boot's problem details handler (order 0) would
 * otherwise answer unreadable bodies without naming the field.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorHandler {

  /** Seconds a client is asked to wait before trying again after a 429 or a 503. */
  static final String RETRY_AFTER_SECONDS = "60";

  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalid(InvalidInputException e) {
    return ApiProblems.invalid(e);
  }

  @ExceptionHandler(RefusedRequestException.class)
  ResponseEntity<ProblemDetail> refused(RefusedRequestException e) {
    ResponseEntity.BodyBuilder response = ResponseEntity.status(ApiProblems.status(e));
    if (e.reason() == RefusedRequestException.Reason.TOO_MANY_FROM_USER
        || e.reason() == RefusedRequestException.Reason.UNAVAILABLE) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return response.body(ApiProblems.refused(e));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ApiProblems.unreadable(e);
  }
}
