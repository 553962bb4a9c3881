package dev.daas.connector.debezium;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL preflight: wal_level, the REPLICATION privilege, free slots, publication rights. */
final class PostgresPreflight {
  private PostgresPreflight() {}

  static List<PreflightProblem> check(Connection connection, CaptureConfig config)
      throws SQLException {
    List<PreflightProblem> problems = new ArrayList<>();
    String walLevel = single(connection, "SHOW wal_level");
    if (!"logical".equals(walLevel)) {
      problems.add(
          new PreflightProblem(
              "WAL_LEVEL_NOT_LOGICAL",
              "PostgreSQL wal_level is '"
                  + walLevel
                  + "' but change data capture needs 'logical'. Run ALTER SYSTEM SET wal_level ="
                  + " logical as a superuser and restart PostgreSQL."));
    }
    boolean superuser = false;
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT rolsuper, rolreplication FROM pg_roles WHERE rolname = current_user")) {
      if (rs.next()) {
        superuser = rs.getBoolean(1);
        if (!superuser && !rs.getBoolean(2)) {
          problems.add(
              new PreflightProblem(
                  "MISSING_REPLICATION_PRIVILEGE",
                  "user '"
                      + config.user()
                      + "' may not open replication connections. Run ALTER ROLE \""
                      + config.user()
                      + "\" WITH REPLICATION as a superuser."));
        }
      }
    }
    checkSlots(connection, config, problems);
    checkPublication(connection, config, superuser, problems);
    return problems;
  }

  private static void checkSlots(
      Connection connection, CaptureConfig config, List<PreflightProblem> problems)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT current_setting('max_replication_slots')::int, count(*),"
                + " bool_or(slot_name = ?) FROM pg_replication_slots")) {
      ps.setString(1, config.captureName());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        int max = rs.getInt(1);
        int used = rs.getInt(2);
        boolean ours = rs.getBoolean(3);
        if (!ours && used >= max) {
          problems.add(
              new PreflightProblem(
                  "REPLICATION_SLOTS_EXHAUSTED",
                  "all "
                      + max
                      + " replication slots are in use (max_replication_slots). Drop unused slots"
                      + " (SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                      + " WHERE NOT active) or raise max_replication_slots and restart"
                      + " PostgreSQL."));
        }
      }
    }
  }

  private static void checkPublication(
      Connection connection,
      CaptureConfig config,
      boolean superuser,
      List<PreflightProblem> problems)
      throws SQLException {
    if (superuser || PostgresReplication.publicationExists(connection, config.captureName())) {
      return;
    }
    if (config.tables().isEmpty()) {
      problems.add(
          new PreflightProblem(
              "PUBLICATION_NEEDS_SUPERUSER",
              "capturing every table needs a FOR ALL TABLES publication, which only a superuser"
                  + " can create. List the tables to capture, or run CREATE PUBLICATION "
                  + config.captureName()
                  + " FOR ALL TABLES as a superuser."));
      return;
    }
    for (String table : config.tables()) {
      String owner = PostgresReplication.tableOwner(connection, table);
      if (owner == null) {
        problems.add(
            new PreflightProblem(
                "TABLE_NOT_FOUND", "table " + table + " does not exist or is not visible."));
      } else if (!owner.equals(config.user())) {
        problems.add(
            new PreflightProblem(
                "PUBLICATION_NEEDS_OWNER",
                "only the owner of "
                    + table
                    + " ("
                    + owner
                    + ") or a superuser can add it to a publication. Run CREATE PUBLICATION "
                    + config.captureName()
                    + " FOR TABLE "
                    + String.join(", ", config.tables())
                    + " as one of them."));
        return;
      }
    }
  }

  private static String single(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
