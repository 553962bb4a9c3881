package dev.daas.server.cdc;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Leases in the metadata store that let one server instance of several capture a source: an
 * instance runs the source's engine only while it holds the lease ({@code cdc_lease}), renews it
 * every third of {@code daas.cdc.lease-ttl}, and another instance takes over once it expired. Times
 * are the instances' clocks (keep them in sync, as with any cluster).
 */
@ApplicationScoped
public class CdcLeases {
  /** SQLState of a unique or primary key violation, on H2 and PostgreSQL alike. */
  private static final String DUPLICATE_KEY = "23505";

  @Inject AgroalDataSource metadata;

  private final String holder = host() + "/" + UUID.randomUUID().toString().substring(0, 8);

  /** Who this instance is in the lease table. */
  public String holder() {
    return holder;
  }

  /** Takes or renews the lease of the source for {@code ttl}; false when another holds it. */
  public boolean acquire(long sourceId, Duration ttl) {
    return acquire(sourceId, ttl, holder);
  }

  boolean acquire(long sourceId, Duration ttl, String who) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = metadata.getConnection()) {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE cdc_lease SET holder = ?, expires_at = ?"
                  + " WHERE source_id = ? AND (holder = ? OR expires_at < ?)")) {
        update.setString(1, who);
        update.setObject(2, now.plus(ttl));
        update.setLong(3, sourceId);
        update.setString(4, who);
        update.setObject(5, now);
        if (update.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO cdc_lease (source_id, holder, expires_at) VALUES (?, ?, ?)")) {
        insert.setLong(1, sourceId);
        insert.setString(2, who);
        insert.setObject(3, now.plus(ttl));
        insert.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (DUPLICATE_KEY.equals(e.getSQLState())) {
          return false;
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot take the capture lease: " + e.getMessage(), e);
    }
  }

  /** The instance holding an unexpired lease of the source, if any. */
  public Optional<String> holderOf(long sourceId) {
    try (Connection c = metadata.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT holder FROM cdc_lease WHERE source_id = ? AND expires_at >= ?")) {
      ps.setLong(1, sourceId);
      ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the capture lease: " + e.getMessage(), e);
    }
  }

  /** Gives the lease up, if this instance holds it, so another may take over at once. */
  public void release(long sourceId) {
    release(sourceId, holder);
  }

  void release(long sourceId, String who) {
    try (Connection c = metadata.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM cdc_lease WHERE source_id = ? AND holder = ?")) {
      ps.setLong(1, sourceId);
      ps.setString(2, who);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot release the capture lease: " + e.getMessage(), e);
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "unknown-host";
    }
  }
}
