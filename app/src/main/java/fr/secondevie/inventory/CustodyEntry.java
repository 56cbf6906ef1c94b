package fr.secondevie.inventory;

import fr.secondevie.common.Sha256;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.modulith.NamedInterface;

/**
 * One entry of an asset's chain of custody: who did what, when, with which evidence.
 *
 * <p>Entries are append-only and chained: {@code previousHash} is the hash of the asset's previous
 * entry ({@link #GENESIS} for the first) and {@code hash} is computed over {@link
 * #canonicalContent()}, which includes {@code previousHash}: an HMAC-SHA256 under the key held
 * outside the database ({@link CustodySeal}) for entries written since the chain is keyed, a plain
 * SHA-256 for the entries written before. Changing or removing any entry breaks the chain from that
 * entry on ({@link CustodyVerification}).
 *
 * @param occurredAt UTC instant, truncated to microseconds (what the database stores)
 * @param operationId caller-supplied id making the command idempotent, or null
 * @param hashAlg {@link CustodySeal#HMAC_SHA256} or {@link CustodySeal#SHA256} (legacy)
 * @param keyId id of the key of a keyed entry ({@link CustodySeal#keyId}), null for a legacy one
 */
@NamedInterface("api")
@Table("custody_entry")
public record CustodyEntry(
    @Id Long id,
    long assetId,
    int seq,
    Instant occurredAt,
    String actor,
    CustodyAction action,
    AssetStatus fromStatus,
    AssetStatus toStatus,
    String details,
    String evidence,
    String operationId,
    String previousHash,
    String hash,
    String hashAlg,
    String keyId) {

  /** The previous hash of an asset's first entry. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * The next entry after {@code previousHash}, sealed with a plain SHA-256 as entries were before
   * the chain was keyed: what anyone who can write the database can compute. The application seals
   * with {@link CustodySeal#seal}; this remains for reading legacy chains and for tests that forge.
   */
  public static CustodyEntry seal(
      long assetId,
      int seq,
      Instant occurredAt,
      String actor,
      CustodyAction action,
      AssetStatus fromStatus,
      AssetStatus toStatus,
      String details,
      String evidence,
      String operationId,
      String previousHash) {
    CustodyEntry unsealed =
        unsealed(
            assetId,
            seq,
            occurredAt,
            actor,
            action,
            fromStatus,
            toStatus,
            details,
            evidence,
            operationId,
            previousHash,
            CustodySeal.SHA256,
            null);
    return unsealed.withHash(sha256(unsealed.canonicalContent()));
  }

  static CustodyEntry unsealed(
      long assetId,
      int seq,
      Instant occurredAt,
      String actor,
      CustodyAction action,
      AssetStatus fromStatus,
      AssetStatus toStatus,
      String details,
      String evidence,
      String operationId,
      String previousHash,
      String hashAlg,
      String keyId) {
    return new CustodyEntry(
        null,
        assetId,
        seq,
        occurredAt.truncatedTo(ChronoUnit.MICROS),
        actor,
        action,
        fromStatus,
        toStatus,
        details,
        evidence,
        operationId,
        previousHash,
        null,
        hashAlg,
        keyId);
  }

  /** Whether the entry is keyed (HMAC), rather than a legacy SHA-256 entry. */
  public boolean keyed() {
    return CustodySeal.HMAC_SHA256.equals(hashAlg);
  }

  CustodyEntry withHash(String hash) {
    return new CustodyEntry(
        id,
        assetId,
        seq,
        occurredAt,
        actor,
        action,
        fromStatus,
        toStatus,
        details,
        evidence,
        operationId,
        previousHash,
        hash,
        hashAlg,
        keyId);
  }

  /**
   * The exact text that is hashed: version tag ({@code custody-v1} for a legacy entry, {@code
   * custody-v2} for a keyed one), then every field as {@code length:value} (so that no two
   * different entries can produce the same text), null written as {@code -1:}; a keyed entry ends
   * with its key id.
   */
  public String canonicalContent() {
    StringBuilder text = new StringBuilder(keyed() ? "custody-v2" : "custody-v1");
    append(text, Long.toString(assetId));
    append(text, Integer.toString(seq));
    append(text, occurredAt == null ? null : occurredAt.toString());
    append(text, actor);
    append(text, action == null ? null : action.name());
    append(text, fromStatus == null ? null : fromStatus.name());
    append(text, toStatus == null ? null : toStatus.name());
    append(text, details);
    append(text, evidence);
    append(text, operationId);
    append(text, previousHash);
    if (keyed()) {
      append(text, keyId);
    }
    return text.toString();
  }

  /** The plain SHA-256 of the content: the hash a legacy (unkeyed) entry should have. */
  public String computeHash() {
    return sha256(canonicalContent());
  }

  private static void append(StringBuilder text, String value) {
    text.append('|');
    if (value == null) {
      text.append("-1:");
    } else {
      text.append(value.length()).append(':').append(value);
    }
  }

  static String sha256(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }
}
