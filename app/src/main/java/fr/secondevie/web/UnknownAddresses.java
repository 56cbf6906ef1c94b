package fr.secondevie.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address that matches no page: the French error page in the browser, problem details under
 * {@code /api/}. Spring's problem details handler (spring.mvc.problemdetails.enabled) would answer
 * every unknown address with English JSON, pages included; this advice comes first.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice
class UnknownAddresses {

  @ExceptionHandler(NoResourceFoundException.class)
  Object unknown(NoResourceFoundException e, HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.NOT_FOUND);
      problem.setTitle("Not Found");
      problem.setDetail("No endpoint " + e.getHttpMethod() + " " + path + ".");
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    return notFound(path);
  }

  /**
   * A path whose id is not even of the right type ({@code /assets/abc}) names nothing: the page
   * says so (404); the API keeps its 400 problem.
   */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  Object mistyped(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      ProblemDetail problem =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.BAD_REQUEST,
              "Failed to convert '" + e.getName() + "' with value: '" + e.getValue() + "'");
      problem.setTitle("Bad Request");
      return ResponseEntity.badRequest()
          .contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
      return notFound(path);
    }
    return new ModelAndView("error", Map.of("status", 400), HttpStatus.BAD_REQUEST);
  }

  private static ModelAndView notFound(String path) {
    return new ModelAndView("error", Map.of("status", 404, "path", path), HttpStatus.NOT_FOUND);
  }
}
