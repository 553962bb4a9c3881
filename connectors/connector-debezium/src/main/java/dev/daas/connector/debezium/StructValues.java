package dev.daas.connector.debezium;

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
 * Converts Kafka Connect values to plain Java values. The engine runs with {@code
 * time.precision.mode=connect}, {@code decimal.handling.mode=precise} and {@code
 * binary.handling.mode=bytes}, so temporal values arrive as {@link java.util.Date} holding local
 * date-times at UTC, decimals as {@code BigDecimal}, binary as bytes.
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
