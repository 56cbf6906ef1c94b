package fr.secondevie.sanitization;

import fr.secondevie.common.InputError;
import fr.secondevie.common.Sha256;
import fr.secondevie.documents.DocumentKind;
import fr.secondevie.documents.DocumentService;
import fr.secondevie.documents.NewDocument;
import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.Asset;
import fr.secondevie.inventory.CustodyAction;
import fr.secondevie.inventory.InventoryCommands.AppendCustody;
import fr.secondevie.inventory.InventoryService;
import fr.secondevie.sanitization.WipeReport.Source;
import fr.secondevie.sanitization.WipeReportIntake.Receipt;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a checked wipe report once — the raw report as a document, its reading and a custody entry
 * in one transaction, with the event {@link WipeReportStored} that tells its process after the
 * commit ({@link WipeReportListener}); the same report sent again, even at the same time, finds the
 * first.
 */
@Component
class WipeReportStorage {

  private final InventoryService inventory;
  private final DocumentService documents;
  private final WipeReportRepository reports;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;
  private final Clock clock;

  WipeReportStorage(
      InventoryService inventory,
      DocumentService documents,
      WipeReportRepository reports,
      ApplicationEventPublisher events,
      TransactionTemplate transactions,
      Clock clock) {
    this.inventory = inventory;
    this.documents = documents;
    this.reports = reports;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  Receipt store(
      Asset asset,
      Source source,
      WipeReportContent content,
      byte[] body,
      String contentType,
      String extension,
      String submittedBy,
      List<InputError> warnings) {
    String sha256 = Sha256.hex(body);
    Stored stored;
    try {
      stored =
          storeOnce(
              asset, source, content, body, contentType, extension, submittedBy, sha256, warnings);
    } catch (RuntimeException e) {
      // the same report sent twice at the same time: the other request stored it
      if (!duplicate(e)) {
        throw e;
      }
      stored =
          new Stored(
              reports.findSame(asset.id(), source.name(), sha256).orElseThrow(() -> e), false);
    }
    return publish(asset, stored);
  }

  private static boolean duplicate(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof DuplicateKeyException) {
        return true;
      }
    }
    return false;
  }

  private Stored storeOnce(
      Asset asset,
      Source source,
      WipeReportContent content,
      byte[] body,
      String contentType,
      String extension,
      String submittedBy,
      String sha256,
      List<InputError> warnings) {
    return transactions.execute(
        tx -> {
          Optional<WipeReport> same = reports.findSame(asset.id(), source.name(), sha256);
          if (same.isPresent()) {
            return new Stored(same.get(), false);
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          StoredDocument document =
              documents.store(
                  new NewDocument(
                      DocumentKind.WIPE_REPORT,
                      "rapport-effacement-%s-%s.%s"
                          .formatted(
                              asset.inventoryNumber(), now.toString().substring(0, 10), extension),
                      contentType + "; charset=UTF-8",
                      body,
                      "asset:" + asset.inventoryNumber(),
                      submittedBy));
          WipeReport report =
              reports.save(
                  WipeReport.received(
                      asset.id(),
                      source,
                      content,
                      document.sha256(),
                      document.publicId(),
                      submittedBy,
                      now,
                      null));
          inventory.appendCustody(
              new AppendCustody(
                  asset.inventoryNumber(),
                  CustodyAction.EVIDENCE,
                  submittedBy,
                  "Rapport d'effacement %s reçu (%s %s, %s, %d support(s), réalisé le %s)%s"
                      .formatted(
                          report.reference(),
                          content.tool(),
                          content.toolVersion(),
                          content.operator(),
                          content.drives().size(),
                          content.performedOn(),
                          unmatched(warnings)),
                  document.evidence(),
                  "wipe-report:" + report.reference()));
          events.publishEvent(new WipeReportStored(report.id()));
          return new Stored(report, true);
        });
  }

  /** The drives left out of the report, for the custody entry (its details hold 2000 chars). */
  private static String unmatched(List<InputError> warnings) {
    if (warnings.isEmpty()) {
      return "";
    }
    String text =
        " ; non rattaché(s) : "
            + warnings.stream()
                .map(w -> "ligne " + w.line() + " — " + w.message())
                .collect(Collectors.joining(" ; "));
    return text.length() <= 1200 ? text : text.substring(0, 1199) + "…";
  }

  /**
   * The receipt of a stored report. A report received before whose process was never told (its
   * publication still pending, or stored before publications went through events) is submitted
   * again: sending the same report is how a station asks again.
   */
  private Receipt publish(Asset asset, Stored stored) {
    WipeReport report = stored.report();
    if (!stored.created() && report.publishedAt() == null) {
      transactions.executeWithoutResult(
          tx -> events.publishEvent(new WipeReportStored(report.id())));
    }
    Long key = report.messageKey() != null && report.messageKey() > 0 ? report.messageKey() : null;
    return new Receipt(
        report,
        asset.inventoryNumber(),
        stored.created(),
        report.publishedAt() != null,
        key,
        List.of());
  }

  private record Stored(WipeReport report, boolean created) {}
}
