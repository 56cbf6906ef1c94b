package fr.secondevie.suppliers;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A portal link's token as stored: only its SHA-256, the application it opens and its validity. The
 * operation id is the job that issued it, so that a job delivered twice issues one token.
 */
@Table("supplier_portal_token")
class PortalToken {

  /** Why the link was sent. */
  enum Purpose {
    INVITATION,
    REMINDER
  }

  @Id private Long id;
  private long applicationId;
  private String tokenHash;
  private String operationId;
  private Purpose purpose;
  private Instant issuedAt;
  private Instant expiresAt;
  private Instant sentAt;
  private Instant revokedAt;

  PortalToken() {}

  PortalToken(
      long applicationId,
      String tokenHash,
      String operationId,
      Purpose purpose,
      Instant issuedAt,
      Instant expiresAt) {
    this.applicationId = applicationId;
    this.tokenHash = tokenHash;
    this.operationId = operationId;
    this.purpose = purpose;
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  /** Replaces a token whose e-mail never left (its plaintext is lost). */
  void rotate(String newHash, Instant now) {
    this.tokenHash = newHash;
    this.issuedAt = now;
  }

  void sent(Instant now) {
    this.sentAt = now;
  }

  void revoke(Instant now) {
    if (revokedAt == null) {
      this.revokedAt = now;
    }
  }

  Long id() {
    return id;
  }

  long applicationId() {
    return applicationId;
  }

  String tokenHash() {
    return tokenHash;
  }

  String operationId() {
    return operationId;
  }

  Instant expiresAt() {
    return expiresAt;
  }

  Instant sentAt() {
    return sentAt;
  }

  Instant revokedAt() {
    return revokedAt;
  }
}
