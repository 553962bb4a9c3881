package dev.daas.connector.jdbc;

import dev.daas.model.DataType;

/** PostgreSQL type names (pg_type.typname) to portable types, and typmod decoding. */
final class PostgresTypes {
  private PostgresTypes() {}

  /**
   * @param typeName pg_type.typname of the column's type (of the base type for a domain)
   * @param typeType pg_type.typtype: {@code e} for enums
   * @param category pg_type.typcategory: {@code A} for arrays
   */
  static DataType map(String typeName, String typeType, String category) {
    if ("e".equals(typeType)) {
      return DataType.ENUM;
    }
    if ("A".equals(category)) {
      return DataType.OTHER;
    }
    return switch (typeName) {
      case "bpchar", "char", "varchar", "text", "citext", "name" -> DataType.STRING;
      case "int2", "int4", "int8" -> DataType.INTEGER;
      case "numeric" -> DataType.DECIMAL;
      case "float4", "float8" -> DataType.FLOAT;
      case "bool" -> DataType.BOOLEAN;
      case "date" -> DataType.DATE;
      case "time" -> DataType.TIME;
      case "timestamp" -> DataType.TIMESTAMP;
      case "timestamptz" -> DataType.TIMESTAMP_TZ;
      case "bytea" -> DataType.BINARY;
      case "json", "jsonb" -> DataType.JSON;
      case "uuid" -> DataType.UUID;
      default -> DataType.OTHER;
    };
  }

  /** varchar(n) and char(n) store n + 4 in typmod; -1 means no limit. */
  static Integer maxLength(String typeName, int typmod) {
    if ((typeName.equals("varchar") || typeName.equals("bpchar")) && typmod >= 4) {
      return typmod - 4;
    }
    return null;
  }

  /** numeric(p, s) stores ((p << 16) | s) + 4 in typmod. */
  static Integer precision(String typeName, int typmod) {
    return typeName.equals("numeric") && typmod >= 4 ? ((typmod - 4) >> 16) & 0xffff : null;
  }

  static Integer scale(String typeName, int typmod) {
    return typeName.equals("numeric") && typmod >= 4 ? (typmod - 4) & 0xffff : null;
  }
}
