package dev.daas.connector.debezium;

import java.util.List;
import java.util.Map;

/**
 * Where a capture engine keeps its progress: the connector offsets (where to resume reading the
 * log) and, for MariaDB/MySQL, the schema history (the DDL seen so far, needed to decode older
 * binlog rows). The server backs it with its metadata store; {@link InMemoryOffsetStore} serves
 * tests.
 *
 * <p>Offsets are an opaque map of strings: keep them as given and hand back the last map saved. A
 * save happens only after the consumer callback for the covered events returned, so a restart from
 * the saved map repeats at most the events of the last unsaved batches (at-least-once).
 * Implementations must be thread-safe; a save must be durable when the method returns.
 */
public interface OffsetStore {
  /** The last offsets saved for this source, empty when none. */
  Map<String, String> loadOffsets(String source);

  /** Replaces the offsets of this source. */
  void saveOffsets(String source, Map<String, String> offsets);

  /** The schema history records of this source in the order they were appended. */
  List<String> loadSchemaHistory(String source);

  /** Appends one schema history record (a JSON document) to this source's history. */
  void appendSchemaHistory(String source, String record);

  /** Forgets everything about this source: offsets and schema history. */
  void delete(String source);
}
