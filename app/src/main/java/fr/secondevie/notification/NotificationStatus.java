package fr.secondevie.notification;

/** Where an outgoing message stands. */
enum NotificationStatus {
  /** Kept in the outbox only: no SMTP server is configured (embedded mode). */
  RECORDED("Consigné (envoi désactivé)"),
  SENT("Envoyé"),
  /** The SMTP server refused it; sending again with the same operation id retries. */
  FAILED("Échec d'envoi");

  private final String label;

  NotificationStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
