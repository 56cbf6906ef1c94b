package fr.secondevie.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says why the embedded MariaDB did not start, from what the server wrote on its console: the real
 * cause (port taken, data directory locked by another server, missing library, permissions, disk
 * full) and what to do, rather than one generic hint.
 */
final class StartFailure {

  private StartFailure() {}

  static String portInUse(int port) {
    return "Port "
        + port
        + " on 127.0.0.1, the embedded MariaDB's, is already used by another program (another"
        + " MariaDB, or another copy of the application). Stop it, or set"
        + " secondevie.embedded.mariadb.port (SECONDEVIE_EMBEDDED_MARIADB_PORT) to a free port.";
  }

  static String explain(List<String> consoleLines, Throwable failure, int port, Path dataDir) {
    List<String> text = new ArrayList<>(consoleLines);
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t.getMessage() != null) {
        text.add(t.getMessage());
      }
    }
    String all = String.join("\n", text).toLowerCase(Locale.ROOT);
    String prefix = "Could not start the embedded MariaDB (data directory " + dataDir + "): ";
    if (all.contains("address already in use") || all.contains("bind on tcp/ip port")) {
      return prefix + portInUse(port);
    }
    if (all.contains("can't lock aria control file")
        || all.contains("unable to lock ./ibdata1")
        || all.contains("another mariadbd process using the same innodb")) {
      List<Long> servers = LeftoverServer.find(dataDir);
      return prefix
          + "the data directory is locked by another MariaDB server still running on it"
          + (servers.isEmpty() ? "" : " (pid " + servers + ")")
          + ". Stop that server (or the application that runs it), then start again; two"
          + " servers must never share a data directory.";
    }
    if (all.contains("error while loading shared libraries")) {
      return prefix
          + "a system library of the MariaDB binaries is missing ("
          + firstLineWith(text, "error while loading shared libraries")
          + "). On Debian/Ubuntu install libc6 libcrypt1 libcap2 liblzma5 libgpg-error0"
          + " libgcc-s1 (README, 'Requirements').";
    }
    if (all.contains("errcode: 13") || all.contains("permission denied")) {
      return prefix
          + "permission denied ("
          + firstLineWith(text, "rrcode: 13", "ermission denied")
          + "). The user running the application must own the data directory and be able to"
          + " write into it.";
    }
    if (all.contains("errcode: 28") || all.contains("no space left on device")) {
      return prefix
          + "the disk holding the data directory is full. Free some space, then start"
          + " again.";
    }
    String lastError = lastLineWith(text, "[error]");
    return prefix
        + (lastError == null
            ? "the server did not report why; its console output is above in the log."
            : "the server reported: " + lastError.strip());
  }

  private static String firstLineWith(List<String> lines, String... needles) {
    for (String line : lines) {
      for (String needle : needles) {
        if (line.contains(needle)) {
          return line.strip();
        }
      }
    }
    return "";
  }

  private static String lastLineWith(List<String> lines, String needle) {
    String found = null;
    for (String line : lines) {
      if (line.toLowerCase(Locale.ROOT).contains(needle)) {
        found = line;
      }
    }
    return found;
  }
}
