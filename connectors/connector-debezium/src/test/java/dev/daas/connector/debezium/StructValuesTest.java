package dev.daas.connector.debezium;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.data.VariableScaleDecimal;
import io.debezium.time.Date;
import io.debezium.time.MicroTime;
import io.debezium.time.MicroTimestamp;
import io.debezium.time.NanoTimestamp;
import io.debezium.time.Time;
import io.debezium.time.Timestamp;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;

/** Debezium's time types (time.precision.mode=adaptive_time_microseconds) keep every digit. */
class StructValuesTest {

  @Test
  void timestampsKeepTheirMicrosecondsAndNanoseconds() {
    assertThat(StructValues.convert(MicroTimestamp.schema(), 1_767_261_845_123_456L))
        .isEqualTo(LocalDateTime.parse("2026-01-01T10:04:05.123456"));
    assertThat(StructValues.convert(NanoTimestamp.schema(), 1_767_261_845_123_456_789L))
        .isEqualTo(LocalDateTime.parse("2026-01-01T10:04:05.123456789"));
    assertThat(StructValues.convert(Timestamp.schema(), 1_767_261_845_123L))
        .isEqualTo(LocalDateTime.parse("2026-01-01T10:04:05.123"));
    assertThat(StructValues.convert(MicroTimestamp.schema(), -1L))
        .isEqualTo(LocalDateTime.parse("1969-12-31T23:59:59.999999"));
  }

  @Test
  void datesAndTimesOfDayBecomeLocalValues() {
    assertThat(StructValues.convert(Date.schema(), 20_485))
        .isEqualTo(LocalDate.parse("2026-02-01"));
    assertThat(StructValues.convert(MicroTime.schema(), 36_930_000_001L))
        .isEqualTo(LocalTime.parse("10:15:30.000001"));
    assertThat(StructValues.convert(Time.schema(), 36_930_001))
        .isEqualTo(LocalTime.parse("10:15:30.001"));
  }

  @Test
  void durationsOfMariaDbTimeColumnsStayTextBecauseTheyAreNoTimeOfDay() {
    assertThat(StructValues.convert(MicroTime.schema(), 90_000_000_000L)).isEqualTo("25:00:00");
    assertThat(StructValues.convert(MicroTime.schema(), -5_400_500_000L)).isEqualTo("-01:30:00.5");
  }

  @Test
  void numericsWithoutScaleKeepTheirDigits() {
    Struct value =
        new Struct(VariableScaleDecimal.schema())
            .put("scale", 12)
            .put("value", new BigDecimal("100.000000000001").unscaledValue().toByteArray());

    assertThat(StructValues.convert(VariableScaleDecimal.schema(), value))
        .isEqualTo(new BigDecimal("100.000000000001"));
  }
}
