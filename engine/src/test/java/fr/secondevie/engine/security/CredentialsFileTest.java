package fr.secondevie.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.secondevie.engine.CredentialsFile;
import fr.secondevie.engine.EngineCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated credentials: random, private to their owner, kept, never shown. */
class CredentialsFileTest {

  @TempDir Path dir;

  @Test
  void shouldGenerateA256BitPasswordIntoAFileOnlyItsOwnerReads() throws IOException {
    // given
    Path file = dir.resolve("engine").resolve(CredentialsFile.FILE_NAME);

    // when
    EngineCredentials credentials = CredentialsFile.readOrCreate(file);

    // then
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(credentials.username()).isEqualTo(EngineCredentials.DEFAULT_USERNAME);
    assertThat(credentials.password()).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(Files.readString(file)).contains("password=" + credentials.password());
    try (var leftovers = Files.list(file.getParent())) {
      assertThat(leftovers).containsExactly(file);
    }
  }

  @Test
  void shouldReadTheSameCredentialsAtTheNextStart() {
    // given
    Path file = dir.resolve(CredentialsFile.FILE_NAME);
    EngineCredentials first = CredentialsFile.readOrCreate(file);

    // when
    EngineCredentials again = CredentialsFile.readOrCreate(file);

    // then
    assertThat(again).isEqualTo(first);
    assertThat(EngineCredentials.generate().password()).isNotEqualTo(first.password());
  }

  @Test
  void shouldNarrowAFileOthersCanReadToItsOwner() throws IOException {
    // given
    Path file = dir.resolve(CredentialsFile.FILE_NAME);
    Files.writeString(file, "username=ops\npassword=s3cret-enough\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    // when
    EngineCredentials credentials = CredentialsFile.readOrCreate(file);

    // then
    assertThat(credentials).isEqualTo(new EngineCredentials("ops", "s3cret-enough"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void shouldSayWhatIsMissingInAnIncompleteFile() throws IOException {
    // given
    Path file = dir.resolve(CredentialsFile.FILE_NAME);
    Files.writeString(file, "username=ops\n");

    // when / then
    assertThatThrownBy(() -> CredentialsFile.readOrCreate(file))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("password");
  }

  @Test
  void shouldNeverShowThePassword() {
    // given
    EngineCredentials credentials = new EngineCredentials("ops", "s3cret-enough");

    // when
    String shown = credentials.toString();

    // then
    assertThat(shown).contains("ops").doesNotContain("s3cret-enough");
  }
}
