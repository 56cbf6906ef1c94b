package fr.secondevie.suppliers;

/** An action the application's status does not allow; the message is French, for people. */
public class SupplierApplicationStateException extends RuntimeException {

  public SupplierApplicationStateException(String message) {
    super(message);
  }
}
