package dev.daas.connector.debezium;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** The local MariaDB (127.0.0.1:3306, root, no password). */
final class TestingMariaDb {
  static final String SERVER_URL = "jdbc:mariadb://127.0.0.1:3306/";

  private TestingMariaDb() {}

  static CaptureConfigBuilder config(String source, String database, String... tables) {
    return CaptureConfig.fromJdbcUrl(source, SERVER_URL + database, "root", null)
        .tables(List.of(tables));
  }

  static void execute(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(SERVER_URL, "root", null);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
