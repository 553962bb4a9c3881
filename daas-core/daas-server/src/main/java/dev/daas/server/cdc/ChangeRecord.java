package dev.daas.server.cdc;

import static java.util.Objects.requireNonNull;

/**
 * One change as change streams send it.
 *
 * @param sequence the per-source sequence number; the stream's event id
 * @param entity the entity's API name (the table name for tables outside the model)
 * @param data the event's JSON document: entity, operation, key, before, after, sourceTimestamp,
 *     transactionId, sequence
 */
public record ChangeRecord(long sequence, String entity, String data) {
  public ChangeRecord {
    requireNonNull(entity, "entity is null");
    requireNonNull(data, "data is null");
  }
}
