package dev.daas.server.recovery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Per-source recovery settings in the metadata store (table {@code recovery_settings}). */
@ApplicationScoped
public class RecoverySettingsStore {
  @Inject AgroalDataSource metadata;
  @Inject ObjectMapper json;

  /** The source's overrides; {@link RecoverySettings#NONE} when it has none. */
  public RecoverySettings settings(long sourceId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT settings_json FROM recovery_settings WHERE source_id = ?")) {
                ps.setLong(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next()
                      ? json.readValue(rs.getString(1), RecoverySettings.class)
                      : RecoverySettings.NONE;
                }
              }
            });
  }

  /** Replaces the source's overrides (an update, else an insert; a concurrent insert wins). */
  public void save(long sourceId, RecoverySettings settings) {
    String text;
    try {
      text = json.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("recovery settings are plain numbers", e);
    }
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try {
      upsert(sourceId, text, now);
    } catch (DuplicateKey e) {
      // another request inserted first, in its own transaction: update over it (last one wins)
      upsert(sourceId, text, now);
    }
  }

  private void upsert(long sourceId, String text, OffsetDateTime now) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = metadata.getConnection()) {
                if (update(c, sourceId, text, now) == 0) {
                  insert(c, sourceId, text, now);
                }
              } catch (SQLException e) {
                if ("23505".equals(e.getSQLState())) {
                  throw new DuplicateKey();
                }
                throw new IllegalStateException(
                    "cannot store recovery settings: " + e.getMessage(), e);
              }
            });
  }

  /** A concurrent insert of the same source's row won. */
  private static final class DuplicateKey extends RuntimeException {
    DuplicateKey() {
      super(null, null, false, false);
    }
  }

  private static int update(Connection c, long sourceId, String text, OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE recovery_settings SET settings_json = ?, updated_at = ? WHERE source_id = ?")) {
      ps.setString(1, text);
      ps.setObject(2, now);
      ps.setLong(3, sourceId);
      return ps.executeUpdate();
    }
  }

  private static void insert(Connection c, long sourceId, String text, OffsetDateTime now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO recovery_settings (source_id, settings_json, updated_at) VALUES (?, ?, ?)")) {
      ps.setLong(1, sourceId);
      ps.setString(2, text);
      ps.setObject(3, now);
      ps.executeUpdate();
    }
  }
}
