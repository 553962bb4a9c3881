package dev.daas.connector.debezium;

import static java.util.Objects.requireNonNull;

import io.debezium.data.Envelope;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns Debezium's change records into {@link ChangeEvent}s. Records that are not row changes
 * (heartbeats, schema changes, transaction markers) give {@code null}.
 */
public final class ChangeEventNormaliser {
  private final String source;
  private final AtomicLong sequence;

  /**
   * @param source the source name put into each event
   * @param sequence the last sequence number handed out; incremented per event
   */
  public ChangeEventNormaliser(String source, AtomicLong sequence) {
    this.source = requireNonNull(source, "source is null");
    this.sequence = requireNonNull(sequence, "sequence is null");
  }

  /** The event of a record, or null when the record is not a row change. */
  public ChangeEvent normalise(SourceRecord record) {
    if (!(record.value() instanceof Struct value)
        || value.schema().name() == null
        || !Envelope.isEnvelopeSchema(value.schema())) {
      return null;
    }
    Struct sourceInfo = value.getStruct(Envelope.FieldName.SOURCE);
    ChangeOperation operation =
        ChangeOperation.fromDebezium(value.getString(Envelope.FieldName.OPERATION));
    Map<String, Object> key =
        record.key() instanceof Struct keyStruct ? StructValues.toMap(keyStruct) : Map.of();
    return new ChangeEvent(
        source,
        schemaOf(sourceInfo),
        sourceInfo.getString("table"),
        key,
        StructValues.toMap(value.getStruct(Envelope.FieldName.BEFORE)),
        operation == ChangeOperation.TRUNCATE
            ? null
            : StructValues.toMap(value.getStruct(Envelope.FieldName.AFTER)),
        operation,
        timestampOf(sourceInfo),
        transactionOf(sourceInfo),
        position(record.sourceOffset()),
        sequence.incrementAndGet());
  }

  private static String schemaOf(Struct sourceInfo) {
    if (sourceInfo.schema().field("schema") != null && sourceInfo.get("schema") != null) {
      return sourceInfo.getString("schema");
    }
    return sourceInfo.getString("db");
  }

  private static Instant timestampOf(Struct sourceInfo) {
    Object millis = sourceInfo.get("ts_ms");
    return millis instanceof Long ms ? Instant.ofEpochMilli(ms) : null;
  }

  private static String transactionOf(Struct sourceInfo) {
    for (String field : new String[] {"txId", "gtid"}) {
      if (sourceInfo.schema().field(field) != null && sourceInfo.get(field) != null) {
        return sourceInfo.get(field).toString();
      }
    }
    return null;
  }

  /**
   * The record's source offset as {@code key=value;...} in key order, without timestamps: a
   * readable, stable place in the log.
   */
  static String position(Map<String, ?> offset) {
    if (offset == null || offset.isEmpty()) {
      return "";
    }
    return new TreeMap<>(offset)
        .entrySet().stream()
            .filter(e -> !e.getKey().startsWith("ts_") && e.getValue() != null)
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(";"));
  }
}
