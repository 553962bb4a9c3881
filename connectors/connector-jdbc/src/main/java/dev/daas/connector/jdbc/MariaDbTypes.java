package dev.daas.connector.jdbc;

import dev.daas.model.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** MariaDB and MySQL information_schema types (DATA_TYPE, COLUMN_TYPE) to portable types. */
final class MariaDbTypes {
  private MariaDbTypes() {}

  /**
   * @param dataType information_schema.COLUMNS.DATA_TYPE, e.g. {@code tinyint}
   * @param columnType COLUMN_TYPE, e.g. {@code tinyint(1)} or {@code enum('A','B')}
   * @param jsonChecked whether a {@code json_valid(col)} check guards the column: MariaDB's JSON is
   *     an alias of LONGTEXT with such a check, MySQL has a real JSON type
   */
  static DataType map(String dataType, String columnType, boolean jsonChecked) {
    String type = dataType.toLowerCase(Locale.ROOT);
    String full = columnType == null ? type : columnType.toLowerCase(Locale.ROOT);
    return switch (type) {
      case "tinyint" -> full.startsWith("tinyint(1)") ? DataType.BOOLEAN : DataType.INTEGER;
      case "bit" -> full.equals("bit(1)") ? DataType.BOOLEAN : DataType.OTHER;
      case "bool", "boolean" -> DataType.BOOLEAN;
      case "smallint", "mediumint", "int", "integer", "bigint", "year" -> DataType.INTEGER;
      case "decimal", "numeric" -> DataType.DECIMAL;
      case "float", "double", "real", "double precision" -> DataType.FLOAT;
      case "date" -> DataType.DATE;
      case "time" -> DataType.TIME;
      case "datetime", "timestamp" -> DataType.TIMESTAMP;
      case "char", "varchar", "tinytext", "text", "mediumtext", "longtext" ->
          jsonChecked ? DataType.JSON : DataType.STRING;
      case "json" -> DataType.JSON;
      case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> DataType.BINARY;
      case "enum" -> DataType.ENUM;
      case "uuid" -> DataType.UUID;
      default -> DataType.OTHER;
    };
  }

  /** The labels of {@code enum('A','B''s')}, in declaration order. */
  static List<String> enumLabels(String columnType) {
    List<String> labels = new ArrayList<>();
    int open = columnType.indexOf('(');
    int close = columnType.lastIndexOf(')');
    if (open < 0 || close < open) {
      return labels;
    }
    String body = columnType.substring(open + 1, close);
    StringBuilder label = null;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (label == null) {
        if (c == '\'') {
          label = new StringBuilder();
        }
      } else if (c == '\'' && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
        label.append('\'');
        i++;
      } else if (c == '\\' && i + 1 < body.length()) {
        label.append(body.charAt(++i));
      } else if (c == '\'') {
        labels.add(label.toString());
        label = null;
      } else {
        label.append(c);
      }
    }
    return labels;
  }

  static boolean isGenerated(String extra) {
    if (extra == null) {
      return false;
    }
    String text = extra.toLowerCase(Locale.ROOT);
    // MySQL's DEFAULT_GENERATED only means "default is an expression", not a generated column.
    return text.contains("auto_increment")
        || text.contains("virtual generated")
        || text.contains("stored generated")
        || text.contains("persistent");
  }
}
