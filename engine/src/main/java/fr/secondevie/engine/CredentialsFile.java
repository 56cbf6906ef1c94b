package fr.secondevie.engine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's credentials kept in a properties file ({@code username=…}, {@code password=…}),
 * readable by its owner only (mode 600 where the file system has POSIX permissions). The first
 * start generates it ({@link EngineCredentials#generate()}); later starts read it, so that the
 * password stays with the data it protects. Its content is never logged, only its path.
 */
public final class CredentialsFile {

  /** The file's name in the engine's data directory. */
  public static final String FILE_NAME = "engine-credentials.properties";

  private static final Logger LOG = LoggerFactory.getLogger(CredentialsFile.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  private CredentialsFile() {}

  /** The credentials of {@code file}, generated and written there first if it does not exist. */
  public static synchronized EngineCredentials readOrCreate(Path file) {
    if (Files.exists(file)) {
      return read(file);
    }
    EngineCredentials generated = EngineCredentials.generate();
    try {
      write(file, generated);
      LOG.info("Engine credentials generated into {} (readable by its owner only)", file);
      return generated;
    } catch (FileAlreadyExistsException e) {
      return read(file); // another process created it meanwhile: theirs wins
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Expected to write the engine's credentials to " + file + ", but could not", e);
    }
  }

  /** Reads the credentials of an existing file; its permissions are narrowed to the owner. */
  public static EngineCredentials read(Path file) {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Expected to read the engine's credentials from " + file + ", but could not", e);
    }
    restrictToOwner(file);
    try {
      return new EngineCredentials(
          properties.getProperty("username"), properties.getProperty("password"));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "Expected 'username' and 'password' in " + file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, EngineCredentials credentials) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp =
        isPosix(dir)
            ? Files.createTempFile(
                dir,
                ".engine-credentials",
                ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))
            : Files.createTempFile(dir, ".engine-credentials", ".tmp");
    try {
      Properties properties = new Properties();
      properties.setProperty("username", credentials.username());
      properties.setProperty("password", credentials.password());
      try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
        properties.store(
            out,
            "Credentials of the Seconde Vie engine (gRPC, REST /v2, management): HTTP Basic."
                + " Generated at the first start; keep this file with the engine's data.");
      }
      if (Files.exists(file)) {
        throw new FileAlreadyExistsException(file.toString());
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrictToOwner(Path file) {
    try {
      if (isPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        LOG.warn("{} was readable by others: narrowed to its owner (mode 600)", file);
      }
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warn("Could not check the permissions of {}: {}", file, e.toString());
    }
  }

  private static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
