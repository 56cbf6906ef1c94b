package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A failed start of the embedded MariaDB names the real cause, as the server wrote it on its
 * console (lines below as MariaDB 11.4 writes them), instead of one generic hint.
 */
class StartFailureTests {

  static final Path DATA_DIR = Path.of("/srv/seconde-vie/data/mariadb");
  static final Exception GENERIC =
      new Exception("Database does not seem to have started up correctly?");

  @Test
  void shouldNameATakenPort() {
    // given
    List<String> console =
        List.of(
            "2026-12-05 15:10:07 0 [ERROR] Can't start server: Bind on TCP/IP port. Got error: 98:"
                + " Address already in use",
            "2026-12-05 15:10:07 0 [ERROR] Do you already have another server running on port:"
                + " 3307 ?");

    // when
    String message = StartFailure.explain(console, GENERIC, 3307, DATA_DIR);

    // then
    assertThat(message)
        .contains("Port 3307 on 127.0.0.1")
        .contains("SECONDEVIE_EMBEDDED_MARIADB_PORT")
        .doesNotContain("librar");
  }

  @Test
  void shouldNameADataDirectoryLockedByAnotherServer() {
    // given
    List<String> console =
        List.of(
            "2026-12-05 15:10:07 0 [ERROR] mariadbd: Can't lock aria control file"
                + " '/srv/seconde-vie/data/mariadb/aria_log_control' for exclusive use, error: 11."
                + " Will retry for 30 seconds");

    // when
    String message = StartFailure.explain(console, GENERIC, 3307, DATA_DIR);

    // then
    assertThat(message)
        .contains("data directory " + DATA_DIR)
        .contains("locked by another MariaDB server")
        .doesNotContain("librar");
  }

  @Test
  void shouldNameAMissingLibrary() {
    // given
    List<String> console =
        List.of(
            "mariadbd: error while loading shared libraries: libcrypt.so.1: cannot open shared"
                + " object file: No such file or directory");

    // when
    String message = StartFailure.explain(console, GENERIC, 3307, DATA_DIR);

    // then
    assertThat(message).contains("libcrypt.so.1").contains("libcrypt1");
  }

  @Test
  void shouldQuoteTheServersLastErrorOtherwise() {
    // given
    List<String> console =
        List.of(
            "2026-12-05 15:10:07 0 [Note] Starting MariaDB 11.4.5-MariaDB",
            "2026-12-05 15:10:08 0 [ERROR] InnoDB: Unsupported redo log format.",
            "2026-12-05 15:10:08 0 [ERROR] Aborting");

    // when
    String message = StartFailure.explain(console, GENERIC, 3307, DATA_DIR);

    // then
    assertThat(message).contains("the server reported").contains("[ERROR] Aborting");
  }

  @Test
  void shouldRefuseATakenPortBeforeStartingTheServer() throws IOException {
    // given another program on a loopback port
    try (ServerSocket other = new ServerSocket()) {
      other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      int port = other.getLocalPort();
      Path dataDir = Path.of("target", "port-taken-" + System.nanoTime(), "mariadb");

      // when / then
      assertThatThrownBy(
              () ->
                  EmbeddedMariaDb.obtain(
                      new EmbeddedModeProperties.MariaDb(dataDir, port, null, false, null)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Port " + port + " on 127.0.0.1")
          .hasMessageContaining("secondevie.embedded.mariadb.port");
      assertThat(dataDir).doesNotExist();
    }
  }
}
