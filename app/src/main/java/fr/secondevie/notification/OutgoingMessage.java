package fr.secondevie.notification;

import java.util.List;
import java.util.Objects;

/**
 * An e-mail to send.
 *
 * @param operationId caller-chosen id; sending twice with the same id sends once
 * @param documentIds public ids of stored documents to attach
 */
public record OutgoingMessage(
    String operationId, String recipient, String subject, String body, List<String> documentIds) {

  public OutgoingMessage {
    Objects.requireNonNull(operationId, "operationId");
    if (recipient == null || !recipient.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new IllegalArgumentException(
          "Expected an e-mail address as recipient but got '" + recipient + "'");
    }
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
  }
}
