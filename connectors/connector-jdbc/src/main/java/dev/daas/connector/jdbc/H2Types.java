package dev.daas.connector.jdbc;

import dev.daas.model.DataType;
import java.util.Locale;

/** H2 2.x information_schema DATA_TYPE names to portable types. */
final class H2Types {
  private H2Types() {}

  static DataType map(String dataType) {
    return switch (dataType.toUpperCase(Locale.ROOT)) {
      case "CHARACTER", "CHARACTER VARYING", "VARCHAR_IGNORECASE", "CHARACTER LARGE OBJECT" ->
          DataType.STRING;
      case "TINYINT", "SMALLINT", "INTEGER", "BIGINT" -> DataType.INTEGER;
      case "NUMERIC", "DECIMAL", "DECFLOAT" -> DataType.DECIMAL;
      case "REAL", "DOUBLE PRECISION", "FLOAT" -> DataType.FLOAT;
      case "BOOLEAN" -> DataType.BOOLEAN;
      case "DATE" -> DataType.DATE;
      case "TIME" -> DataType.TIME;
      case "TIMESTAMP" -> DataType.TIMESTAMP;
      case "TIMESTAMP WITH TIME ZONE" -> DataType.TIMESTAMP_TZ;
      case "BINARY", "BINARY VARYING", "BINARY LARGE OBJECT" -> DataType.BINARY;
      case "JSON" -> DataType.JSON;
      case "UUID" -> DataType.UUID;
      case "ENUM" -> DataType.ENUM;
      default -> DataType.OTHER;
    };
  }
}
