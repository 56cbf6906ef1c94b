package fr.secondevie.suppliers;

/**
 * A portal link that opens nothing. The page tells the supplier why, and never shows another
 * application: an unknown token is 404, an expired or closed one 410.
 */
public class PortalAccessException extends RuntimeException {

  /** Why the link does not work. */
  public enum Reason {
    UNKNOWN,
    EXPIRED,
    CLOSED
  }

  private final Reason reason;

  public PortalAccessException(Reason reason) {
    super(
        switch (reason) {
          case UNKNOWN -> "Ce lien ne correspond à aucun questionnaire.";
          case EXPIRED -> "Ce lien a expiré.";
          case CLOSED -> "Cette candidature est close.";
        });
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
