package fr.secondevie.documents;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/**
 * A stored file's metadata. The content lives in its own table ({@link DocumentService#content}) so
 * that listing documents never loads megabytes.
 *
 * @param publicId random UUID used in links and as evidence reference
 * @param sha256 hex SHA-256 of the content, as cited in chains of custody
 * @param ownerRef what the document belongs to, {@code <kind>:<id>} (e.g. {@code asset:INV-1234})
 */
@NamedInterface("api")
@Table("document")
public record StoredDocument(
    @Id Long id,
    String publicId,
    DocumentKind kind,
    String filename,
    String contentType,
    long sizeBytes,
    String sha256,
    String ownerRef,
    String createdBy,
    Instant createdAt) {

  /** The evidence string chains of custody cite: kind, public id and content hash. */
  public String evidence() {
    return "%s %s sha256:%s".formatted(kind.name(), publicId, sha256);
  }
}
