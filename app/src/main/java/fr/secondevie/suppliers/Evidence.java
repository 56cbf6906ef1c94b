package fr.secondevie.suppliers;

import java.time.Instant;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An evidence file attached to a criterion; the content is a stored document ({@code
 * /documents/{documentId}} for the hospital's staff).
 *
 * @param round the questionnaire round during which it was uploaded
 */
@Table("supplier_evidence")
public record Evidence(
    String documentId,
    String criterionCode,
    String filename,
    String contentType,
    long sizeBytes,
    int round,
    Instant uploadedAt) {}
