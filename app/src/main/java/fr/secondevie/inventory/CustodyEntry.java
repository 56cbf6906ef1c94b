package fr.secondevie.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One entry of an asset's chain of custody: who did what, when, with which evidence.
 *
 * <p>Entries are append-only and chained: {@code previousHash} is the hash of the asset's previous
 * entry ({@link #GENESIS} for the first) and {@code hash} is the SHA-256 of {@link
 * #canonicalContent()}, which includes {@code previousHash}. Changing or removing any entry breaks
 * the chain from that entry on ({@link CustodyVerification}).
 *
 * @param occurredAt UTC instant, truncated to microseconds (what the database stores)
 * @param operationId caller-supplied id making the command idempotent, or null
 */
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
    String hash) {

  /** The previous hash of an asset's first entry. */
  public static final String GENESIS = "0".repeat(64);

  /** The next entry after {@code previousHash}, sealed with its own hash. */
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
        new CustodyEntry(
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
            null);
    return unsealed.withHash(sha256(unsealed.canonicalContent()));
  }

  private CustodyEntry withHash(String hash) {
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
        hash);
  }

  /**
   * The exact text that is hashed: version tag, then every field as {@code length:value} (so that
   * no two different entries can produce the same text), null written as {@code -1:}.
   */
  public String canonicalContent() {
    StringBuilder text = new StringBuilder("custody-v1");
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
    return text.toString();
  }

  /** The hash this entry should have, recomputed from its content. */
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
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
