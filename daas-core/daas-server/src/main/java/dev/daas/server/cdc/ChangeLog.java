package dev.daas.server.cdc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.connector.debezium.ChangeEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The durable change log ({@code cdc_change}): every captured change, written in one transaction
 * per batch before the engine may save offsets past it, read back by streams that resume.
 */
@ApplicationScoped
public class ChangeLog {
  private static final String COLUMNS =
      "seq_no, entity, operation, key_json, before_json, after_json, source_ts, tx_id";

  @Inject AgroalDataSource metadata;
  @Inject ObjectMapper json;

  /**
   * Stores a batch and returns it as stream records. {@code entityOf} gives the API name of a
   * (schema, table).
   */
  public List<ChangeRecord> append(
      long sourceId, List<ChangeEvent> batch, BiFunction<String, String, String> entityOf) {
    List<ChangeRecord> records = new ArrayList<>(batch.size());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO cdc_change (source_id, "
                              + COLUMNS
                              + ", schema_name, table_name, log_position, captured_at)"
                              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (ChangeEvent event : batch) {
                  String entity = entityOf.apply(event.schema(), event.table());
                  String operation = event.operation().name().toLowerCase(Locale.ROOT);
                  String key = json.writeValueAsString(event.key());
                  String before =
                      event.before() == null ? null : json.writeValueAsString(event.before());
                  String after =
                      event.after() == null ? null : json.writeValueAsString(event.after());
                  ps.setLong(1, sourceId);
                  ps.setLong(2, event.sequence());
                  ps.setString(3, entity);
                  ps.setString(4, operation);
                  ps.setString(5, key);
                  ps.setString(6, before);
                  ps.setString(7, after);
                  ps.setObject(8, utc(event.sourceTimestamp()));
                  ps.setString(9, truncate(event.transactionId(), 256));
                  ps.setString(10, event.schema());
                  ps.setString(11, event.table());
                  ps.setString(12, truncate(event.position(), 1024));
                  ps.setObject(13, now);
                  ps.addBatch();
                  records.add(
                      record(
                          event.sequence(),
                          entity,
                          operation,
                          key,
                          before,
                          after,
                          event.sourceTimestamp(),
                          event.transactionId()));
                }
                ps.executeBatch();
              } catch (SQLException | IOException e) {
                throw new IllegalStateException(
                    "cannot write the change log: " + e.getMessage(), e);
              }
            });
    return records;
  }

  /** Up to {@code limit} changes of one entity after {@code sequence}, oldest first. */
  public List<ChangeRecord> after(long sourceId, String entity, long sequence, int limit) {
    return after(sourceId, List.of(entity), sequence, limit);
  }

  /** Up to {@code limit} changes of any of the entities after {@code sequence}, oldest first. */
  public List<ChangeRecord> after(
      long sourceId, Collection<String> entities, long sequence, int limit) {
    if (entities.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", Collections.nCopies(entities.size(), "?"));
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              List<ChangeRecord> records = new ArrayList<>();
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT "
                              + COLUMNS
                              + " FROM cdc_change WHERE source_id = ? AND entity IN ("
                              + in
                              + ") AND seq_no > ? ORDER BY seq_no FETCH FIRST "
                              + limit
                              + " ROWS ONLY")) {
                int i = 1;
                ps.setLong(i++, sourceId);
                for (String entity : entities) {
                  ps.setString(i++, entity);
                }
                ps.setLong(i, sequence);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    OffsetDateTime ts = rs.getObject(7, OffsetDateTime.class);
                    records.add(
                        record(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            ts == null ? null : ts.toInstant(),
                            rs.getString(8)));
                  }
                }
              }
              return records;
            });
  }

  /** The highest sequence logged for the source, 0 when none. */
  public long lastSequence(long sourceId) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "SELECT coalesce(max(seq_no), 0) FROM cdc_change WHERE source_id = ?")) {
                ps.setLong(1, sourceId);
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? rs.getLong(1) : 0L;
                }
              }
            });
  }

  /**
   * Deletes changes captured before {@code now - retention} and all but the newest {@code maxRows}
   * of each source. Returns how many were deleted.
   */
  public int prune(Duration retention, long maxRows) {
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              int deleted = 0;
              try (Connection c = metadata.getConnection()) {
                try (PreparedStatement ps =
                    c.prepareStatement("DELETE FROM cdc_change WHERE captured_at < ?")) {
                  ps.setObject(1, OffsetDateTime.now(ZoneOffset.UTC).minus(retention));
                  deleted += ps.executeUpdate();
                }
                List<long[]> cutoffs = new ArrayList<>();
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "SELECT source_id, max(seq_no) - ? FROM cdc_change GROUP BY source_id"
                            + " HAVING count(*) > ?"); ) {
                  ps.setLong(1, maxRows);
                  ps.setLong(2, maxRows);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      cutoffs.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                  }
                }
                for (long[] cutoff : cutoffs) {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "DELETE FROM cdc_change WHERE source_id = ? AND seq_no <= ?")) {
                    ps.setLong(1, cutoff[0]);
                    ps.setLong(2, cutoff[1]);
                    deleted += ps.executeUpdate();
                  }
                }
              }
              return deleted;
            });
  }

  private ChangeRecord record(
      long sequence,
      String entity,
      String operation,
      String key,
      String before,
      String after,
      Instant sourceTimestamp,
      String transactionId) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = json.getFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("entity", entity);
      g.writeStringField("operation", operation);
      g.writeFieldName("key");
      g.writeRawValue(key);
      g.writeFieldName("before");
      raw(g, before);
      g.writeFieldName("after");
      raw(g, after);
      g.writeStringField(
          "sourceTimestamp", sourceTimestamp == null ? null : sourceTimestamp.toString());
      g.writeStringField("transactionId", transactionId);
      g.writeNumberField("sequence", sequence);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ChangeRecord(sequence, entity, out.toString());
  }

  private static void raw(JsonGenerator g, String value) throws IOException {
    if (value == null) {
      g.writeNull();
    } else {
      g.writeRawValue(value);
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
