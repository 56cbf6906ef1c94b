package fr.secondevie.tasks;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * What the inbox pages answer when the runtime fails or refuses: the HTTP status of each kind of
 * {@link TaskRuntimeException} and its message in French, on the problem page.
 */
@ControllerAdvice(
    assignableTypes = {
      TaskInboxController.class,
      TaskPageController.class,
      TaskDocumentController.class
    })
class TaskProblems {

  private static final Logger LOG = LoggerFactory.getLogger(TaskProblems.class);

  @ExceptionHandler(TaskRuntimeException.class)
  String runtimeProblem(TaskRuntimeException e, HttpServletResponse response, Model model) {
    LOG.warn("Task runtime: {} {}", e.kind(), e.getMessage());
    response.setStatus(status(e).value());
    model.addAttribute("problem", message(e));
    return "tasks/problem";
  }

  static HttpStatus status(RuntimeException e) {
    if (e instanceof TaskRuntimeException runtime) {
      return switch (runtime.kind()) {
        case NOT_FOUND -> HttpStatus.NOT_FOUND;
        case CONFLICT -> HttpStatus.CONFLICT;
        case REJECTED -> HttpStatus.UNPROCESSABLE_ENTITY;
        case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        case UNREADABLE_FORM -> HttpStatus.BAD_GATEWAY;
      };
    }
    return HttpStatus.CONFLICT;
  }

  /** The French message for a refusal or a runtime error. */
  static String message(RuntimeException e) {
    if (e instanceof TaskRuntimeException runtime) {
      return switch (runtime.kind()) {
        case NOT_FOUND ->
            "Cette tâche n'existe plus : elle a sans doute été terminée par quelqu'un d'autre, ou le"
                + " processus a continué sans elle.";
        case CONFLICT ->
            "Cette tâche a changé entre-temps (assignée, terminée ou en cours de traitement par"
                + " quelqu'un d'autre). Rechargez la page pour voir son état.";
        case REJECTED ->
            "Le moteur de processus a refusé la demande"
                + (runtime.getMessage() == null ? "." : " : " + runtime.getMessage());
        case UNAVAILABLE ->
            "Le moteur de processus ne répond pas. Réessayez dans un instant ; si le problème"
                + " persiste, prévenez l'administrateur.";
        case UNREADABLE_FORM ->
            "Le formulaire de cette tâche est illisible ("
                + runtime.getMessage()
                + ") : terminez-la dans Tasklist et prévenez le pilote du processus.";
      };
    }
    return e.getMessage();
  }
}
