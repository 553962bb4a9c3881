package dev.daas.recovery.evidence;

import static java.util.Objects.requireNonNull;

import dev.daas.model.EvidenceChannel;

/**
 * How often the rows of one table were written, as a channel saw it (CDC: the retained change log).
 *
 * @param table table name, qualified or not
 * @param inserts rows inserted
 * @param updates rows updated
 * @param deletes rows deleted
 * @param channel where the writes were seen
 */
public record TableActivity(
    String table, long inserts, long updates, long deletes, EvidenceChannel channel) {
  public TableActivity {
    requireNonNull(table, "table is null");
    requireNonNull(channel, "channel is null");
    if (inserts < 0 || updates < 0 || deletes < 0) {
      throw new IllegalArgumentException("write counts are never negative");
    }
  }
}
