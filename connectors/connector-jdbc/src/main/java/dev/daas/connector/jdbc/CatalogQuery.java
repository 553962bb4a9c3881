package dev.daas.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Runs one bulk catalog query with the schema names as bound parameters. */
final class CatalogQuery {
  @FunctionalInterface
  interface RowHandler {
    void row(ResultSet row) throws SQLException;
  }

  private CatalogQuery() {}

  /** Binds every parameter of {@code sql} in turn from {@code parameters}. */
  static void run(Connection connection, String sql, List<?> parameters, RowHandler handler)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(1_000);
      for (int i = 0; i < parameters.size(); i++) {
        statement.setObject(i + 1, parameters.get(i));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          handler.row(rows);
        }
      }
    }
  }

  /** {@code ?, ?, ?} for an IN list of the schemas (MariaDB and H2 have no array parameter). */
  static String placeholders(int count) {
    return String.join(", ", Collections.nCopies(count, "?"));
  }

  static Integer nullableInt(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return CatalogBuilder.intOrNull(value, !row.wasNull());
  }
}
