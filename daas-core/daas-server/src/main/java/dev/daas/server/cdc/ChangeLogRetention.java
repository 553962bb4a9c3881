package dev.daas.server.cdc;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The change log's retention: pruning removes the oldest changes of each source (always a prefix by
 * sequence) and records the highest sequence removed ({@code cdc_horizon}), so that a stream or
 * webhook resuming below it learns that it missed changes instead of resuming silently.
 */
@ApplicationScoped
public class ChangeLogRetention {
  @Inject AgroalDataSource metadata;

  /**
   * Deletes, per source, the changes up to the newest one captured before {@code now - retention},
   * and all but the newest {@code maxRows}. Returns how many were deleted.
   */
  public int prune(Duration retention, long maxRows) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              int deleted = 0;
              try (Connection c = metadata.getConnection()) {
                Map<Long, Long> cutoffs = new HashMap<>();
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT source_id, max(seq_no) FROM cdc_change WHERE captured_at < ?"
                            + " GROUP BY source_id")) {
                  ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(retention));
                  collect(ps, cutoffs);
                }
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT source_id, max(seq_no) - ? FROM cdc_change GROUP BY source_id"
                            + " HAVING count(*) > ?")) {
                  ps.setLong(1, maxRows);
                  ps.setLong(2, maxRows);
                  collect(ps, cutoffs);
                }
                for (Map.Entry<Long, Long> cutoff : cutoffs.entrySet()) {
                  deleted += prune(c, cutoff.getKey(), cutoff.getValue());
                }
              }
              return deleted;
            });
  }

  /** The highest sequence of the source that pruning removed; 0 when none was. */
  public long prunedThrough(long sourceId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT pruned_through FROM cdc_horizon WHERE source_id = ?")) {
                ps.setLong(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getLong(1) : 0L;
                }
              }
            });
  }

  private static void collect(PreparedStatement ps, Map<Long, Long> cutoffs) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        cutoffs.merge(rs.getLong(1), rs.getLong(2), Math::max);
      }
    }
  }

  private static int prune(Connection c, long sourceId, long through) throws SQLException {
    int deleted;
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM cdc_change WHERE source_id = ? AND seq_no <= ?")) {
      ps.setLong(1, sourceId);
      ps.setLong(2, through);
      deleted = ps.executeUpdate();
    }
    if (deleted == 0) {
      return 0;
    }
    int updated;
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE cdc_horizon SET pruned_through = ? WHERE source_id = ? AND pruned_through < ?")) {
      ps.setLong(1, through);
      ps.setLong(2, sourceId);
      ps.setLong(3, through);
      updated = ps.executeUpdate();
    }
    if (updated == 0) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO cdc_horizon (source_id, pruned_through) SELECT ?, ? WHERE NOT EXISTS"
                  + " (SELECT 1 FROM cdc_horizon WHERE source_id = ?)")) {
        ps.setLong(1, sourceId);
        ps.setLong(2, through);
        ps.setLong(3, sourceId);
        ps.executeUpdate();
      }
    }
    return deleted;
  }
}
