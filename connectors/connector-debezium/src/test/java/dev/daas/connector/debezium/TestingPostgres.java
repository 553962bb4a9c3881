package dev.daas.connector.debezium;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The local PostgreSQL (127.0.0.1:5432, user postgres, trust, database test). */
final class TestingPostgres {
  static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private TestingPostgres() {}

  static CaptureConfigBuilder config(String source, String... tables) {
    return CaptureConfig.fromJdbcUrl(source, URL, "postgres", null).tables(List.of(tables));
  }

  static void execute(String... statements) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "postgres", null);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  static List<String> strings(String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(URL, "postgres", null);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  /** Drops every slot and publication whose name starts with the prefix (stale slots keep WAL). */
  static void dropSlotsAndPublications(String prefix) throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, "postgres", null)) {
      for (String name :
          strings(
              "SELECT slot_name FROM pg_replication_slots WHERE slot_name LIKE '"
                  + prefix
                  + "%'")) {
        PostgresReplication.drop(c, name);
      }
      for (String name :
          strings("SELECT pubname FROM pg_publication WHERE pubname LIKE '" + prefix + "%'")) {
        PostgresReplication.drop(c, name);
      }
    }
  }
}
