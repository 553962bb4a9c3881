package dev.daas.server.cdc;

import java.time.Instant;
import java.util.List;

/**
 * A source's change capture settings and what its engine does, as the admin API shows them.
 *
 * @param source the source name
 * @param enabled whether capture should run
 * @param snapshotMode what the engine reads before streaming, lower case ({@code no_data}, ...)
 * @param tables the configured tables; empty means the model's tables
 * @param capturedTables the tables the engine captures (empty: every table)
 * @param state {@code DISABLED}, or the engine's state: {@code STARTING}, {@code RUNNING}, {@code
 *     RECONNECTING}, {@code FAILED}, {@code STOPPED}
 * @param streaming whether the engine reads the database log right now
 * @param message why it failed or what it waits for; null when all is well
 * @param since when the state was entered, or null
 * @param problems what the database lacks for capture, each with how to fix it (last check)
 * @param eventsDelivered changes captured since the engine started
 * @param lastSequence sequence number of the newest captured change
 * @param subscribers open change streams of the source on this server
 * @param retainedWalBytes on PostgreSQL, the WAL its replication slot holds back from removal
 *     (grows while capture is stopped; {@code dropSlot} releases it); null elsewhere or unknown
 */
public record CdcStatus(
    String source,
    boolean enabled,
    String snapshotMode,
    List<String> tables,
    List<String> capturedTables,
    String state,
    boolean streaming,
    String message,
    Instant since,
    List<Problem> problems,
    long eventsDelivered,
    long lastSequence,
    int subscribers,
    Long retainedWalBytes) {

  /** A preflight problem: a stable code and what to do about it. */
  public record Problem(String code, String message) {}
}
