package fr.secondevie.inventory.web;

import fr.secondevie.inventory.AssetNotFoundException;
import fr.secondevie.inventory.IllegalStatusTransitionException;
import fr.secondevie.inventory.OperationConflictException;
import fr.secondevie.inventory.glpi.ImportQueueFullException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Inventory errors as {@code application/problem+json} for the REST API. */
@RestControllerAdvice(assignableTypes = AssetApiController.class)
class ApiExceptionHandler {

  @ExceptionHandler(AssetNotFoundException.class)
  ProblemDetail notFound(AssetNotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Équipement inconnu");
    problem.setProperty("inventoryNumber", e.inventoryNumber());
    return problem;
  }

  @ExceptionHandler(IllegalStatusTransitionException.class)
  ProblemDetail illegalTransition(IllegalStatusTransitionException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Transition de statut interdite");
    problem.setProperty("from", e.from());
    problem.setProperty("to", e.to());
    problem.setProperty("allowed", e.from().allowedNext());
    return problem;
  }

  /** 429 when the user's own imports fill their quota, 503 when everyone's fill the queue. */
  @ExceptionHandler(ImportQueueFullException.class)
  ResponseEntity<ProblemDetail> importQueueFull(ImportQueueFullException e) {
    HttpStatus status = e.perUser() ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.SERVICE_UNAVAILABLE;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle("Trop d'imports en attente : rien n'a été enregistré");
    problem.setProperty("limit", e.limit());
    return ResponseEntity.status(status).header(HttpHeaders.RETRY_AFTER, "60").body(problem);
  }

  @ExceptionHandler(OperationConflictException.class)
  ProblemDetail operationConflict(OperationConflictException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    problem.setTitle("Identifiant d'opération déjà utilisé");
    return problem;
  }
}
