package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.ReferencingCommands.now;
import static fr.secondevie.suppliers.ReferencingCommands.supplier;

import fr.secondevie.notification.NotificationFailedException;
import fr.secondevie.notification.NotificationService;
import fr.secondevie.notification.OutgoingMessage;
import fr.secondevie.processes.SupplierReferencingProcess;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The invitation commands of process P4: open a round of answers and e-mail the questionnaire's
 * portal link ({@code supplier.send-questionnaire}), e-mail a fresh link as a reminder ({@code
 * supplier.send-reminder}); texts from {@link SupplierMails}. Idempotent by operation: repeated, a
 * command changes nothing twice and sends one e-mail.
 */
@Service
class SupplierInvitations {

  private final SupplierRepository suppliers;
  private final SupplierApplicationRepository applications;
  private final PortalTokens tokens;
  private final NotificationService notifications;
  private final SupplierMails mails;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final String portalBaseUrl;

  SupplierInvitations(
      SupplierRepository suppliers,
      SupplierApplicationRepository applications,
      PortalTokens tokens,
      NotificationService notifications,
      SupplierMails mails,
      TransactionTemplate tx,
      Clock clock,
      @Value("${secondevie.suppliers.portal-base-url:http://localhost:8080}")
          String portalBaseUrl) {
    this.suppliers = suppliers;
    this.applications = applications;
    this.tokens = tokens;
    this.notifications = notifications;
    this.mails = mails;
    this.tx = tx;
    this.clock = clock;
    this.portalBaseUrl = portalBaseUrl.replaceAll("/+$", "");
  }

  /** Output of {@code supplier.send-questionnaire}. */
  public record Invitation(int round, Instant deadline) {}

  /**
   * Opens the next round of answers and e-mails a new portal link, expiring with the deadline.
   *
   * @param reason the buyer's request for more evidence (a new round), or null
   */
  public Invitation sendQuestionnaire(long applicationId, String reason, String operationId) {
    Sent<Invitation> sent =
        tx.execute(
            status -> {
              // two deliveries of the job at once: the second waits here until the first has
              // sent its link and marked it sent, then finds it sent
              SupplierApplication application = locked(applicationId);
              if (!tokens.hasOperation(operationId)) {
                Instant deadline =
                    now(clock)
                        .plus(Duration.parse(SupplierReferencingProcess.Timers.ANSWER_DEADLINE));
                application.open(deadline, reason);
                application = applications.save(application);
              }
              PortalTokens.Issued issued =
                  tokens.issue(
                      applicationId,
                      operationId,
                      PortalToken.Purpose.INVITATION,
                      application.getDeadline());
              Prepared prepared =
                  new Prepared(
                      application, supplier(suppliers, application.getSupplierId()), issued);
              return new Sent<>(
                  new Invitation(application.getRound(), application.getDeadline()),
                  sendUnlessSent(
                      prepared,
                      operationId,
                      mails.invitation(prepared.application(), prepared.supplier())));
            });
    return sent.orThrow();
  }

  /** E-mails a fresh link to an application still open for answers (same deadline). */
  public void sendReminder(long applicationId, String operationId) {
    Sent<Boolean> sent =
        tx.execute(
            status -> {
              SupplierApplication application = locked(applicationId);
              if (application.getStatus() != SupplierApplicationStatus.OPEN
                  || !now(clock).isBefore(application.getDeadline())) {
                return new Sent<>(false, null);
              }
              PortalTokens.Issued issued =
                  tokens.issue(
                      applicationId,
                      operationId,
                      PortalToken.Purpose.REMINDER,
                      application.getDeadline());
              Prepared prepared =
                  new Prepared(
                      application, supplier(suppliers, application.getSupplierId()), issued);
              return new Sent<>(
                  true,
                  sendUnlessSent(
                      prepared,
                      operationId,
                      mails.reminder(prepared.application(), prepared.supplier())));
            });
    sent.orThrow();
  }

  private SupplierApplication locked(long applicationId) {
    return applications
        .lockById(applicationId)
        .orElseThrow(() -> new NoSuchElementException("No supplier application " + applicationId));
  }

  /**
   * A result, and the refusal of the SMTP server if the send failed: the transaction still commits
   * (the unsent token and the FAILED message stay recorded), then the refusal fails the job.
   */
  private record Sent<T>(T result, NotificationFailedException failure) {
    T orThrow() {
      if (failure != null) {
        throw failure;
      }
      return result;
    }
  }

  private NotificationFailedException sendUnlessSent(
      Prepared prepared, String operationId, SupplierMails.Mail mail) {
    if (prepared.issued().alreadySent()) {
      return null;
    }
    try {
      send(prepared, operationId, mail);
      return null;
    } catch (NotificationFailedException e) {
      return e;
    }
  }

  private record Prepared(
      SupplierApplication application, Supplier supplier, PortalTokens.Issued issued) {}

  /**
   * Sends the link of a token just issued. A failed send leaves the token unsent: the job's retry
   * issues a fresh token (its plaintext was never stored) and sends a new message.
   */
  private void send(Prepared prepared, String operationId, SupplierMails.Mail mail) {
    notifications.send(
        new OutgoingMessage(
            operationId + ":" + prepared.issued().token().tokenHash().substring(0, 12),
            prepared.application().getContactEmail(),
            mail.subject(),
            mail.body(),
            List.of(),
            Map.of(
                SupplierMails.LINK_PLACEHOLDER,
                portalBaseUrl + "/portal/" + prepared.issued().plaintext())));
    tokens.markSent(prepared.issued().token());
  }
}
