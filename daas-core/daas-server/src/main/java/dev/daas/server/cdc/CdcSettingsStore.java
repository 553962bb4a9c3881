package dev.daas.server.cdc;

import dev.daas.connector.debezium.SnapshotMode;
import dev.daas.model.error.DaasException;
import dev.daas.model.error.ErrorCode;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Per-source change capture settings in the metadata store (table {@code cdc_settings}). */
@ApplicationScoped
public class CdcSettingsStore {
  @Inject AgroalDataSource metadata;

  /** The id of the source row, or empty when no source has this name. */
  public Optional<Long> sourceId(String source) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement("SELECT id FROM source WHERE name = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
              }
            });
  }

  /** The id of the source row; unknown-source when there is none. */
  public long requireSourceId(String source) {
    return sourceId(source)
        .orElseThrow(
            () ->
                new DaasException(
                    ErrorCode.UNKNOWN_SOURCE,
                    "No source is named " + source,
                    Map.of("source", source)));
  }

  /** The stored settings, or empty when capture was never configured for the source. */
  public Optional<CdcSettings> settings(String source) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT s.enabled, s.snapshot_mode, s.table_list FROM cdc_settings s"
                              + " JOIN source r ON r.id = s.source_id WHERE r.name = ?")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? Optional.of(read(rs)) : Optional.<CdcSettings>empty();
                }
              }
            });
  }

  /** Every source with stored settings, by name. */
  public Map<String, CdcSettings> all() {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              Map<String, CdcSettings> all = new LinkedHashMap<>();
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT s.enabled, s.snapshot_mode, s.table_list, r.name FROM"
                              + " cdc_settings s JOIN source r ON r.id = s.source_id ORDER BY r.name");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  all.put(rs.getString(4), read(rs));
                }
              }
              return all;
            });
  }

  /** Replaces the settings of the source. */
  public void save(long sourceId, CdcSettings settings) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = metadata.getConnection()) {
                int updated;
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE cdc_settings SET enabled = ?, snapshot_mode = ?, table_list = ?,"
                            + " updated_at = ? WHERE source_id = ?")) {
                  bind(ps, settings);
                  ps.setLong(5, sourceId);
                  updated = ps.executeUpdate();
                }
                if (updated == 0) {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO cdc_settings (enabled, snapshot_mode, table_list,"
                              + " updated_at, source_id) VALUES (?, ?, ?, ?, ?)")) {
                    bind(ps, settings);
                    ps.setLong(5, sourceId);
                    ps.executeUpdate();
                  }
                }
              } catch (SQLException e) {
                throw new IllegalStateException("cannot save the capture settings", e);
              }
            });
  }

  private static void bind(PreparedStatement ps, CdcSettings settings) throws SQLException {
    ps.setBoolean(1, settings.enabled());
    ps.setString(2, settings.snapshotMode().name());
    ps.setString(3, String.join(",", settings.tables()));
    ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
  }

  private static CdcSettings read(ResultSet rs) throws SQLException {
    String tables = rs.getString(3);
    return new CdcSettings(
        rs.getBoolean(1),
        SnapshotMode.valueOf(rs.getString(2)),
        tables == null || tables.isEmpty() ? List.of() : Arrays.asList(tables.split(",")));
  }
}
