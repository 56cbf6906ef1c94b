package fr.secondevie.tasks;

/**
 * The process runtime refused or could not answer a user task request. The {@link Kind} says which
 * French message the pages show.
 */
public class TaskRuntimeException extends RuntimeException {

  /** What went wrong, from the HTTP status of the runtime's answer. */
  public enum Kind {
    /** 404: no such task (completed or canceled meanwhile). */
    NOT_FOUND,
    /** 409: the task changed meanwhile (assigned, completing, completed). */
    CONFLICT,
    /** 400: the runtime refused the request (e.g. the variables). */
    REJECTED,
    /** No answer, 5xx, 401/403 of the application's client: a technical failure. */
    UNAVAILABLE,
    /** The task's form is not a Camunda form this inbox can read. */
    UNREADABLE_FORM
  }

  private final Kind kind;

  public TaskRuntimeException(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
