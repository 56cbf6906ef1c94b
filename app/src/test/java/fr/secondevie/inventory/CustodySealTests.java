package fr.secondevie.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

/** Where the custody key comes from: never the database, never a default in camunda mode. */
class CustodySealTests {

  @TempDir Path dir;

  @Test
  void shouldRefuseToStartInCamundaModeWithoutAConfiguredKey() {
    // given
    MockEnvironment camunda = new MockEnvironment().withProperty("secondevie.mode", "camunda");

    // when / then
    assertThatThrownBy(() -> new CustodySeal(camunda))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SECONDEVIE_CUSTODY_KEY")
        .hasMessageContaining("SECONDEVIE_CUSTODY_KEYFILE");
  }

  @Test
  void shouldUseTheKeyGivenByProperty() {
    // given
    byte[] key = new byte[32];
    key[0] = 7;
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("secondevie.mode", "camunda")
            .withProperty("secondevie.custody.key", Base64.getEncoder().encodeToString(key));

    // when
    CustodySeal seal = new CustodySeal(env);

    // then
    assertThat(seal.keyId()).isEqualTo(CustodySeal.idOf(key)).hasSize(16);
    assertThat(seal.mac("x")).isEqualTo(new CustodySeal(key).mac("x"));
  }

  @Test
  void shouldRefuseAKeyShorterThan32Bytes() {
    // given
    MockEnvironment env =
        new MockEnvironment()
            .withProperty(
                "secondevie.custody.key", Base64.getEncoder().encodeToString(new byte[16]));

    // when / then
    assertThatThrownBy(() -> new CustodySeal(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 octets au moins, 16 lus");
  }

  @Test
  void shouldCreateTheKeyFileOwnerOnlyAtFirstStartThenReadIt() throws Exception {
    // given
    Path file = dir.resolve("secrets").resolve("custody.key");
    MockEnvironment env =
        new MockEnvironment()
            .withProperty("secondevie.mode", "camunda")
            .withProperty("secondevie.custody.key-file", file.toString());

    // when
    CustodySeal first = new CustodySeal(env);
    CustodySeal again = new CustodySeal(env);

    // then
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
    assertThat(again.keyId()).isEqualTo(first.keyId());
  }

  @Test
  void shouldRefuseAKeyFileOthersCanRead() throws Exception {
    // given
    Path file = dir.resolve("custody.key");
    Files.writeString(
        file, Base64.getEncoder().encodeToString(new byte[32]), StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    MockEnvironment env =
        new MockEnvironment().withProperty("secondevie.custody.key-file", "" + file);

    // when / then
    assertThatThrownBy(() -> new CustodySeal(env))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void shouldKeepTheEmbeddedKeyNextToTheDatabaseFiles() {
    // given
    MockEnvironment env =
        new MockEnvironment()
            .withProperty(
                "secondevie.embedded.mariadb.data-dir", dir.resolve("mariadb").toString());

    // when
    new CustodySeal(env);

    // then
    assertThat(dir.resolve("custody.key")).exists();
  }
}
