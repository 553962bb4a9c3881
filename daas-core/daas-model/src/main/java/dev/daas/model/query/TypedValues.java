package dev.daas.model.query;

import dev.daas.model.DataType;

/**
 * The Java type that carries values of each portable type, both in {@link Condition}s (as bound
 * parameters) and in {@link QueryResult} rows.
 *
 * <ul>
 *   <li>STRING, ENUM, OTHER: {@link String}
 *   <li>INTEGER: {@link Long}, or {@link java.math.BigInteger} beyond the long range
 *   <li>DECIMAL: {@link java.math.BigDecimal}
 *   <li>FLOAT: {@link Double}
 *   <li>BOOLEAN: {@link Boolean}
 *   <li>DATE: {@link java.time.LocalDate}; TIME: {@link java.time.LocalTime}
 *   <li>TIMESTAMP: {@link java.time.LocalDateTime}; TIMESTAMP_TZ: {@link java.time.OffsetDateTime}
 *   <li>BINARY: {@code byte[]}; JSON: {@link RawJson}; UUID: {@link java.util.UUID}
 * </ul>
 */
public final class TypedValues {
  private TypedValues() {}

  public static Class<?> javaType(DataType type) {
    return switch (type) {
      case STRING, ENUM, OTHER -> String.class;
      case INTEGER -> Long.class;
      case DECIMAL -> java.math.BigDecimal.class;
      case FLOAT -> Double.class;
      case BOOLEAN -> Boolean.class;
      case DATE -> java.time.LocalDate.class;
      case TIME -> java.time.LocalTime.class;
      case TIMESTAMP -> java.time.LocalDateTime.class;
      case TIMESTAMP_TZ -> java.time.OffsetDateTime.class;
      case BINARY -> byte[].class;
      case JSON -> RawJson.class;
      case UUID -> java.util.UUID.class;
    };
  }
}
