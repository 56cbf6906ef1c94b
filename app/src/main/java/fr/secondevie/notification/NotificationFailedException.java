package fr.secondevie.notification;

import org.springframework.modulith.NamedInterface;

/** The SMTP server refused a message; it is recorded as FAILED and retried on the next call. */
@NamedInterface("api")
public class NotificationFailedException extends RuntimeException {

  NotificationFailedException(OutgoingMessage message, Exception cause) {
    super(
        "Could not send the e-mail '%s' to %s: %s"
            .formatted(message.subject(), message.recipient(), cause.getMessage()),
        cause);
  }
}
