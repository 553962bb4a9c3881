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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The change log's retention: pruning removes the oldest changes of each source (always a prefix by
 * sequence) and records, per entity, the highest sequence of a change removed ({@code
 * cdc_horizon}), so that a stream or webhook of the entity resuming below it learns that it missed
 * changes instead of resuming silently.
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

  /**
   * The highest sequence of a change of any of the entities that pruning removed; 0 when none was.
   */
  public long prunedThrough(long sourceId, Collection<String> entities) {
    if (entities.isEmpty()) {
      return 0;
    }
    String in = String.join(", ", Collections.nCopies(entities.size(), "?"));
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT coalesce(max(pruned_through), 0) FROM cdc_horizon"
                              + " WHERE source_id = ? AND entity IN ("
                              + in
                              + ")")) {
                int i = 1;
                ps.setLong(i++, sourceId);
                for (String entity : entities) {
                  ps.setString(i++, entity);
                }
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
    Map<String, Long> newest = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT entity, max(seq_no) FROM cdc_change WHERE source_id = ? AND seq_no <= ?"
                + " GROUP BY entity")) {
      ps.setLong(1, sourceId);
      ps.setLong(2, through);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          newest.put(rs.getString(1), rs.getLong(2));
        }
      }
    }
    int deleted;
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM cdc_change WHERE source_id = ? AND seq_no <= ?")) {
      ps.setLong(1, sourceId);
      ps.setLong(2, through);
      deleted = ps.executeUpdate();
    }
    for (Map.Entry<String, Long> entity : newest.entrySet()) {
      raiseHorizon(c, sourceId, entity.getKey(), entity.getValue());
    }
    return deleted;
  }

  private static void raiseHorizon(Connection c, long sourceId, String entity, long sequence)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE cdc_horizon SET pruned_through = ? WHERE source_id = ? AND entity = ?"
                + " AND pruned_through < ?")) {
      ps.setLong(1, sequence);
      ps.setLong(2, sourceId);
      ps.setString(3, entity);
      ps.setLong(4, sequence);
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO cdc_horizon (source_id, entity, pruned_through) SELECT ?, ?, ? WHERE NOT"
                + " EXISTS (SELECT 1 FROM cdc_horizon WHERE source_id = ? AND entity = ?)")) {
      ps.setLong(1, sourceId);
      ps.setString(2, entity);
      ps.setLong(3, sequence);
      ps.setLong(4, sourceId);
      ps.setString(5, entity);
      ps.executeUpdate();
    }
  }
}
