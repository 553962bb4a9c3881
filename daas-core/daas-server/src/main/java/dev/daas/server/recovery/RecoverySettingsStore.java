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

  /** Replaces the source's overrides. */
  public void save(long sourceId, RecoverySettings settings) {
    String text;
    try {
      text = json.writeValueAsString(settings);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("recovery settings are plain numbers", e);
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = metadata.getConnection()) {
                delete(c, sourceId);
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "INSERT INTO recovery_settings (source_id, settings_json, updated_at)"
                            + " VALUES (?, ?, ?)")) {
                  ps.setLong(1, sourceId);
                  ps.setString(2, text);
                  ps.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                  ps.executeUpdate();
                }
              } catch (SQLException e) {
                throw new IllegalStateException(
                    "cannot store recovery settings: " + e.getMessage(), e);
              }
            });
  }

  private static void delete(Connection c, long sourceId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM recovery_settings WHERE source_id = ?")) {
      ps.setLong(1, sourceId);
      ps.executeUpdate();
    }
  }
}
