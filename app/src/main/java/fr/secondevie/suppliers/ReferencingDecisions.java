package fr.secondevie.suppliers;

import static fr.secondevie.suppliers.ReferencingCommands.application;
import static fr.secondevie.suppliers.ReferencingCommands.blankToNull;
import static fr.secondevie.suppliers.ReferencingCommands.now;
import static fr.secondevie.suppliers.ReferencingCommands.supplier;
import static fr.secondevie.suppliers.ReferencingCommands.today;
import static fr.secondevie.suppliers.ReferencingCommands.validUntil;

import fr.secondevie.notification.NotificationService;
import fr.secondevie.notification.OutgoingMessage;
import fr.secondevie.processes.SupplierReferencingProcess;
import fr.secondevie.processes.SupplierReferencingProcess.Outcomes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decision commands of process P4: reference the supplier, close the application without
 * referencing (rejected, or no answer in time), e-mail the outcome once per operation. Idempotent:
 * a decided application is not decided again.
 */
@Service
class ReferencingDecisions {

  private final SupplierRepository suppliers;
  private final SupplierApplicationRepository applications;
  private final PortalTokens tokens;
  private final NotificationService notifications;
  private final SupplierMails mails;
  private final TransactionTemplate tx;
  private final Clock clock;

  ReferencingDecisions(
      SupplierRepository suppliers,
      SupplierApplicationRepository applications,
      PortalTokens tokens,
      NotificationService notifications,
      SupplierMails mails,
      TransactionTemplate tx,
      Clock clock) {
    this.suppliers = suppliers;
    this.applications = applications;
    this.tokens = tokens;
    this.notifications = notifications;
    this.mails = mails;
    this.tx = tx;
    this.clock = clock;
  }

  /**
   * References the supplier for {@link SupplierReferencingProcess#REFERENCING_VALIDITY} from today
   * (Paris); every portal link of the application stops working.
   *
   * @return the last day of validity
   */
  public LocalDate reference(
      long applicationId, int maturityLevel, int tenderBonus, String reason) {
    return tx.execute(
        status -> {
          SupplierApplication application = application(applications, applicationId);
          if (application.getStatus() != SupplierApplicationStatus.REFERENCED) {
            application.reference(maturityLevel, tenderBonus, blankToNull(reason), now(clock));
            application = applications.save(application);
            LocalDate from = today(application.getClosedAt());
            Supplier supplier = supplier(suppliers, application.getSupplierId());
            supplier.reference(
                application.getId(),
                maturityLevel,
                tenderBonus,
                application.getJustifiedScore(),
                from,
                validUntil(from));
            suppliers.save(supplier);
            tokens.revokeAll(applicationId);
          }
          return validUntil(today(application.getClosedAt()));
        });
  }

  /** Closes the application without referencing (rejected, or no answer in time). */
  public void close(long applicationId, SupplierApplicationStatus closure, String reason) {
    tx.executeWithoutResult(
        status -> {
          SupplierApplication application = application(applications, applicationId);
          if (application.getStatus().isClosed()) {
            return;
          }
          application.close(closure, blankToNull(reason), now(clock));
          applications.save(application);
          Supplier supplier = supplier(suppliers, application.getSupplierId());
          supplier.notReferenced(today(now(clock)));
          suppliers.save(supplier);
          tokens.revokeAll(applicationId);
        });
  }

  /** E-mails the outcome to the application's contact, once per operation. */
  public void notifyOutcome(long applicationId, String outcome, String operationId) {
    SupplierApplication application = application(applications, applicationId);
    Supplier supplier = supplier(suppliers, application.getSupplierId());
    SupplierMails.Mail mail =
        mails.outcome(
            application,
            supplier,
            Objects.requireNonNull(outcome, "referencingOutcome"),
            Outcomes.REFERENCED.equals(outcome)
                ? validUntil(today(application.getClosedAt()))
                : null);
    notifications.send(
        new OutgoingMessage(
            operationId, application.getContactEmail(), mail.subject(), mail.body(), List.of()));
  }
}
