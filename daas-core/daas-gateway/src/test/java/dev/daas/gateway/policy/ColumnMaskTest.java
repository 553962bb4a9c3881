package dev.daas.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.daas.model.query.RawJson;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ColumnMaskTest {

  @Test
  void partialKeepsTheLastCharactersOfLongValuesOnly() {
    ColumnMask mask = ColumnMask.partial("card", 4);

    assertThat(mask.apply("4111111111111111")).isEqualTo("****1111");
    assertThat(mask.apply(12345678L)).isEqualTo("****");
    assertThat(mask.apply(123456789L)).isEqualTo("****6789");
    assertThat(mask.apply(null)).isNull();
  }

  @Test
  void hashIsStableHexAndDiffersForDifferentValues() {
    ColumnMask mask = ColumnMask.hashed("email");

    Object ada = mask.apply("ada@example.org");

    assertThat(ada).isEqualTo(mask.apply("ada@example.org")).isNotEqualTo(mask.apply("bob@x.org"));
    assertThat((String) ada).hasSize(ColumnMask.HASH_CHARS).matches("[0-9a-f]+");
    // SHA-256("abc") begins ba7816bf8f01cfea
    assertThat(mask.apply("abc")).isEqualTo("ba7816bf8f01cfea");
    assertThat(mask.apply(new RawJson("{}"))).isEqualTo(mask.apply("{}"));
  }

  @Test
  void nullMaskAlwaysGivesNull() {
    assertThat(ColumnMask.nulled("x").apply(new BigDecimal("1.5"))).isNull();
  }
}
