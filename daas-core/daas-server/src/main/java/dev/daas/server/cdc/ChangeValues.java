package dev.daas.server.cdc;

import dev.daas.model.Attribute;
import dev.daas.model.DataType;
import dev.daas.model.Entity;
import dev.daas.model.query.RawJson;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns a row image of the change log (column names, values as Jackson read them back: numbers as
 * {@code Long}/{@code BigInteger}/{@code BigDecimal}, times as ISO-8601 text, binary as Base64)
 * into a row of the entity's field names with the Java types of {@code TypedValues}, the types the
 * data API reads. Row filters and masks then see the same values on both channels.
 *
 * <p>A value that does not decode into its field's type makes the whole image undecodable ({@link
 * Optional#empty()}): the caller drops the event rather than guess. Columns the model does not have
 * are kept under their own name (shaping drops them); {@code other} fields keep non-text values
 * (arrays, structures) as they came, so conditions on them are unknown, which denies.
 */
final class ChangeValues {
  private final Map<String, Attribute> byColumn = new HashMap<>();
  private final Entity entity;

  ChangeValues(Entity entity) {
    this.entity = entity;
    entity.attributes().forEach(a -> byColumn.putIfAbsent(a.column(), a));
  }

  /** The image as typed field values; empty when some value does not decode. */
  Optional<Map<String, Object>> decode(Map<String, Object> image) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : image.entrySet()) {
      Attribute attribute = attribute(entry.getKey());
      if (attribute == null) {
        row.putIfAbsent(entry.getKey(), entry.getValue());
        continue;
      }
      Object value;
      try {
        value = decode(attribute.type(), entry.getValue());
      } catch (RuntimeException e) {
        return Optional.empty();
      }
      row.put(attribute.name(), value);
    }
    return Optional.of(row);
  }

  /** The field name of a column of the image (the column itself when the model lacks it). */
  String fieldOf(String column) {
    Attribute attribute = attribute(column);
    return attribute == null ? column : attribute.name();
  }

  private Attribute attribute(String column) {
    Attribute attribute = byColumn.get(column);
    return attribute != null ? attribute : entity.attribute(column).orElse(null);
  }

  /**
   * One value in the Java type of {@code type}; throws when it has another form.
   *
   * @param value as Jackson read it with {@code USE_BIG_DECIMAL_FOR_FLOATS}
   */
  static Object decode(DataType type, Object value) {
    if (value == null) {
      return null;
    }
    return switch (type) {
      case STRING, ENUM -> text(value);
      case OTHER -> value;
      case INTEGER -> integer(value);
      case DECIMAL -> decimal(value);
      case FLOAT -> floating(value);
      case BOOLEAN -> bool(value);
      case DATE -> LocalDate.parse(text(value));
      case TIME -> LocalTime.parse(text(value));
      case TIMESTAMP -> LocalDateTime.parse(text(value));
      case TIMESTAMP_TZ -> OffsetDateTime.parse(text(value)).withOffsetSameInstant(ZoneOffset.UTC);
      case BINARY -> Base64.getDecoder().decode(text(value));
      case JSON -> new RawJson(text(value));
      case UUID -> UUID.fromString(text(value));
    };
  }

  private static String text(Object value) {
    if (value instanceof String text) {
      return text;
    }
    throw new IllegalArgumentException("expected text, got " + value.getClass().getSimpleName());
  }

  private static Object integer(Object value) {
    BigInteger integer;
    if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue();
    } else if (value instanceof BigInteger big) {
      integer = big;
    } else if (value instanceof BigDecimal decimal) {
      integer = decimal.toBigIntegerExact();
    } else if (value instanceof Boolean bool) {
      return bool ? 1L : 0L;
    } else {
      integer = new BigInteger(text(value).trim());
    }
    return integer.bitLength() < 64 ? (Object) integer.longValue() : integer;
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    } else if (value instanceof BigInteger big) {
      return new BigDecimal(big);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    return new BigDecimal(text(value));
  }

  private static Double floating(Object value) {
    if (value instanceof BigDecimal decimal) {
      // the shortest decimal text of a float or double, as the data API reads it
      return Double.valueOf(decimal.toString());
    } else if (value instanceof Number number) {
      return number.doubleValue();
    }
    String text = text(value);
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "Infinity" -> Double.POSITIVE_INFINITY;
      case "-Infinity" -> Double.NEGATIVE_INFINITY;
      default -> throw new IllegalArgumentException("not a float: " + text);
    };
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean bool) {
      return bool;
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
      return ((Number) value).longValue() != 0;
    }
    throw new IllegalArgumentException("not a boolean: " + value);
  }
}
