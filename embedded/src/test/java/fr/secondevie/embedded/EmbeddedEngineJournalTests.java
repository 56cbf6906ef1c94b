package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The embedded engine keeps its journal under a data directory, next to MariaDB's. */
class EmbeddedEngineJournalTests {

  @TempDir Path dataDir;

  @Test
  void shouldKeepTheJournalNextToMariaDbByDefault() {
    // given no setting
    Binder binder = new Binder(new MapConfigurationPropertySource(Map.of()));

    // when
    EmbeddedModeProperties properties =
        binder.bindOrCreate("secondevie.embedded", EmbeddedModeProperties.class);

    // then
    assertThat(properties.engine().dataDir()).isEqualTo(Path.of("data", "engine"));
    assertThat(properties.mariadb().dataDir()).isEqualTo(Path.of("data", "mariadb"));
  }

  @Test
  void shouldBindTheDataDirectory() {
    // given
    Binder binder =
        new Binder(
            new MapConfigurationPropertySource(
                Map.of("secondevie.embedded.engine.data-dir", dataDir.toString())));

    // when
    EmbeddedModeProperties properties =
        binder.bindOrCreate("secondevie.embedded", EmbeddedModeProperties.class);

    // then
    assertThat(properties.engine().dataDir()).isEqualTo(dataDir);
  }

  @Test
  void shouldStartTheEngineOnItsJournalAgainAfterAStop() {
    // given an engine started and stopped on a data directory
    EmbeddedModeProperties.Engine settings =
        new EmbeddedModeProperties.Engine(
            true, 0, 0, 0, dataDir, false, null, null, null, false, null, null);
    EmbeddedEngineLifecycle first = new EmbeddedEngineLifecycle(settings);
    first.start();
    first.stop();

    // when
    EmbeddedEngineLifecycle second = new EmbeddedEngineLifecycle(settings);
    second.start();

    // then
    try {
      assertThat(second.isRunning()).isTrue();
      assertThat(dataDir.resolve("journal.log")).exists();
    } finally {
      second.stop();
    }
  }
}
