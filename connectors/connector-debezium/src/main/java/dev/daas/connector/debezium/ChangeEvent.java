package dev.daas.connector.debezium;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * One captured row change, independent of the database it came from. Values are plain Java:
 * numbers, strings, booleans, {@code BigDecimal}, {@code byte[]}, {@code LocalDate}, {@code
 * LocalTime}, {@code LocalDateTime}, {@code OffsetDateTime}; images keep the table's column order.
 *
 * @param source the source (registered name) it was captured from
 * @param schema schema (PostgreSQL) or database (MariaDB/MySQL) of the table
 * @param table table name as in the database
 * @param key primary key columns and values; empty for tables without a key and for truncates
 * @param before the row before the change; null for inserts and snapshot reads, and on PostgreSQL
 *     updates of tables without {@code REPLICA IDENTITY FULL} (deletes then carry the key columns
 *     only)
 * @param after the row after the change; null for deletes and truncates
 * @param operation what happened
 * @param sourceTimestamp when the database committed it (snapshot: when it was read)
 * @param transactionId the database's transaction id, or null when unknown
 * @param position where in the log it was read, e.g. {@code lsn=0/16B3748} or {@code
 *     file=mysql-bin.000003;pos=1234;row=0}: the resumable place, stable for a change
 * @param sequence per source, strictly increasing over all events ever delivered, also across
 *     restarts (a change delivered again after a crash gets a new, higher number)
 */
public record ChangeEvent(
    String source,
    String schema,
    String table,
    Map<String, Object> key,
    Map<String, Object> before,
    Map<String, Object> after,
    ChangeOperation operation,
    Instant sourceTimestamp,
    String transactionId,
    String position,
    long sequence) {
  public ChangeEvent {
    requireNonNull(source, "source is null");
    requireNonNull(table, "table is null");
    requireNonNull(key, "key is null");
    requireNonNull(operation, "operation is null");
    requireNonNull(position, "position is null");
  }

  /** {@code schema.table}, or the table alone when there is no schema. */
  public String qualifiedTable() {
    return schema == null || schema.isEmpty() ? table : schema + "." + table;
  }
}
