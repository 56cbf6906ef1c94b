package fr.secondevie.notification;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.modulith.NamedInterface;

/**
 * An e-mail to send.
 *
 * @param operationId caller-chosen id; sending twice with the same id sends once
 * @param documentIds public ids of stored documents to attach
 * @param secrets what only the recipient may read, by the placeholder that stands for it in {@code
 *     body}: the outbox (table {@code notification}, page <i>Boîte d'envoi</i>) keeps the
 *     placeholder, only the message handed to the SMTP server carries the value. A caller whose
 *     send failed calls again with the secret (it is never read back from the outbox).
 */
@NamedInterface("api")
public record OutgoingMessage(
    String operationId,
    String recipient,
    String subject,
    String body,
    List<String> documentIds,
    Map<String, String> secrets) {

  public OutgoingMessage {
    Objects.requireNonNull(operationId, "operationId");
    if (recipient == null || !recipient.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      throw new IllegalArgumentException(
          "Expected an e-mail address as recipient but got '" + recipient + "'");
    }
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(body, "body");
    documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
    secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      if (secret.getKey().isBlank() || !body.contains(secret.getKey())) {
        throw new IllegalArgumentException(
            "Expected the placeholder of a secret in the body but did not find '"
                + secret.getKey()
                + "'");
      }
      if (secret.getValue().isBlank()
          || body.contains(secret.getValue())
          || subject.contains(secret.getValue())) {
        throw new IllegalArgumentException(
            "Expected a secret absent from the stored subject and body, behind placeholder '"
                + secret.getKey()
                + "'");
      }
    }
  }

  /** A message without secret: stored and sent as it is. */
  public OutgoingMessage(
      String operationId, String recipient, String subject, String body, List<String> documentIds) {
    this(operationId, recipient, subject, body, documentIds, Map.of());
  }

  /** The body as sent: each placeholder replaced by its secret. */
  String bodyToSend() {
    String sent = body;
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      sent = sent.replace(secret.getKey(), secret.getValue());
    }
    return sent;
  }

  @Override
  public String toString() {
    return "OutgoingMessage[operationId=%s, recipient=%s, subject=%s, secrets=%s]"
        .formatted(operationId, recipient, subject, secrets.keySet());
  }
}
