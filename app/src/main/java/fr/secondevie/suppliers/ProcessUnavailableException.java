package fr.secondevie.suppliers;

import fr.secondevie.common.RefusedRequestException;

/**
 * The process runtime could not do what was asked; the message is French, for people. The API
 * answers 503 "Processus indisponible" with Retry-After; pages show the message.
 */
public class ProcessUnavailableException extends RefusedRequestException {

  /** The title of the API's problem. */
  private static final String TITLE = "Processus indisponible";

  public ProcessUnavailableException(String message, Throwable cause) {
    super(Reason.UNAVAILABLE, TITLE, message);
    initCause(cause);
  }
}
