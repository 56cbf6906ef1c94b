/**
 * Notification: the e-mails the processes send (dismantling orders to adapted companies,
 * questionnaire links to suppliers, reminders to agents: job {@code notification.send-reminder}, to
 * the address of the group that has to act).
 *
 * <p>Every message goes through {@link fr.secondevie.notification.NotificationService}, which keeps
 * it in an outbox table, idempotent by the caller's operation id (a job delivered twice sends one
 * e-mail), then sends it over SMTP when {@code spring.mail.host} is configured. Without SMTP
 * (embedded mode) messages are kept as {@code RECORDED} and readable on the outbox page, so a
 * demonstration shows what would have been sent.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notification",
    allowedDependencies = {"common :: api", "documents :: api", "processes :: api"})
package fr.secondevie.notification;
