package fr.secondevie.common;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.modulith.NamedInterface;

/**
 * The SHA-256 fingerprint of a file's bytes as lowercase hexadecimal, the one form every module
 * records (imports, wipe reports, uploaded models, ledgers, reports) and auditors compare with
 * {@code sha256sum}.
 */
@NamedInterface("api")
public final class Sha256 {

  private Sha256() {}

  /** The 64 hexadecimal digits of the SHA-256 digest of {@code content}. */
  public static String hex(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
