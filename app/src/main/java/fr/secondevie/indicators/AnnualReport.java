package fr.secondevie.indicators;

import java.time.Instant;
import java.util.List;

/**
 * One version of the annual report of a year (table {@code indicator_report}).
 *
 * @param status PENDING_REVIEW, CORRECTIONS_REQUESTED, PUBLISHED
 */
public record AnnualReport(
    long id,
    int year,
    int version,
    String status,
    String snapshotSha256,
    Instant computedAt,
    String computedBy,
    String reviewComment,
    String pdfDocumentId,
    List<String> csvDocumentIds,
    Instant publishedAt) {

  public AnnualReport {
    csvDocumentIds = csvDocumentIds == null ? List.of() : List.copyOf(csvDocumentIds);
  }
}
