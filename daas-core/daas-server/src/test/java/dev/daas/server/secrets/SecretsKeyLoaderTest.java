package dev.daas.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsKeyLoaderTest {

  @TempDir Path dataDir;

  @Test
  void generatesAKeyFileOnceReadableOnlyByItsOwnerAndReusesIt() throws Exception {
    SecretsKeyLoader.LoadedKey first = SecretsKeyLoader.load(Optional.empty(), dataDir);
    SecretsKeyLoader.LoadedKey second = SecretsKeyLoader.load(Optional.empty(), dataDir);

    Path file = dataDir.resolve("secrets.key");
    assertThat(first.generated()).isTrue();
    assertThat(second.generated()).isFalse();
    assertThat(second.key().getEncoded()).isEqualTo(first.key().getEncoded());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void prefersTheConfiguredKey() {
    String configured = Base64.getEncoder().encodeToString(new byte[32]);

    SecretsKeyLoader.LoadedKey key = SecretsKeyLoader.load(Optional.of(configured), dataDir);

    assertThat(key.origin()).isEqualTo("daas.secrets.key");
    assertThat(Files.exists(dataDir.resolve("secrets.key"))).isFalse();
  }

  @Test
  void explainsAConfiguredKeyThatIsNotBase64() {
    assertThatThrownBy(() -> SecretsKeyLoader.load(Optional.of("not base64 !"), dataDir))
        .isInstanceOf(InvalidSecretsKeyException.class)
        .hasMessageContaining("daas.secrets.key is not valid base64")
        .hasMessageContaining("openssl rand -base64 32");
  }

  @Test
  void explainsAConfiguredKeyOfTheWrongLength() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

    assertThatThrownBy(() -> SecretsKeyLoader.load(Optional.of(shortKey), dataDir))
        .isInstanceOf(InvalidSecretsKeyException.class)
        .hasMessageContaining("decodes to 16 bytes; an AES-256 key needs 32");
  }
}
