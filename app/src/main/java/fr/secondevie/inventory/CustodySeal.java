package fr.secondevie.inventory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Seals chain-of-custody entries with HMAC-SHA256 under a key held outside the database, so that a
 * database user who rewrites the tail of a chain and its head consistently is detected (docs/
 * custody.md). Where the key comes from, in this order:
 *
 * <ol>
 *   <li>{@code secondevie.custody.key} (env {@code SECONDEVIE_CUSTODY_KEY}): Base64, 32 bytes at
 *       least;
 *   <li>{@code secondevie.custody.key-file} (env {@code SECONDEVIE_CUSTODY_KEYFILE}): a file
 *       holding the Base64 key, created with 32 random bytes and mode 600 when absent;
 *   <li>the throw-away test database ({@code secondevie.embedded.mariadb.ephemeral=true}): one
 *       random key per JVM, shared by every Spring context of the JVM as the database is;
 *   <li>embedded mode: the file {@code custody.key} next to the embedded MariaDB's data directory;
 *   <li>camunda mode: none, the application does not start.
 * </ol>
 *
 * The key is never logged; its id (first 16 hex digits of its SHA-256) is stored with each entry.
 */
@NamedInterface("api")
@Component
public class CustodySeal {

  /** {@code hash_alg} of entries keyed with the configured key. */
  public static final String HMAC_SHA256 = "HMAC-SHA256";

  /** {@code hash_alg} of entries written before the chain was keyed (plain SHA-256). */
  public static final String SHA256 = "SHA-256";

  private static final Logger LOG = LoggerFactory.getLogger(CustodySeal.class);
  private static final int MIN_KEY_BYTES = 32;
  private static final byte[] JVM_KEY = random();

  private final SecretKeySpec key;
  private final String keyId;

  @Autowired
  CustodySeal(Environment environment) {
    this(resolve(environment));
  }

  CustodySeal(byte[] key) {
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalStateException(
          "La clé de la chaîne de traçabilité doit compter au moins %d octets (%d lus)"
              .formatted(MIN_KEY_BYTES, key.length));
    }
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.keyId = idOf(key);
  }

  /** Identifies the key without revealing it. */
  public String keyId() {
    return keyId;
  }

  /** The next entry after {@code previousHash}, keyed with this seal's key. */
  public CustodyEntry seal(
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
        CustodyEntry.unsealed(
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
            HMAC_SHA256,
            keyId);
    return unsealed.withHash(mac(unsealed.canonicalContent()));
  }

  /** The HMAC-SHA256 of a text under the key, in hex. */
  String mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  static String idOf(byte[] key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  // ------------------------------------------------------------------ where the key comes from

  static byte[] resolve(Environment env) {
    String configured = env.getProperty("secondevie.custody.key");
    if (configured != null && !configured.isBlank()) {
      LOG.info("Chain of custody keyed by secondevie.custody.key");
      return decode(configured, "secondevie.custody.key (SECONDEVIE_CUSTODY_KEY)");
    }
    String file = env.getProperty("secondevie.custody.key-file");
    if (file != null && !file.isBlank()) {
      return loadOrCreate(Path.of(file.strip()));
    }
    if (env.getProperty("secondevie.embedded.mariadb.ephemeral", Boolean.class, false)) {
      LOG.warn(
          "Chain of custody keyed with a random key of this JVM (throw-away test database):"
              + " its chains do not verify after a restart");
      return JVM_KEY.clone();
    }
    if ("embedded".equals(env.getProperty("secondevie.mode", "embedded"))) {
      Path data = Path.of(env.getProperty("secondevie.embedded.mariadb.data-dir", "data/mariadb"));
      Path parent = data.toAbsolutePath().normalize().getParent();
      return loadOrCreate((parent == null ? data : parent).resolve("custody.key"));
    }
    throw new IllegalStateException(
        "Clé de la chaîne de traçabilité absente : en mode camunda, définissez"
            + " SECONDEVIE_CUSTODY_KEY (32 octets aléatoires au moins, en Base64) ou"
            + " SECONDEVIE_CUSTODY_KEYFILE (chemin d'un fichier hors de la base, créé au premier"
            + " démarrage avec les droits 600). Voir docs/custody.md.");
  }

  static byte[] loadOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      checkPermissions(file);
      byte[] key = decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
      LOG.info("Chain of custody keyed by the key file {} (key id {})", file, idOf(key));
      return key;
    } catch (IOException e) {
      throw new IllegalStateException(
          "Fichier de clé de la chaîne de traçabilité illisible : " + file + " (" + e + ")", e);
    }
  }

  private static void create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    String content = Base64.getEncoder().encodeToString(random()) + "\n";
    try {
      if (posix(file)) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(
                EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException raced) {
      return;
    }
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    LOG.info("Chain of custody: new key file {} created (mode 600)", file);
  }

  private static void checkPermissions(Path file) throws IOException {
    if (!posix(file)) {
      return;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
    Set<PosixFilePermission> others =
        EnumSet.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE);
    others.retainAll(permissions);
    if (!others.isEmpty()) {
      throw new IllegalStateException(
          "Le fichier de clé de la chaîne de traçabilité %s est accessible à d'autres utilisateurs"
                  .formatted(file)
              + " (%s) : chmod 600 %s".formatted(PosixFilePermissions.toString(permissions), file));
    }
  }

  private static boolean posix(Path file) {
    Path existing = file.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null
        && Files.getFileAttributeView(
                existing, java.nio.file.attribute.PosixFileAttributeView.class)
            != null;
  }

  private static byte[] decode(String base64, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Clé de la chaîne de traçabilité illisible dans " + source + " : Base64 attendu");
    }
    if (key.length < MIN_KEY_BYTES) {
      throw new IllegalStateException(
          "Clé de la chaîne de traçabilité trop courte dans %s : %d octets au moins, %d lus"
              .formatted(source, MIN_KEY_BYTES, key.length));
    }
    return key;
  }

  private static byte[] random() {
    byte[] key = new byte[MIN_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
