package fr.secondevie.suppliers;

import fr.secondevie.notification.MailTemplates;
import fr.secondevie.processes.SupplierReferencingProcess.Outcomes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The e-mails of process P4 to the supplier's contact, from the text templates {@code
 * mail/supplier-*.txt}: the invitation (first round, or a request for more evidence), the reminder
 * and the outcome. A portal link appears as {@link #LINK_PLACEHOLDER}, which only the message
 * handed to the SMTP server replaces.
 */
@Component
class SupplierMails {

  /**
   * What the outbox keeps in place of the portal link: only the e-mail handed to the SMTP server
   * carries the link, so that nobody reading the outbox can answer as the supplier.
   */
  static final String LINK_PLACEHOLDER = "[lien personnel envoyé au fournisseur]";

  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm", Locale.FRANCE);

  /** A subject and a body. */
  record Mail(String subject, String body) {}

  private final MailTemplates templates;

  SupplierMails(MailTemplates templates) {
    this.templates = templates;
  }

  Mail invitation(SupplierApplication application, Supplier supplier) {
    Map<String, Object> v = common(application, supplier);
    v.put("round", application.getRound());
    v.put("reason", application.getDecisionReason());
    v.put("deadline", dateTime(application.getDeadline()));
    v.put("link", LINK_PLACEHOLDER);
    return new Mail(
        (application.getRound() > 1 ? "Justificatifs complémentaires — " : "Questionnaire RSE — ")
            + supplier.getName()
            + " (candidature n° "
            + application.getId()
            + ")",
        templates.render("supplier-invitation", v));
  }

  Mail reminder(SupplierApplication application, Supplier supplier) {
    Map<String, Object> v = common(application, supplier);
    v.put("deadline", dateTime(application.getDeadline()));
    v.put("link", LINK_PLACEHOLDER);
    return new Mail(
        "Rappel : questionnaire RSE — "
            + supplier.getName()
            + " (candidature n° "
            + application.getId()
            + ")",
        templates.render("supplier-reminder", v));
  }

  /**
   * @param outcome {@link Outcomes#REFERENCED}, {@link Outcomes#REJECTED} or {@link
   *     Outcomes#NO_ANSWER}
   * @param validUntil the end of the referencing (referenced only)
   */
  Mail outcome(
      SupplierApplication application, Supplier supplier, String outcome, LocalDate validUntil) {
    String subject =
        switch (outcome) {
          case Outcomes.REFERENCED -> "Référencement accordé — ";
          case Outcomes.REJECTED -> "Référencement non accordé — ";
          case Outcomes.NO_ANSWER -> "Questionnaire clos sans réponse — ";
          default -> throw new IllegalArgumentException("Unknown referencing outcome " + outcome);
        };
    Map<String, Object> v = common(application, supplier);
    v.put("outcome", outcome);
    v.put("reason", application.getDecisionReason());
    v.put("validUntil", validUntil == null ? null : DATE.format(validUntil));
    v.put("maturityLevel", application.getMaturityLevel());
    v.put(
        "justifiedScore",
        application.getJustifiedScore() == null
            ? null
            : application.getJustifiedScore().toPlainString().replace('.', ','));
    return new Mail(subject + supplier.getName(), templates.render("supplier-outcome", v));
  }

  private static Map<String, Object> common(SupplierApplication application, Supplier supplier) {
    Map<String, Object> v = new HashMap<>();
    v.put("contact", application.getContactName());
    v.put("supplier", supplier.getName());
    return v;
  }

  private static String dateTime(Instant instant) {
    return DATE_TIME.format(instant.atZone(PARIS));
  }
}
