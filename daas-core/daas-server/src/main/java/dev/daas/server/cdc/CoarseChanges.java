package dev.daas.server.cdc;

import dev.daas.server.cdc.ChangeLog.CoarseChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Coarse change notifications (docs/change-streams.md, "Coarse changes"): where log-based capture
 * does not run for a source, writes observed elsewhere (the reflection probe's statement counts)
 * become change log entries naming the entity, the operation and how many writes, without rows.
 * They take the source's next sequences, so streams resume across them and webhooks deliver them
 * like any change; while an engine captures the source (here or on another instance) none are made.
 */
@ApplicationScoped
public class CoarseChanges {
  private static final Logger LOG = Logger.getLogger(CoarseChanges.class);
  private static final int ATTEMPTS = 3;

  /**
   * Writes to one table: {@code table} as the SQL statement names it, {@code operation} {@code
   * create}, {@code update}, {@code delete} or {@code merge}, {@code count} executions.
   */
  public record Write(String table, String operation, long count) {}

  @Inject CdcSettingsStore settingsStore;
  @Inject CdcEngines engines;
  @Inject EntityNames names;
  @Inject ChangeLog log;
  @Inject MetadataOffsetStore offsets;
  @Inject ChangeHub hub;

  /**
   * Logs and publishes the writes of tables the source's model has, one notification per entity and
   * operation; returns them, empty when capture runs for the source or none resolved.
   *
   * @param channel where the writes were observed, e.g. {@code probe}
   * @param at when they happened, at the latest
   * @param position what they came from, for the log (e.g. {@code probe:<id>:<batch sequence>})
   */
  public List<ChangeRecord> publish(
      String source, String channel, Instant at, String position, List<Write> writes) {
    if (writes.isEmpty()) {
      return List.of();
    }
    long sourceId = settingsStore.requireSourceId(source);
    // Published under the same lock as logged: live subscribers skip what is not above the last
    // sequence they sent, so two batches must reach them in log order.
    return engines
        .unlessCapturing(
            source,
            sourceId,
            () -> {
              List<ChangeRecord> logged = append(source, sourceId, channel, at, position, writes);
              try {
                hub.publish(source, logged);
              } catch (RuntimeException e) {
                // Logged already: streams resume from the log.
                LOG.warnf(
                    "Source %s: handing coarse changes to streams failed: %s",
                    source, e.toString());
              }
              return logged;
            })
        .orElse(List.of());
  }

  private List<ChangeRecord> append(
      String source,
      long sourceId,
      String channel,
      Instant at,
      String position,
      List<Write> writes) {
    List<CoarseChange> changes = resolve(source, writes);
    if (changes.isEmpty()) {
      return List.of();
    }
    for (int attempt = 1; ; attempt++) {
      Map<String, String> stored = offsets.loadOffsets(source);
      long first = parse(stored.get(MetadataOffsetStore.SEQUENCE_KEY)) + 1;
      try {
        List<ChangeRecord> records =
            log.appendCoarse(sourceId, first, channel, changes, at, position);
        // Kept with the offsets too, so that sequences never repeat once these are pruned.
        Map<String, String> updated = new HashMap<>(stored);
        updated.put(MetadataOffsetStore.SEQUENCE_KEY, Long.toString(first + changes.size() - 1));
        offsets.saveOffsets(source, updated);
        return records;
      } catch (IllegalStateException e) {
        // Another server instance took these sequences first (no capture, several instances).
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** One change per (entity, operation), counts added up; tables outside the model are left out. */
  private List<CoarseChange> resolve(String source, List<Write> writes) {
    Map<List<String>, long[]> counts = new LinkedHashMap<>();
    Map<List<String>, String> tables = new HashMap<>();
    for (Write write : writes) {
      Optional<String> entity = names.entityOfSqlName(source, write.table());
      if (entity.isEmpty() || write.count() <= 0) {
        continue;
      }
      List<String> key = List.of(entity.get(), write.operation());
      counts.computeIfAbsent(key, k -> new long[1])[0] += write.count();
      tables.putIfAbsent(key, write.table());
    }
    List<CoarseChange> changes = new ArrayList<>();
    counts.forEach(
        (key, count) -> {
          String table = tables.get(key);
          int dot = table.lastIndexOf('.');
          changes.add(
              new CoarseChange(
                  key.get(0),
                  dot < 0 ? null : table.substring(0, dot),
                  dot < 0 ? table : table.substring(dot + 1),
                  key.get(1),
                  count[0]));
        });
    return changes;
  }

  private static long parse(String value) {
    try {
      return value == null ? 0 : Long.parseLong(value);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
