package dev.daas.connector.debezium;

import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/** Turns a {@link CaptureConfig} into the embedded engine's Debezium properties. */
final class DebeziumProperties {
  private DebeziumProperties() {}

  /**
   * The engine properties.
   *
   * @param bindingId the {@link StoreRegistry} id of the engine's offset store
   */
  static Properties of(CaptureConfig config, String bindingId) {
    Properties p = new Properties();
    p.setProperty("name", config.captureName());
    p.setProperty("topic.prefix", config.captureName());
    p.setProperty("offset.storage", DaasOffsetBackingStore.class.getName());
    p.setProperty(StoreRegistry.OFFSET_BINDING_KEY, bindingId);
    p.setProperty("offset.flush.interval.ms", millis(config.offsetFlushInterval().toMillis()));
    p.setProperty("database.hostname", config.host());
    p.setProperty("database.port", Integer.toString(config.port()));
    p.setProperty("database.user", config.user());
    if (config.password() != null) {
      p.setProperty("database.password", config.password());
    }
    p.setProperty("snapshot.mode", config.snapshotMode().debeziumName());
    p.setProperty("poll.interval.ms", millis(config.pollInterval().toMillis()));
    p.setProperty("max.batch.size", Integer.toString(config.maxBatchSize()));
    p.setProperty("max.queue.size", Integer.toString(Math.max(8192, config.maxBatchSize() * 4)));
    // Reconnects: the engine restarts the task after a retriable error (connection lost).
    p.setProperty("errors.max.retries", Integer.toString(config.maxRetries()));
    p.setProperty("errors.retry.delay.initial.ms", "300");
    p.setProperty("errors.retry.delay.max.ms", millis(config.retryDelayMax().toMillis()));
    p.setProperty(
        "retriable.restart.connector.wait.ms",
        millis(Math.min(1000, config.retryDelayMax().toMillis())));
    p.setProperty("tombstones.on.delete", "false");
    // every stored digit of times (connect mode cuts them to milliseconds): StructValues
    p.setProperty("time.precision.mode", "adaptive_time_microseconds");
    p.setProperty("decimal.handling.mode", "precise");
    p.setProperty("binary.handling.mode", "bytes");
    if (!config.tables().isEmpty()) {
      p.setProperty("table.include.list", includeList(config.tables()));
    }
    switch (config.dialect()) {
      case POSTGRES -> postgres(config, p);
      case MARIADB ->
          binlog(config, bindingId, p, "io.debezium.connector.mariadb.MariaDbConnector");
      case MYSQL -> binlog(config, bindingId, p, "io.debezium.connector.mysql.MySqlConnector");
    }
    config.debeziumOverrides().forEach(p::setProperty);
    return p;
  }

  private static void postgres(CaptureConfig config, Properties p) {
    p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
    p.setProperty("database.dbname", config.database());
    p.setProperty("plugin.name", "pgoutput");
    p.setProperty("slot.name", config.captureName());
    p.setProperty("publication.name", config.captureName());
    p.setProperty(
        "publication.autocreate.mode", config.tables().isEmpty() ? "all_tables" : "filtered");
    // The slot must outlive the engine: it is what a restart resumes from. drop() removes it.
    p.setProperty("slot.drop.on.stop", "false");
    p.setProperty("skipped.operations", "none");
  }

  private static void binlog(
      CaptureConfig config, String bindingId, Properties p, String connectorClass) {
    p.setProperty("connector.class", connectorClass);
    p.setProperty("database.server.id", Long.toString(serverId(config)));
    p.setProperty("database.include.list", quote(config.database()));
    p.setProperty("schema.history.internal", DaasSchemaHistory.class.getName());
    p.setProperty(StoreRegistry.HISTORY_BINDING_KEY, bindingId);
    p.setProperty("include.schema.changes", "false");
    // unsigned BIGINT beyond the long range would wrap to a negative long
    p.setProperty("bigint.unsigned.handling.mode", "precise");
    p.setProperty(
        "database.ssl.mode", config.dialect() == CaptureDialect.MARIADB ? "disable" : "disabled");
  }

  /** The configured server id, or one derived from the source name (stable across restarts). */
  static long serverId(CaptureConfig config) {
    if (config.serverId() > 0) {
      return config.serverId();
    }
    return 100_000L + Math.floorMod(config.source().hashCode(), 1_000_000_000);
  }

  /** Debezium include lists are comma-separated regular expressions: quote each name. */
  static String includeList(List<String> tables) {
    return tables.stream()
        .map(
            t ->
                quote(t.substring(0, t.indexOf('.')))
                    + "\\."
                    + quote(t.substring(t.indexOf('.') + 1)))
        .collect(Collectors.joining(","));
  }

  private static String quote(String name) {
    return name.replaceAll("([\\\\.\\[\\]{}()*+?^$|])", "\\\\$1");
  }

  private static String millis(long value) {
    return Long.toString(value);
  }
}
