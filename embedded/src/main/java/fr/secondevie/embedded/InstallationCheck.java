package fr.secondevie.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks at start that the engine journal and the MariaDB data directory belong together.
 *
 * <p>The business data (assets, certificates, custody) lives in MariaDB, the running process
 * instances in the engine journal: one without the other is an installation half restored, and
 * running on would give tasks for assets that do not exist, or assets whose processes vanished. An
 * installation id is written into both directories at first start ({@value #ID_FILE}) and compared
 * at every start; the start stops, saying what is missing and how to proceed, when:
 *
 * <ul>
 *   <li>the journal holds data while the MariaDB data directory is missing or empty;
 *   <li>MariaDB holds data of an installation while the engine data directory is missing (or
 *       replaced by one without the id): an engine directory that has the id but no journal yet is
 *       fine, the engine never ran (e.g. its port was taken at the first start);
 *   <li>the two directories belong to two different installations (or only one says which).
 * </ul>
 *
 * <p>Data directories written by earlier versions, which had no id, get one (the same in both).
 */
final class InstallationCheck {

  static final String ID_FILE = "secondevie-installation-id";

  private static final Logger LOG = LoggerFactory.getLogger(InstallationCheck.class);
  private static final String JOURNAL = "journal.log";

  private InstallationCheck() {}

  /**
   * Checks both stores and writes the installation id where it is missing.
   *
   * @throws IllegalStateException when the two stores do not belong together
   */
  static void check(Path mariaDbDataDir, Path engineDataDir) {
    Path mariaDb = mariaDbDataDir.toAbsolutePath().normalize();
    Path engine = engineDataDir.toAbsolutePath().normalize();
    boolean mariaDbData = Files.isDirectory(mariaDb.resolve("mysql"));
    boolean engineData = hasJournal(engine);
    Optional<String> mariaDbId = readId(mariaDb);
    Optional<String> engineId = readId(engine);
    String afresh =
        " To start afresh instead, delete both directories (" + mariaDb + " and " + engine + ").";

    if (mariaDbId.isPresent() && engineId.isPresent() && !mariaDbId.equals(engineId)) {
      throw new IllegalStateException(
          "The MariaDB data directory "
              + mariaDb
              + " (installation "
              + mariaDbId.get()
              + ") and the engine data directory "
              + engine
              + " (installation "
              + engineId.get()
              + ") belong to two different installations. Point"
              + " secondevie.embedded.mariadb.data-dir and secondevie.embedded.engine.data-dir"
              + " at the two directories of one installation (restore the missing one from"
              + " the same backup)."
              + afresh);
    }
    if (engineData && !mariaDbData) {
      throw new IllegalStateException(
          "The engine journal "
              + engine.resolve(JOURNAL)
              + " holds process instances, but the MariaDB data directory "
              + mariaDb
              + " is "
              + (Files.isDirectory(mariaDb) ? "empty" : "missing")
              + ": the assets, certificates and chain of custody of those instances are not there."
              + " Restore the MariaDB data directory from the backup taken with this journal"
              + " (secondevie.embedded.mariadb.data-dir must name it), then start again."
              + afresh);
    }
    if (mariaDbData && mariaDbId.isPresent() && engineId.isEmpty()) {
      // the engine directory of this installation is gone (deleted, not restored) or replaced
      throw new IllegalStateException(
          "The MariaDB data directory "
              + mariaDb
              + " holds the data of installation "
              + mariaDbId.get()
              + ", but the engine data directory "
              + engine
              + (engineData
                  ? " holds a journal without installation id ("
                      + ID_FILE
                      + "): it comes from"
                      + " another installation or an older backup."
                  : " is missing or empty (no journal "
                      + JOURNAL
                      + "): the running process"
                      + " instances and their tasks are not there.")
              + " Restore the engine data directory from the backup taken with this database"
              + " (secondevie.embedded.engine.data-dir must name it), then start again."
              + afresh);
    }
    if (engineData && engineId.isPresent() && mariaDbId.isEmpty()) {
      throw new IllegalStateException(
          "The engine journal "
              + engine.resolve(JOURNAL)
              + " belongs to installation "
              + engineId.get()
              + ", but the MariaDB data directory "
              + mariaDb
              + " has no installation id ("
              + ID_FILE
              + "): it comes from another installation or an older backup. Restore both"
              + " directories from the same backup."
              + afresh);
    }

    String id = mariaDbId.or(() -> engineId).orElseGet(() -> UUID.randomUUID().toString());
    if (mariaDbId.isEmpty() || engineId.isEmpty()) {
      if (mariaDbData || engineData) {
        LOG.info(
            "Installation id {} written into {} and {} (data directories of an earlier version)",
            id,
            mariaDb,
            engine);
      }
      writeId(mariaDb, id);
      writeId(engine, id);
    }
  }

  private static boolean hasJournal(Path engineDir) {
    Path journal = engineDir.resolve(JOURNAL);
    try {
      return Files.isRegularFile(journal) && Files.size(journal) > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + journal, e);
    }
  }

  static Optional<String> readId(Path dir) {
    Path file = dir.resolve(ID_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String id = Files.readString(file, StandardCharsets.UTF_8).strip();
      return id.isEmpty() ? Optional.empty() : Optional.of(id);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static void writeId(Path dir, String id) {
    try {
      Files.createDirectories(dir);
      Path tmp = dir.resolve(ID_FILE + ".new");
      Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
      Files.move(
          tmp,
          dir.resolve(ID_FILE),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the installation id into " + dir, e);
    }
  }
}
