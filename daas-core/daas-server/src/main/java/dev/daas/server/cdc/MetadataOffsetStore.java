package dev.daas.server.cdc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.connector.debezium.OffsetStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Capture offsets and schema history in the metadata store ({@code cdc_offset}, {@code
 * cdc_schema_history}). Each call runs in its own transaction, so a save is durable on return.
 *
 * <p>The sequence high-water mark handed back by {@link #loadOffsets} is at least the highest
 * sequence in the change log: events delivered again after a crash (their offsets were not saved
 * yet) get new, higher numbers instead of colliding with the logged ones.
 */
@ApplicationScoped
public class MetadataOffsetStore implements OffsetStore {
  static final String SEQUENCE_KEY = "daas.sequence";
  private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {};

  @Inject AgroalDataSource metadata;
  @Inject ObjectMapper json;

  private volatile Boolean embeddedH2;

  @Override
  public Map<String, String> loadOffsets(String source) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = metadata.getConnection()) {
                Map<String, String> offsets = new HashMap<>();
                String stored =
                    single(
                        c,
                        "SELECT o.offsets_json FROM cdc_offset o JOIN source r ON r.id ="
                            + " o.source_id WHERE r.name = ?",
                        source);
                if (stored != null) {
                  offsets.putAll(json.readValue(stored, MAP));
                }
                String logged =
                    single(
                        c,
                        "SELECT max(ch.seq_no) FROM cdc_change ch JOIN source r ON r.id ="
                            + " ch.source_id WHERE r.name = ?",
                        source);
                long high = Math.max(parse(offsets.get(SEQUENCE_KEY)), parse(logged));
                if (high > 0) {
                  offsets.put(SEQUENCE_KEY, Long.toString(high));
                }
                return offsets;
              }
            });
  }

  @Override
  public void saveOffsets(String source, Map<String, String> offsets) {
    String document;
    try {
      document = json.writeValueAsString(offsets);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the offsets of " + source, e);
    }
    execute(
        source,
        "UPDATE cdc_offset SET offsets_json = ?, updated_at = ? WHERE source_id = ?",
        "INSERT INTO cdc_offset (offsets_json, updated_at, source_id) VALUES (?, ?, ?)",
        document);
    flushEmbeddedStore();
  }

  @Override
  public List<String> loadSchemaHistory(String source) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<String> records = new ArrayList<>();
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT h.record_json FROM cdc_schema_history h JOIN source r ON r.id ="
                              + " h.source_id WHERE r.name = ? ORDER BY h.id")) {
                ps.setString(1, source);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    records.add(rs.getString(1));
                  }
                }
              }
              return records;
            });
  }

  @Override
  public void appendSchemaHistory(String source, String record) {
    execute(
        source,
        null,
        "INSERT INTO cdc_schema_history (record_json, source_id) SELECT ?, id FROM source WHERE"
            + " name = ?",
        record);
    flushEmbeddedStore();
  }

  /**
   * The engine confirms the saved position to the database (PostgreSQL then frees the WAL before
   * it), so the save must survive a kill -9. Embedded H2 writes committed changes to its file up to
   * a second later (WRITE_DELAY); a checkpoint writes them now, with the change log they follow.
   */
  private void flushEmbeddedStore() {
    if (embeddedH2 == null) {
      embeddedH2 =
          QuarkusTransaction.requiringNew()
              .call(
                  () -> {
                    try (Connection c = metadata.getConnection()) {
                      return "H2".equals(c.getMetaData().getDatabaseProductName());
                    }
                  });
    }
    if (embeddedH2) {
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                try (Connection c = metadata.getConnection();
                    Statement s = c.createStatement()) {
                  s.execute("CHECKPOINT");
                } catch (SQLException e) {
                  throw new IllegalStateException("cannot flush the metadata store", e);
                }
              });
    }
  }

  @Override
  public void delete(String source) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = metadata.getConnection()) {
                for (String table : List.of("cdc_offset", "cdc_schema_history")) {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "DELETE FROM "
                              + table
                              + " WHERE source_id IN (SELECT id FROM source WHERE name = ?)")) {
                    ps.setString(1, source);
                    ps.executeUpdate();
                  }
                }
              } catch (SQLException e) {
                throw new IllegalStateException("cannot delete the offsets of " + source, e);
              }
            });
  }

  /** Runs the update (when given) and, when it changed no row, the insert, in one transaction. */
  private void execute(String source, String update, String insert, String value) {
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = metadata.getConnection()) {
                if (update == null) {
                  try (PreparedStatement ps = c.prepareStatement(insert)) {
                    ps.setString(1, value);
                    ps.setString(2, source);
                    if (ps.executeUpdate() == 0) {
                      throw new IllegalStateException("no source is named " + source);
                    }
                  }
                  return;
                }
                long id = sourceId(c, source);
                for (String sql : List.of(update, insert)) {
                  try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, value);
                    ps.setObject(2, OffsetDateTime.now(ZoneOffset.UTC));
                    ps.setLong(3, id);
                    if (ps.executeUpdate() > 0) {
                      return;
                    }
                  }
                }
              } catch (SQLException e) {
                throw new IllegalStateException("cannot save capture state of " + source, e);
              }
            });
  }

  private static long sourceId(Connection c, String source) throws SQLException {
    String id = single(c, "SELECT id FROM source WHERE name = ?", source);
    if (id == null) {
      throw new IllegalStateException("no source is named " + source);
    }
    return Long.parseLong(id);
  }

  private static String single(Connection c, String sql, String parameter) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parameter);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static long parse(String value) {
    return value == null ? 0 : Long.parseLong(value);
  }
}
