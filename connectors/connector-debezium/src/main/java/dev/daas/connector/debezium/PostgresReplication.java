package dev.daas.connector.debezium;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The replication slot and publication of a PostgreSQL source: lookup and removal. */
final class PostgresReplication {
  private static final long SLOT_RELEASE_WAIT_MILLIS = 10_000;

  private PostgresReplication() {}

  static boolean slotExists(Connection connection, String slot) throws SQLException {
    return exists(connection, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ?", slot);
  }

  static boolean publicationExists(Connection connection, String publication) throws SQLException {
    return exists(connection, "SELECT 1 FROM pg_publication WHERE pubname = ?", publication);
  }

  /** The owner of {@code schema.table}, or null when there is no such table. */
  static String tableOwner(Connection connection, String table) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT tableowner FROM pg_tables WHERE schemaname = ? AND tablename = ?")) {
      ps.setString(1, table.substring(0, table.indexOf('.')));
      ps.setString(2, table.substring(table.indexOf('.') + 1));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** Removes the slot (ending the session that still holds it) and the publication. Idempotent. */
  static void drop(Connection connection, String name) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots"
                + " WHERE slot_name = ? AND active_pid IS NOT NULL")) {
      ps.setString(1, name);
      ps.execute();
    }
    long deadline = System.currentTimeMillis() + SLOT_RELEASE_WAIT_MILLIS;
    while (exists(
        connection, "SELECT 1 FROM pg_replication_slots WHERE slot_name = ? AND active", name)) {
      if (System.currentTimeMillis() > deadline) {
        throw new SQLException("replication slot " + name + " is still in use; stop capture first");
      }
      sleep();
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                + " WHERE slot_name = ?")) {
      ps.setString(1, name);
      ps.execute();
    }
    try (Statement s = connection.createStatement()) {
      s.execute("DROP PUBLICATION IF EXISTS " + quoteIdentifier(name));
    }
  }

  static String quoteIdentifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  private static boolean exists(Connection connection, String sql, String value)
      throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void sleep() throws SQLException {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the replication slot", e);
    }
  }
}
