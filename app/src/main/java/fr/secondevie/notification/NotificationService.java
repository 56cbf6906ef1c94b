package fr.secondevie.notification;

import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.StoredDocument;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Sends e-mails through the outbox. The outbox stores each message as readers of <i>Boîte
 * d'envoi</i> may see it: the secrets of a message (a supplier's portal link) are replaced by their
 * placeholder there, and exist only in the message handed to the SMTP server.
 *
 * <p>Not transactional on purpose: the outbox row is committed before the SMTP call, so a failure
 * is recorded as {@code FAILED} and the exception reaches the caller (a job worker then fails its
 * job, which is retried with the same operation id).
 */
@NamedInterface("api")
@Service
public class NotificationService {

  private static final Logger LOG = LoggerFactory.getLogger(NotificationService.class);

  private final NotificationRepository notifications;
  private final DocumentService documents;
  private final ObjectProvider<JavaMailSender> mailSender;
  private final Clock clock;
  private final String from;

  NotificationService(
      NotificationRepository notifications,
      DocumentService documents,
      ObjectProvider<JavaMailSender> mailSender,
      Clock clock,
      @Value("${secondevie.mail.from:seconde-vie@chu.example}") String from) {
    this.notifications = notifications;
    this.documents = documents;
    this.mailSender = mailSender;
    this.clock = clock;
    this.from = from;
  }

  /**
   * Sends a message once per operation id: a repeated call returns the earlier outcome, except
   * after a failure, which is retried.
   *
   * @throws NotificationFailedException the SMTP server refused the message (recorded as FAILED)
   */
  public Notification send(OutgoingMessage message) {
    Optional<Notification> earlier = notifications.findByOperationId(message.operationId());
    if (earlier.isPresent() && earlier.get().status() != NotificationStatus.FAILED) {
      return earlier.get();
    }
    Notification pending;
    if (earlier.isPresent()) {
      pending = earlier.get();
    } else {
      try {
        pending =
            notifications.save(
                new Notification(
                    null,
                    null,
                    message.operationId(),
                    message.recipient(),
                    message.subject(),
                    message.body(),
                    String.join(",", message.documentIds()),
                    NotificationStatus.RECORDED,
                    null,
                    clock.instant().truncatedTo(ChronoUnit.MICROS),
                    null));
      } catch (RuntimeException e) {
        // the same message recorded at the same instant by another caller (a job delivered twice
        // at once): that caller sends it; this one answers with its row
        Optional<Notification> other =
            duplicateKey(e)
                ? notifications.findByOperationId(message.operationId())
                : Optional.empty();
        if (other.isEmpty()) {
          throw e;
        }
        return other.get();
      }
    }
    JavaMailSender sender = mailSender.getIfAvailable();
    if (sender == null) {
      LOG.info(
          "E-mail to {} kept in the outbox (no SMTP configured): {}",
          message.recipient(),
          message.subject());
      return pending;
    }
    try {
      sender.send(mimeMessage(sender, message));
      return notifications.save(
          pending.withOutcome(NotificationStatus.SENT, null, clock.instant()));
    } catch (MailException | MessagingException e) {
      notifications.save(pending.withOutcome(NotificationStatus.FAILED, e.getMessage(), null));
      throw new NotificationFailedException(message, e);
    }
  }

  private static boolean duplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException
          || t instanceof java.sql.SQLIntegrityConstraintViolationException) {
        return true;
      }
    }
    return false;
  }

  /** The latest messages of the outbox, newest first. */
  public List<Notification> latest(int limit) {
    return notifications.findLatest(limit);
  }

  private MimeMessage mimeMessage(JavaMailSender sender, OutgoingMessage message)
      throws MessagingException {
    MimeMessage mime = sender.createMimeMessage();
    MimeMessageHelper helper =
        new MimeMessageHelper(mime, !message.documentIds().isEmpty(), "UTF-8");
    helper.setFrom(from);
    helper.setTo(message.recipient());
    helper.setSubject(message.subject());
    helper.setText(message.bodyToSend(), false);
    for (String documentId : message.documentIds()) {
      StoredDocument document =
          documents
              .find(documentId)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Expected a stored document to attach but found none with id "
                              + documentId));
      helper.addAttachment(
          document.filename(),
          new ByteArrayResource(documents.content(document)),
          document.contentType());
    }
    return mime;
  }
}
