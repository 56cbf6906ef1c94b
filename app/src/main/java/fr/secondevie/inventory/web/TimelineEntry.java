package fr.secondevie.inventory.web;

import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.CustodyEntry;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event of an asset's timeline: a custody entry and, when its evidence cites a stored document
 * ({@code KIND publicId sha256:…}, see {@link StoredDocument#evidence()}), that document — a wipe
 * report, a certificate, a destruction record, an agreement.
 *
 * @param document null when the evidence cites no stored document
 * @param documentIntact whether the cited hash is the stored document's (null without document)
 */
record TimelineEntry(CustodyEntry entry, StoredDocument document, Boolean documentIntact) {

  private static final Pattern EVIDENCE =
      Pattern.compile("^([A-Z_]+) ([0-9a-fA-F-]{36}) sha256:([0-9a-f]{64})$");

  static TimelineEntry of(CustodyEntry entry, Function<String, StoredDocument> documents) {
    if (entry.evidence() == null) {
      return new TimelineEntry(entry, null, null);
    }
    Matcher m = EVIDENCE.matcher(entry.evidence().strip());
    if (!m.matches()) {
      return new TimelineEntry(entry, null, null);
    }
    StoredDocument document = documents.apply(m.group(2));
    return new TimelineEntry(
        entry, document, document == null ? null : document.sha256().equals(m.group(3)));
  }
}
