package fr.secondevie.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/** One message of the outbox. {@code documentIds} is a comma-separated list of public ids. */
@NamedInterface("api")
@Table("notification")
public record Notification(
    @Id Long id,
    @Version Integer version,
    String operationId,
    String recipient,
    String subject,
    String body,
    String documentIds,
    NotificationStatus status,
    String failure,
    Instant createdAt,
    Instant sentAt) {

  public List<String> attachmentIds() {
    return documentIds == null || documentIds.isBlank()
        ? List.of()
        : List.of(documentIds.split(","));
  }

  Notification withOutcome(NotificationStatus status, String failure, Instant sentAt) {
    return new Notification(
        id,
        version,
        operationId,
        recipient,
        subject,
        body,
        documentIds,
        status,
        failure,
        createdAt,
        sentAt);
  }
}
