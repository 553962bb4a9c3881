package dev.daas.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** Runs one inspection statement with bound parameters and the source's statement timeout. */
final class InspectionQuery {
  private InspectionQuery() {}

  static void run(
      Connection connection,
      JdbcDialect dialect,
      RenderedSql sql,
      int timeoutSeconds,
      CatalogQuery.RowHandler handler)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql.sql())) {
      if (timeoutSeconds > 0) {
        statement.setQueryTimeout(timeoutSeconds);
      }
      List<Object> binds = sql.binds();
      for (int i = 0; i < binds.size(); i++) {
        dialect.bind(statement, i + 1, dialect.bindable(binds.get(i)));
      }
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          handler.row(rows);
        }
      }
    }
  }
}
