package dev.daas.connector.debezium;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;

/**
 * Converts Kafka Connect values to plain Java values, the types the data API reads. The engine runs
 * with {@code time.precision.mode=adaptive_time_microseconds}, {@code
 * decimal.handling.mode=precise} and {@code binary.handling.mode=bytes}: dates arrive as epoch
 * days, times and timestamps without zone as epoch milli-, micro- or nanoseconds (every stored
 * digit: Kafka Connect's own {@code java.util.Date} types would cut microseconds, so a row filter
 * or mask on a change would see another value than the data API), timestamps with zone as ISO text,
 * decimals as {@code BigDecimal}, binary as bytes.
 */
final class StructValues {
  private StructValues() {}

  /** The fields of a struct in schema order, converted; null for a null struct. */
  static Map<String, Object> toMap(Struct struct) {
    if (struct == null) {
      return null;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Field field : struct.schema().fields()) {
      values.put(field.name(), convert(field.schema(), struct.get(field)));
    }
    return Collections.unmodifiableMap(values);
  }

  /**
   * A time of day; a MariaDB or MySQL TIME outside 00:00 to 24:00 (a duration) as its text, {@code
   * -01:30:00} or {@code 25:00:00}, which is no time of day.
   */
  static Object time(long nanos) {
    if (nanos >= 0 && nanos < LocalTime.MAX.toNanoOfDay() + 1) {
      return LocalTime.ofNanoOfDay(nanos);
    }
    long abs = Math.abs(nanos);
    long seconds = abs / 1_000_000_000L;
    long fraction = abs % 1_000_000_000L;
    String text =
        String.format(
            "%s%02d:%02d:%02d",
            nanos < 0 ? "-" : "", seconds / 3600, seconds / 60 % 60, seconds % 60);
    return fraction == 0 ? text : text + String.format(".%09d", fraction).replaceAll("0+$", "");
  }

  private static LocalDateTime timestamp(long value, long perSecond, long nanosPerUnit) {
    long seconds = Math.floorDiv(value, perSecond);
    long nanos = Math.floorMod(value, perSecond) * nanosPerUnit;
    return LocalDateTime.ofEpochSecond(seconds, (int) nanos, ZoneOffset.UTC);
  }

  static Object convert(Schema schema, Object value) {
    if (value == null) {
      return null;
    }
    String logical = schema == null ? null : schema.name();
    if (logical != null) {
      switch (logical) {
        case org.apache.kafka.connect.data.Date.LOGICAL_NAME:
          return LocalDate.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC);
        case org.apache.kafka.connect.data.Time.LOGICAL_NAME:
          return LocalTime.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC);
        case org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME:
          return LocalDateTime.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC);
        case "io.debezium.time.ZonedTimestamp":
          return OffsetDateTime.parse((String) value);
        case "io.debezium.data.VariableScaleDecimal":
          // PostgreSQL numeric without a declared scale: unscaled bytes and the scale
          Struct decimal = (Struct) value;
          return new BigDecimal(
              new BigInteger(decimal.getBytes("value")), decimal.getInt32("scale"));
        case "io.debezium.time.Date":
          return LocalDate.ofEpochDay(((Number) value).longValue());
        case "io.debezium.time.Time":
          return time(((Number) value).longValue() * 1_000_000L);
        case "io.debezium.time.MicroTime":
          return time(((Number) value).longValue() * 1_000L);
        case "io.debezium.time.NanoTime":
          return time(((Number) value).longValue());
        case "io.debezium.time.Timestamp":
          return timestamp(((Number) value).longValue(), 1_000L, 1_000_000L);
        case "io.debezium.time.MicroTimestamp":
          return timestamp(((Number) value).longValue(), 1_000_000L, 1_000L);
        case "io.debezium.time.NanoTimestamp":
          return timestamp(((Number) value).longValue(), 1_000_000_000L, 1L);
        default:
          break;
      }
    }
    if (value instanceof Struct struct) {
      return toMap(struct);
    }
    if (value instanceof ByteBuffer buffer) {
      ByteBuffer copy = buffer.duplicate();
      byte[] bytes = new byte[copy.remaining()];
      copy.get(bytes);
      return bytes;
    }
    if (value instanceof List<?> list) {
      List<Object> converted = new ArrayList<>(list.size());
      for (Object element : list) {
        converted.add(convert(schema == null ? null : schema.valueSchema(), element));
      }
      return Collections.unmodifiableList(converted);
    }
    return value;
  }
}
