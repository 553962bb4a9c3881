package dev.daas.server.cdc;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Makes changes of one source older than the retention and prunes them, as the scheduled prune
 * would a day later; other sources' (fresh) changes stay.
 */
public final class TestingRetention {
  private TestingRetention() {}

  /** Ages the source's changes up to {@code through}, prunes; returns how many were deleted. */
  public static int pruneThrough(
      AgroalDataSource metadata, ChangeLogRetention retention, long sourceId, long through)
      throws SQLException {
    try (Connection c = metadata.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE cdc_change SET captured_at = ? WHERE source_id = ? AND seq_no <= ?")) {
      ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minusDays(2));
      ps.setLong(2, sourceId);
      ps.setLong(3, through);
      ps.executeUpdate();
    }
    return retention.prune(Duration.ofDays(1), 1_000_000_000L);
  }
}
