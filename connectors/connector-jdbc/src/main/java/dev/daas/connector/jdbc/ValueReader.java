package dev.daas.connector.jdbc;

import dev.daas.model.DataType;
import dev.daas.model.query.RawJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Reads a result column into the Java type that {@link dev.daas.model.query.TypedValues} names. */
final class ValueReader {
  private ValueReader() {}

  static Object read(ResultSet resultSet, int index, DataType type) throws SQLException {
    return switch (type) {
      case STRING, ENUM, OTHER -> resultSet.getString(index);
      case INTEGER -> integer(resultSet.getObject(index));
      case DECIMAL -> resultSet.getBigDecimal(index);
      case FLOAT -> floating(resultSet.getObject(index));
      case BOOLEAN -> bool(resultSet.getObject(index));
      case DATE -> resultSet.getObject(index, LocalDate.class);
      case TIME -> resultSet.getObject(index, LocalTime.class);
      case TIMESTAMP -> resultSet.getObject(index, LocalDateTime.class);
      case TIMESTAMP_TZ -> resultSet.getObject(index, OffsetDateTime.class);
      case BINARY -> resultSet.getBytes(index);
      case JSON -> json(resultSet.getString(index));
      case UUID -> uuid(resultSet.getObject(index));
    };
  }

  /** Long where it fits, else BigInteger (unsigned BIGINT on MariaDB and MySQL). */
  static Object integer(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }
    if (value instanceof BigDecimal decimal) {
      return integer(decimal.toBigInteger());
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof Boolean bool) {
      return bool ? 1L : 0L;
    }
    return integer(new BigInteger(value.toString().trim()));
  }

  static Double floating(Object value) {
    if (value == null) {
      return null;
    }
    // A float widened to double shows binary noise (0.1f -> 0.10000000149011612); its decimal
    // text is what the database shows and what callers expect.
    if (value instanceof Float f) {
      return Double.valueOf(f.toString());
    }
    if (value instanceof Number number) {
      return number.doubleValue();
    }
    return Double.valueOf(value.toString());
  }

  static Boolean bool(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof Number number) {
      return number.intValue() != 0;
    }
    if (value instanceof byte[] bytes) {
      return bytes.length > 0 && bytes[bytes.length - 1] != 0;
    }
    String text = value.toString().trim();
    return text.equalsIgnoreCase("true") || text.equals("1") || text.equalsIgnoreCase("t");
  }

  static RawJson json(String text) {
    return text == null ? null : new RawJson(text);
  }

  static UUID uuid(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof UUID uuid) {
      return uuid;
    }
    return UUID.fromString(value.toString().trim());
  }
}
