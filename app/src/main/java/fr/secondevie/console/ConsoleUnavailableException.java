package fr.secondevie.console;

/** The process runtime refused or did not answer a console request. */
class ConsoleUnavailableException extends RuntimeException {

  private final int status;

  ConsoleUnavailableException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  /** The HTTP status the runtime answered, 0 when it did not answer. */
  int status() {
    return status;
  }

  boolean notFound() {
    return status == 404;
  }
}
