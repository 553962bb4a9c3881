package dev.daas.gateway.plan;

import static dev.daas.gateway.TestingModels.attribute;
import static dev.daas.gateway.TestingModels.enumAttribute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueConverterTest {
  private static final Attribute INTEGER = attribute("I", DataType.INTEGER, true);
  private static final Attribute DECIMAL = attribute("D", DataType.DECIMAL, true);
  private static final Attribute FLOAT = attribute("F", DataType.FLOAT, true);
  private static final Attribute BOOLEAN = attribute("B", DataType.BOOLEAN, true);
  private static final Attribute TIMESTAMP = attribute("T", DataType.TIMESTAMP, true);
  private static final Attribute TIMESTAMP_TZ = attribute("Z", DataType.TIMESTAMP_TZ, true);

  @Test
  void convertsIntegersToLongAndBeyondTheLongRangeToBigInteger() {
    assertThat(ValueConverter.fromNumber(INTEGER, "-12")).isEqualTo(-12L);
    assertThat(ValueConverter.fromNumber(INTEGER, "9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(ValueConverter.fromNumber(INTEGER, "9223372036854775808"))
        .isEqualTo(new BigInteger("9223372036854775808"));
    assertThat(ValueConverter.fromNumber(INTEGER, "-99999999999999999999999"))
        .isEqualTo(new BigInteger("-99999999999999999999999"));
    assertThat(ValueConverter.fromNumber(INTEGER, "1e3")).isEqualTo(1000L);
    assertThat(ValueConverter.fromText(INTEGER, "42")).isEqualTo(42L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "1e-3", "abc", "0x10", "", " 1"})
  void rejectsIntegerTextThatIsNotAnInteger(String text) {
    assertThatThrownBy(() -> ValueConverter.fromText(INTEGER, text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an integer");
  }

  @Test
  void refusesTextHoldingTheNulCharacterWhichNoSqlCharacterTypeStores() {
    Attribute text = attribute("S", DataType.STRING, true);

    assertThatThrownBy(() -> ValueConverter.fromText(text, "nul\0byte"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
    assertThat(ValueConverter.fromText(text, "plain")).isEqualTo("plain");
  }

  @Test
  void keepsEveryDigitOfDecimals() {
    assertThat(ValueConverter.fromNumber(DECIMAL, "12345678901234567890.123456789012345678901"))
        .isEqualTo(new BigDecimal("12345678901234567890.123456789012345678901"));
    assertThat(ValueConverter.fromNumber(DECIMAL, "0.10")).isEqualTo(new BigDecimal("0.10"));
    assertThat(ValueConverter.fromNumber(DECIMAL, "1e3")).isEqualTo(new BigDecimal("1e3"));
  }

  @Test
  void refusesNumbersWhoseExponentWouldExpandThemEnormously() {
    assertThatThrownBy(() -> ValueConverter.fromNumber(DECIMAL, "1e999999999"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueConverter.fromNumber(INTEGER, "1e999999999"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueConverter.fromNumber(DECIMAL, "1e-999999999"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void convertsFloatsAndRejectsInfinity() {
    assertThat(ValueConverter.fromNumber(FLOAT, "3.5")).isEqualTo(3.5d);
    assertThat(ValueConverter.fromNumber(FLOAT, "-1E3")).isEqualTo(-1000d);
    assertThatThrownBy(() -> ValueConverter.fromNumber(FLOAT, "1e400"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueConverter.fromText(FLOAT, "NaN"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsOnlyNumbersForNumericTypesAndOnlyBooleansForBooleans() {
    assertThatThrownBy(() -> ValueConverter.fromString(INTEGER, "12"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueConverter.fromNumber(BOOLEAN, "1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueConverter.fromBoolean(INTEGER, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueConverter.fromNumber(attribute("S", DataType.STRING, true), "1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ValueConverter.fromBoolean(BOOLEAN, false)).isEqualTo(false);
    assertThat(ValueConverter.fromText(BOOLEAN, "TRUE")).isEqualTo(true);
  }

  @Test
  void convertsDatesAndTimes() {
    assertThat(ValueConverter.fromString(attribute("D", DataType.DATE, true), "2024-01-31"))
        .isEqualTo(LocalDate.of(2024, 1, 31));
    assertThat(ValueConverter.fromString(attribute("T", DataType.TIME, true), "13:45:00"))
        .isEqualTo(LocalTime.of(13, 45));
    assertThatThrownBy(
            () -> ValueConverter.fromString(attribute("D", DataType.DATE, true), "2024-02-30"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a date like 2024-01-31");
  }

  @Test
  void convertsTimestampsWithoutZone() {
    LocalDateTime expected = LocalDateTime.of(2024, 1, 31, 13, 45);

    assertThat(ValueConverter.fromString(TIMESTAMP, "2024-01-31T13:45:00")).isEqualTo(expected);
    assertThat(ValueConverter.fromString(TIMESTAMP, "2024-01-31 13:45:00")).isEqualTo(expected);
    assertThat(ValueConverter.fromString(TIMESTAMP, "2024-01-31"))
        .isEqualTo(LocalDateTime.of(2024, 1, 31, 0, 0));
    assertThat(ValueConverter.fromString(TIMESTAMP, "2024-01-31T13:45:00.123456"))
        .isEqualTo(expected.withNano(123_456_000));
    assertThatThrownBy(() -> ValueConverter.fromString(TIMESTAMP, "2024-01-31T13:45:00Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without offset");
  }

  @Test
  void convertsTimestampsWithZoneAndReadsThoseWithoutAsUtc() {
    assertThat(ValueConverter.fromString(TIMESTAMP_TZ, "2024-01-31T13:45:00+02:00"))
        .isEqualTo(OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, ZoneOffset.ofHours(2)));
    assertThat(ValueConverter.fromString(TIMESTAMP_TZ, "2024-01-31T13:45:00Z"))
        .isEqualTo(OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, ZoneOffset.UTC));
    assertThat(ValueConverter.fromString(TIMESTAMP_TZ, "2024-01-31 13:45:00"))
        .isEqualTo(OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, ZoneOffset.UTC));
    assertThatThrownBy(() -> ValueConverter.fromString(TIMESTAMP_TZ, "yesterday"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void convertsCanonicalUuidsOnly() {
    Attribute uuid = attribute("U", DataType.UUID, true);

    assertThat(ValueConverter.fromString(uuid, "123E4567-e89b-12d3-a456-426614174000"))
        .isEqualTo(UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
    // UUID.fromString alone would accept this short form
    assertThatThrownBy(() -> ValueConverter.fromString(uuid, "1-2-3-4-5"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsOnlyTheLabelsOfAnEnum() {
    Attribute mood = enumAttribute("M", List.of("happy", "sad"));

    assertThat(ValueConverter.fromString(mood, "sad")).isEqualTo("sad");
    assertThatThrownBy(() -> ValueConverter.fromString(mood, "angry"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("one of happy, sad");
    assertThatThrownBy(() -> ValueConverter.fromString(mood, "HAPPY"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void keepsStringsAsTheyAre() {
    assertThat(ValueConverter.fromString(attribute("S", DataType.STRING, true), " it's %_ "))
        .isEqualTo(" it's %_ ");
  }
}
