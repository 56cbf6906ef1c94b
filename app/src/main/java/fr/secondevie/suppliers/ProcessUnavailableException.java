package fr.secondevie.suppliers;

/** The process runtime could not do what was asked; the message is French, for people. */
public class ProcessUnavailableException extends RuntimeException {

  public ProcessUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
