package dev.daas.server.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

  private static SecretKey randomKey() {
    byte[] raw = new byte[32];
    new SecureRandom().nextBytes(raw);
    return new SecretKeySpec(raw, "AES");
  }

  private final SecretCipher cipher = new SecretCipher(randomKey());

  @Test
  void opensWhatItSealed() {
    assertThat(cipher.open(cipher.seal("s3cr3t päss"))).isEqualTo("s3cr3t päss");
  }

  @Test
  void neverStoresThePlainTextAndSealsTheSameValueDifferentlyEachTime() {
    String first = cipher.seal("hunter2");
    String second = cipher.seal("hunter2");

    assertThat(first).startsWith("v1:").doesNotContain("hunter2").isNotEqualTo(second);
  }

  @Test
  void refusesToOpenWithAnotherKey() {
    String sealed = cipher.seal("hunter2");

    assertThatThrownBy(() -> new SecretCipher(randomKey()).open(sealed))
        .isInstanceOf(SecretKeyMismatchException.class)
        .hasMessageNotContaining("hunter2");
  }

  @Test
  void detectsATamperedValue() {
    String sealed = cipher.seal("hunter2");
    char last = sealed.charAt(sealed.length() - 2);
    String tampered =
        sealed.substring(0, sealed.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + sealed.charAt(sealed.length() - 1);

    assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(SecretKeyMismatchException.class);
    assertThatThrownBy(() -> cipher.open("plain")).isInstanceOf(SecretKeyMismatchException.class);
  }
}
