package dev.daas.connector.debezium;

import java.util.Locale;

/**
 * What the engine reads before streaming the log: Debezium's {@code snapshot.mode}. Only used when
 * the source has no stored offsets, except {@link #ALWAYS} and {@link #WHEN_NEEDED}.
 */
public enum SnapshotMode {
  /** Existing rows as {@link ChangeOperation#READ} events, then the log. */
  INITIAL,
  /** Existing rows only, then stop. */
  INITIAL_ONLY,
  /** No rows: the table structure only, then changes from now on. */
  NO_DATA,
  /** No snapshot at all: the log from the slot's (PostgreSQL) or the binlog's start. */
  NEVER,
  /** A snapshot on every start. */
  ALWAYS,
  /** A snapshot when the stored offsets cannot be resumed from. */
  WHEN_NEEDED;

  /** The value of Debezium's {@code snapshot.mode} property. */
  public String debeziumName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
