package dev.daas.server.store;

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
 * Leases in the metadata store ({@code lease}) that let one server instance of several do a job:
 * capture a source, deliver a webhook. An instance does the job only while it holds the job's
 * lease, renews it well before it expires, and another instance takes over once it expired. Times
 * are the instances' clocks (keep them in sync, as with any cluster).
 */
@ApplicationScoped
public class Leases {
  /** SQLState of a unique or primary key violation, on H2 and PostgreSQL alike. */
  private static final String DUPLICATE_KEY = "23505";

  @Inject AgroalDataSource metadata;

  private final String holder = host() + "/" + UUID.randomUUID().toString().substring(0, 8);

  /** Who this instance is in the lease table. */
  public String holder() {
    return holder;
  }

  /** Takes or renews the lease for {@code ttl}; false when another instance holds it. */
  public boolean acquire(String name, Duration ttl) {
    return acquire(name, ttl, holder);
  }

  /**
   * As {@link #acquire(String, Duration)} for the holder {@code who} (another instance, in tests).
   */
  public boolean acquire(String name, Duration ttl, String who) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = metadata.getConnection()) {
      try (PreparedStatement update =
          c.prepareStatement(
              "UPDATE lease SET holder = ?, expires_at = ?"
                  + " WHERE name = ? AND (holder = ? OR expires_at < ?)")) {
        update.setString(1, who);
        update.setObject(2, now.plus(ttl));
        update.setString(3, name);
        update.setString(4, who);
        update.setObject(5, now);
        if (update.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO lease (name, holder, expires_at) VALUES (?, ?, ?)")) {
        insert.setString(1, name);
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
      throw new IllegalStateException("cannot take the lease " + name + ": " + e.getMessage(), e);
    }
  }

  /** The instance holding an unexpired lease, if any. */
  public Optional<String> holderOf(String name) {
    try (Connection c = metadata.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT holder FROM lease WHERE name = ? AND expires_at >= ?")) {
      ps.setString(1, name);
      ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the lease " + name + ": " + e.getMessage(), e);
    }
  }

  /** Gives the lease up, if this instance holds it, so another may take over at once. */
  public void release(String name) {
    release(name, holder);
  }

  /** As {@link #release(String)} for the holder {@code who}. */
  public void release(String name, String who) {
    try (Connection c = metadata.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM lease WHERE name = ? AND holder = ?")) {
      ps.setString(1, name);
      ps.setString(2, who);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot release the lease " + name + ": " + e.getMessage(), e);
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
