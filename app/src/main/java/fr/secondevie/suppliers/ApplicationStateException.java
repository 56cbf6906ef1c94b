package fr.secondevie.suppliers;

/** An action the application's status does not allow; the message is French, for people. */
public class ApplicationStateException extends RuntimeException {

  public ApplicationStateException(String message) {
    super(message);
  }
}
