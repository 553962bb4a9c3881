package dev.daas.server.cdc;

import static java.util.Objects.requireNonNull;

import dev.daas.connector.debezium.SnapshotMode;
import java.util.List;

/**
 * A source's change capture settings as stored.
 *
 * @param enabled whether an engine should run
 * @param snapshotMode what the engine reads before streaming the log
 * @param tables tables to capture as {@code schema.table}; empty captures the model's tables
 */
public record CdcSettings(boolean enabled, SnapshotMode snapshotMode, List<String> tables) {
  public CdcSettings {
    requireNonNull(snapshotMode, "snapshotMode is null");
    tables = tables == null ? List.of() : List.copyOf(tables);
  }

  /** What a source that never had capture configured has. */
  public static CdcSettings disabled() {
    return new CdcSettings(false, SnapshotMode.NO_DATA, List.of());
  }
}
