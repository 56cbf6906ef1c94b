package fr.secondevie.documents;

import fr.secondevie.common.InvalidInputException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Stores documents and gives them back, with their content hash. */
@NamedInterface("api")
@Service
@Transactional
public class DocumentService {

  private final DocumentRepository documents;
  private final JdbcClient jdbc;
  private final Clock clock;

  DocumentService(DocumentRepository documents, JdbcClient jdbc, Clock clock) {
    this.documents = documents;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Stores a document generated or received by the application. */
  public StoredDocument store(NewDocument document) {
    StoredDocument saved =
        documents.save(
            new StoredDocument(
                null,
                UUID.randomUUID().toString(),
                document.kind(),
                document.filename(),
                document.contentType(),
                document.content().length,
                sha256(document.content()),
                document.ownerRef(),
                document.createdBy(),
                // what DATETIME(6) keeps, so the returned value equals a later read
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
    jdbc.sql("INSERT INTO document_content (document_id, content) VALUES (?, ?)")
        .params(saved.id(), document.content())
        .update();
    return saved;
  }

  /**
   * Checks an uploaded file against a policy, then stores it with the type read from its content.
   *
   * @throws InvalidInputException refused by the policy (under {@link UploadPolicy#FIELD}), before
   *     anything is stored
   */
  public StoredDocument storeUpload(
      UploadPolicy policy,
      DocumentKind kind,
      String filename,
      byte[] content,
      String ownerRef,
      String uploadedBy) {
    UploadPolicy.FileType type = policy.check(filename, content);
    return store(
        new NewDocument(kind, filename, type.contentType(), content, ownerRef, uploadedBy));
  }

  @Transactional(readOnly = true)
  public Optional<StoredDocument> find(String publicId) {
    return documents.findByPublicId(publicId);
  }

  @Transactional(readOnly = true)
  public List<StoredDocument> ownedBy(String ownerRef) {
    return documents.findByOwnerRefOrderByCreatedAt(ownerRef);
  }

  @Transactional(readOnly = true)
  public byte[] content(StoredDocument document) {
    return jdbc.sql("SELECT content FROM document_content WHERE document_id = ?")
        .param(document.id())
        .query(byte[].class)
        .single();
  }

  /** Whether the stored content still has the hash recorded when it was stored. */
  @Transactional(readOnly = true)
  public boolean isIntact(StoredDocument document) {
    return sha256(content(document)).equals(document.sha256());
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
