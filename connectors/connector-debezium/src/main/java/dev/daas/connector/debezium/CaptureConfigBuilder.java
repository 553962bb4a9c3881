package dev.daas.connector.debezium;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds a {@link CaptureConfig}; see there for the meaning of each value. */
public final class CaptureConfigBuilder {
  private final String source;
  private final CaptureDialect dialect;
  private String host = "127.0.0.1";
  private int port;
  private String database;
  private String user;
  private String password;
  private List<String> tables = List.of();
  private SnapshotMode snapshotMode = SnapshotMode.INITIAL;
  private Duration pollInterval = Duration.ofMillis(10);
  private int maxBatchSize = 2048;
  private Duration offsetFlushInterval = Duration.ZERO;
  private Duration retryDelayMax = Duration.ofSeconds(5);
  private int maxRetries = -1;
  private long serverId;
  private Map<String, String> debeziumOverrides = Map.of();

  CaptureConfigBuilder(String source, CaptureDialect dialect) {
    this.source = source;
    this.dialect = dialect;
    this.port = dialect.defaultPort();
  }

  public CaptureConfigBuilder host(String host) {
    this.host = host;
    return this;
  }

  public CaptureConfigBuilder port(int port) {
    this.port = port;
    return this;
  }

  public CaptureConfigBuilder database(String database) {
    this.database = database;
    return this;
  }

  public CaptureConfigBuilder user(String user) {
    this.user = user;
    return this;
  }

  public CaptureConfigBuilder password(String password) {
    this.password = password;
    return this;
  }

  public CaptureConfigBuilder tables(List<String> tables) {
    this.tables = tables;
    return this;
  }

  public CaptureConfigBuilder snapshotMode(SnapshotMode snapshotMode) {
    this.snapshotMode = snapshotMode;
    return this;
  }

  public CaptureConfigBuilder pollInterval(Duration pollInterval) {
    this.pollInterval = pollInterval;
    return this;
  }

  public CaptureConfigBuilder maxBatchSize(int maxBatchSize) {
    this.maxBatchSize = maxBatchSize;
    return this;
  }

  public CaptureConfigBuilder offsetFlushInterval(Duration offsetFlushInterval) {
    this.offsetFlushInterval = offsetFlushInterval;
    return this;
  }

  public CaptureConfigBuilder retryDelayMax(Duration retryDelayMax) {
    this.retryDelayMax = retryDelayMax;
    return this;
  }

  public CaptureConfigBuilder maxRetries(int maxRetries) {
    this.maxRetries = maxRetries;
    return this;
  }

  public CaptureConfigBuilder serverId(long serverId) {
    this.serverId = serverId;
    return this;
  }

  public CaptureConfigBuilder debeziumOverrides(Map<String, String> debeziumOverrides) {
    this.debeziumOverrides = debeziumOverrides;
    return this;
  }

  public CaptureConfig build() {
    return new CaptureConfig(
        source,
        dialect,
        host,
        port,
        database,
        user,
        password,
        tables,
        snapshotMode,
        pollInterval,
        maxBatchSize,
        offsetFlushInterval,
        retryDelayMax,
        maxRetries,
        serverId,
        debeziumOverrides);
  }
}
