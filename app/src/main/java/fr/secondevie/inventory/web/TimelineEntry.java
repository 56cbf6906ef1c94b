package fr.secondevie.inventory.web;

import fr.secondevie.documents.StoredDocument;
import fr.secondevie.inventory.CustodyEntry;
import fr.secondevie.inventory.CustodyText;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One event of an asset's timeline as people read it: a custody entry, who did it ({@link
 * CustodyText#actor}: a person's name or "système"), what it says in plain French, and when its
 * evidence cites a stored document ({@code KIND publicId sha256:…}, see {@link
 * StoredDocument#evidence()}), that document — a wipe report, a certificate, a destruction record,
 * an agreement. What only an auditor needs (worker, login, process instance, evidence as stored,
 * operation id, hashes) is in {@code technical}, shown behind a "Détails" disclosure.
 *
 * @param text the details in plain French, or null
 * @param note what the evidence adds besides its document (e.g. the signed receipt's number), or
 *     null
 * @param document null when the evidence cites no stored document
 * @param documentIntact whether the cited hash is the stored document's (null without document)
 * @param technical the technical facts, each a "label : value" line
 */
record TimelineEntry(
    CustodyEntry entry,
    CustodyText.Actor actor,
    String text,
    String note,
    StoredDocument document,
    Boolean documentIntact,
    List<String> technical) {

  private static final Pattern EVIDENCE =
      Pattern.compile("^([A-Z_]+) ([0-9a-fA-F-]{36}) sha256:([0-9a-f]{64})(?: ; (.+))?$");

  /** What {@code inventory.update-status} writes: "Procédure p, instance n, étape e". */
  private static final Pattern STEP =
      Pattern.compile("^Procédure (\\S+), instance (\\d+), étape (\\S+)$");

  static TimelineEntry of(
      CustodyEntry entry, Function<String, StoredDocument> documents, StepLabels labels) {
    CustodyText.Actor actor = CustodyText.actor(entry.actor());
    List<String> technical = new ArrayList<>();
    if (actor.technical() != null) {
      technical.add("Auteur : " + actor.technical());
    }
    String text = text(entry.details(), labels, technical);
    StoredDocument document = null;
    Boolean intact = null;
    String note = null;
    if (entry.evidence() != null) {
      technical.add("Justificatif enregistré : " + entry.evidence());
      Matcher m = EVIDENCE.matcher(entry.evidence().strip());
      if (m.matches()) {
        document = documents.apply(m.group(2));
        intact = document == null ? null : document.sha256().equals(m.group(3));
        note = m.group(4);
      }
    }
    if (entry.operationId() != null) {
      technical.add("Opération : " + entry.operationId());
    }
    technical.add("Empreinte de l'entrée (" + entry.hashAlg() + ") : " + entry.hash());
    technical.add("Empreinte de l'entrée précédente : " + entry.previousHash());
    return new TimelineEntry(
        entry,
        actor,
        text,
        note,
        document,
        document == null ? null : intact,
        List.copyOf(technical));
  }

  private static String text(String details, StepLabels labels, List<String> technical) {
    if (details == null) {
      return null;
    }
    Matcher step = STEP.matcher(details.strip());
    if (step.matches()) {
      technical.add(
          "Procédure %s, instance %s, étape %s"
              .formatted(step.group(1), step.group(2), step.group(3)));
      String process = labels.process(step.group(1)).orElse("procédure");
      return labels
          .step(step.group(3))
          .map(s -> "Étape « %s » (%s)".formatted(s, process))
          .orElse("Étape automatique (" + process + ")");
    }
    return CustodyText.plain(details);
  }
}
