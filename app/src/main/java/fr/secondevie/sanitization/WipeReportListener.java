package fr.secondevie.sanitization;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Publishes {@code SanitizationReported} after the report's commit, then notes the message's key
 * and when on the report. A failed publication (runtime unreachable) stays incomplete in the event
 * publication registry and is submitted again at the next start and on schedule; the same report
 * sent again by its station submits it too. Publishing twice is harmless: the message id is the
 * report's reference, which the broker refuses a second time.
 */
@Component
class WipeReportListener {

  private final WipeReportRepository reports;
  private final WipeReportPublisher publisher;
  private final Clock clock;

  WipeReportListener(WipeReportRepository reports, WipeReportPublisher publisher, Clock clock) {
    this.reports = reports;
    this.publisher = publisher;
    this.clock = clock;
  }

  @ApplicationModuleListener
  void on(WipeReportStored stored) {
    WipeReport report =
        reports
            .findById(stored.reportId())
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Expected wipe report "
                            + stored.reportId()
                            + " to publish but found none"));
    if (report.publishedAt() != null) {
      return; // told already: a publication submitted again after the first one went out
    }
    Long key = publisher.publish(report.assetId(), report.content());
    reports.notePublished(
        report.id(), key == null ? -1L : key, clock.instant().truncatedTo(ChronoUnit.MICROS));
  }
}
