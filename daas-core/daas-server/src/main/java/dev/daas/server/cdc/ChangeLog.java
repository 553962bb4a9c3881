package dev.daas.server.cdc;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.daas.connector.debezium.ChangeEvent;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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
      "seq_no, entity, operation, key_json, before_json, after_json, source_ts, tx_id, channel,"
          + " change_count";

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
                              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, ?, ?)")) {
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
                      ChangeJson.record(
                          json,
                          new ChangeJson.Row(
                              event.sequence(),
                              entity,
                              operation,
                              key,
                              before,
                              after,
                              event.sourceTimestamp(),
                              event.transactionId(),
                              null,
                              null)));
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
                    long count = rs.getLong(10);
                    records.add(
                        ChangeJson.record(
                            json,
                            new ChangeJson.Row(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                ts == null ? null : ts.toInstant(),
                                rs.getString(8),
                                rs.getString(9),
                                rs.wasNull() ? null : count)));
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
   * Stores coarse change notifications (docs/change-streams.md, "Coarse changes") with the
   * sequences {@code firstSequence}, {@code firstSequence + 1}, ... in one transaction and returns
   * them as stream records.
   *
   * @param at when the writes happened (at the latest); their {@code sourceTimestamp}
   * @param position where they came from, e.g. {@code probe:<probe id>:<batch sequence>}
   */
  public List<ChangeRecord> appendCoarse(
      long sourceId,
      long firstSequence,
      String channel,
      List<CoarseChange> changes,
      Instant at,
      String position) {
    List<ChangeRecord> records = new ArrayList<>(changes.size());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              try (Connection c = metadata.getConnection();
                  PreparedStatement ps =
                      c.prepareStatement(
                          "INSERT INTO cdc_change (source_id, "
                              + COLUMNS
                              + ", schema_name, table_name, log_position, captured_at) VALUES"
                              + " (?, ?, ?, ?, 'null', null, null, ?, null, ?, ?, ?, ?, ?, ?)")) {
                long sequence = firstSequence;
                for (CoarseChange change : changes) {
                  ps.setLong(1, sourceId);
                  ps.setLong(2, sequence);
                  ps.setString(3, change.entity());
                  ps.setString(4, change.operation());
                  ps.setObject(5, utc(at));
                  ps.setString(6, channel);
                  ps.setLong(7, change.count());
                  ps.setString(8, change.schema());
                  ps.setString(9, change.table());
                  ps.setString(10, truncate(position, 1024));
                  ps.setObject(11, now);
                  ps.addBatch();
                  records.add(
                      ChangeJson.record(
                          json,
                          new ChangeJson.Row(
                              sequence,
                              change.entity(),
                              change.operation(),
                              null,
                              null,
                              null,
                              at,
                              null,
                              channel,
                              change.count())));
                  sequence++;
                }
                ps.executeBatch();
              } catch (SQLException e) {
                throw new IllegalStateException(
                    "cannot write the change log: " + e.getMessage(), e);
              }
            });
    return records;
  }

  /**
   * A coarse change notification: {@code count} writes of {@code operation} ({@code create}, {@code
   * update}, {@code delete} or {@code merge}) to the entity's table, rows unknown.
   */
  public record CoarseChange(
      String entity, String schema, String table, String operation, long count) {}

  private static OffsetDateTime utc(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  private static String truncate(String value, int max) {
    return value == null || value.length() <= max ? value : value.substring(0, max);
  }
}
