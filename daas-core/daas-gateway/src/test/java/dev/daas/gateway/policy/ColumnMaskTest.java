package dev.daas.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.model.query.RawJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class ColumnMaskTest {

  @Test
  void partialKeepsTheLastCharactersOfLongValuesOnly() {
    ColumnMask mask = ColumnMask.partial("card", 4);

    assertThat(mask.apply("4111111111111111", null)).isEqualTo("****1111");
    assertThat(mask.apply(12345678L, null)).isEqualTo("****");
    assertThat(mask.apply(123456789L, null)).isEqualTo("****6789");
    assertThat(mask.apply(null, null)).isNull();
  }

  private static final MaskKey KEY = MaskKey.of(bytes("0123456789abcdef0123456789abcdef"));

  @Test
  void hashIsStableHexAndDiffersForDifferentValues() {
    ColumnMask mask = ColumnMask.hashed("email");

    Object ada = mask.apply("ada@example.org", KEY);

    assertThat(ada)
        .isEqualTo(mask.apply("ada@example.org", KEY))
        .isNotEqualTo(mask.apply("bob@x.org", KEY));
    assertThat((String) ada).hasSize(ColumnMask.HASH_CHARS).matches("[0-9a-f]+");
    assertThat(mask.apply(new RawJson("{}"), KEY)).isEqualTo(mask.apply("{}", KEY));
  }

  @Test
  void hashIsKeyedSoAGuessCannotBeConfirmedWithAPlainDigest() {
    ColumnMask mask = ColumnMask.hashed("email");

    String keyed = (String) mask.apply("abc", KEY);
    // plain SHA-256("abc") begins ba7816bf8f01cfea: a keyed hash must not equal it
    assertThat(keyed).isNotEqualTo("ba7816bf8f01cfea");
    assertThat(keyed).isEqualTo(hmacHex("0123456789abcdef0123456789abcdef", "abc"));
    assertThat(mask.apply("abc", MaskKey.of(bytes("another key of 32 bytes, really!"))))
        .isNotEqualTo(keyed);
  }

  @Test
  void shortKeysAreRefusedAndTheKeyNeverPrints() {
    assertThatThrownBy(() -> MaskKey.of(bytes("short")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(KEY.toString()).doesNotContain("0123456789abcdef");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String hmacHex(String key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(bytes(key), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(bytes(text))).substring(0, 16);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void nullMaskAlwaysGivesNull() {
    assertThat(ColumnMask.nulled("x").apply(new BigDecimal("1.5"), KEY)).isNull();
  }
}
