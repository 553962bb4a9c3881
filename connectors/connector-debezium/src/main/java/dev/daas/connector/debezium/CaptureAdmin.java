package dev.daas.connector.debezium;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Administrative actions on a source's capture that change the database, each only when called:
 * removing what capture left behind, and giving PostgreSQL tables full before images.
 */
public final class CaptureAdmin {
  private static final String IDENTITY_QUERY =
      "SELECT n.nspname, c.relname, c.relreplident,"
          + " EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid AND i.indisprimary)"
          + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE c.relkind IN ('r', 'p') AND c.relreplident <> 'f'"
          + " AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
          + " AND n.nspname NOT LIKE 'pg_toast%'"
          + " AND (? OR (n.nspname || '.' || c.relname) = ANY (?))"
          + " ORDER BY 1, 2";

  private CaptureAdmin() {}

  /**
   * Removes everything capture of this source keeps: on PostgreSQL its replication slot (which
   * otherwise holds WAL forever) and publication; in the store its offsets and schema history. Stop
   * the engine first. Idempotent.
   */
  public static void drop(CaptureConfig config, OffsetStore store) throws SQLException {
    if (config.dialect() == CaptureDialect.POSTGRES) {
      try (Connection connection = CaptureConnections.open(config)) {
        PostgresReplication.drop(connection, config.captureName());
      }
    }
    store.delete(config.source());
  }

  /**
   * How many bytes of WAL the source's PostgreSQL replication slot holds back from removal (the
   * distance from its restart position to the current WAL position); empty on MariaDB/MySQL or when
   * the slot does not exist. A stopped capture keeps its slot, and with it this WAL, until capture
   * resumes or the slot is dropped.
   */
  public static OptionalLong retainedWalBytes(CaptureConfig config) throws SQLException {
    if (config.dialect() != CaptureDialect.POSTGRES) {
      return OptionalLong.empty();
    }
    try (Connection connection = CaptureConnections.open(config);
        PreparedStatement ps =
            connection.prepareStatement(
                "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint"
                    + " FROM pg_replication_slots WHERE slot_name = ?")) {
      ps.setString(1, config.captureName());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next() && rs.getObject(1) != null) {
          return OptionalLong.of(rs.getLong(1));
        }
        return OptionalLong.empty();
      }
    }
  }

  /**
   * The captured PostgreSQL tables (every user table when the source lists none) that lack full
   * before images. Empty for MariaDB/MySQL, whose binlog_row_image the preflight checks.
   */
  public static List<ReplicaIdentityGap> replicaIdentityGaps(CaptureConfig config)
      throws SQLException {
    if (config.dialect() != CaptureDialect.POSTGRES) {
      return List.of();
    }
    List<ReplicaIdentityGap> gaps = new ArrayList<>();
    try (Connection connection = CaptureConnections.open(config);
        PreparedStatement ps = connection.prepareStatement(IDENTITY_QUERY)) {
      ps.setBoolean(1, config.tables().isEmpty());
      ps.setArray(2, connection.createArrayOf("text", config.tables().toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          gaps.add(
              new ReplicaIdentityGap(
                  rs.getString(1) + "." + rs.getString(2),
                  identityName(rs.getString(3)),
                  rs.getBoolean(4)));
        }
      }
    }
    return gaps;
  }

  /**
   * Runs {@code ALTER TABLE ... REPLICA IDENTITY FULL} on exactly these PostgreSQL tables ({@code
   * schema.table}). Altering a legacy table is the integrator's decision: call this only on their
   * explicit request. Each table is altered in its own statement; the first failure stops.
   */
  public static void applyFullReplicaIdentity(CaptureConfig config, List<String> tables)
      throws SQLException {
    if (config.dialect() != CaptureDialect.POSTGRES) {
      throw new IllegalArgumentException("REPLICA IDENTITY exists on PostgreSQL only");
    }
    try (Connection connection = CaptureConnections.open(config);
        Statement statement = connection.createStatement()) {
      for (String table : tables) {
        if (table.indexOf('.') <= 0) {
          throw new IllegalArgumentException("table '" + table + "' must be written schema.table");
        }
        statement.execute(new ReplicaIdentityGap(table, "", true).fixStatement());
      }
    }
  }

  private static String identityName(String code) {
    return switch (code) {
      case "d" -> "default";
      case "n" -> "nothing";
      case "i" -> "index";
      default -> code;
    };
  }
}
