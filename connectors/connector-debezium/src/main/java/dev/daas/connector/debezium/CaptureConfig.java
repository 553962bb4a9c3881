package dev.daas.connector.debezium;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one capture engine reads and how. Build with {@link #builder(String, CaptureDialect)} or
 * {@link #fromJdbcUrl(String, String, String, String)}. The password never appears in {@link
 * #toString()}.
 *
 * @param source the source name; slot, publication and engine names derive from it
 * @param dialect the database kind
 * @param host database host
 * @param port database port
 * @param database database name (PostgreSQL: the database holding the tables; MariaDB/MySQL: the
 *     database to capture)
 * @param user user name
 * @param password password, or null
 * @param tables tables to capture as {@code schema.table} (MariaDB/MySQL: {@code database.table});
 *     empty captures every table (PostgreSQL then publishes all tables, which needs a superuser)
 * @param snapshotMode what to read before streaming
 * @param pollInterval how long the engine waits for new changes before handing over a batch
 * @param maxBatchSize most events per batch
 * @param offsetFlushInterval least time between two offset saves; zero saves after every batch
 * @param retryDelayMax longest wait between reconnect attempts
 * @param maxRetries reconnect attempts before failing; -1 retries forever
 * @param serverId MariaDB/MySQL replica id, unique among the server's replicas; 0 derives one from
 *     the source name
 * @param debeziumOverrides Debezium properties that override the derived ones (expert use)
 */
public record CaptureConfig(
    String source,
    CaptureDialect dialect,
    String host,
    int port,
    String database,
    String user,
    String password,
    List<String> tables,
    SnapshotMode snapshotMode,
    Duration pollInterval,
    int maxBatchSize,
    Duration offsetFlushInterval,
    Duration retryDelayMax,
    int maxRetries,
    long serverId,
    Map<String, String> debeziumOverrides) {
  public CaptureConfig {
    requireNonNull(source, "source is null");
    requireNonNull(dialect, "dialect is null");
    requireNonNull(host, "host is null");
    requireNonNull(database, "database is null");
    requireNonNull(user, "user is null");
    tables = tables == null ? List.of() : List.copyOf(tables);
    requireNonNull(snapshotMode, "snapshotMode is null");
    requireNonNull(pollInterval, "pollInterval is null");
    requireNonNull(offsetFlushInterval, "offsetFlushInterval is null");
    requireNonNull(retryDelayMax, "retryDelayMax is null");
    debeziumOverrides = debeziumOverrides == null ? Map.of() : Map.copyOf(debeziumOverrides);
    if (source.isBlank()) {
      throw new IllegalArgumentException("source name is blank");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port must be 1..65535, was " + port);
    }
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be at least 1, was " + maxBatchSize);
    }
    for (String table : tables) {
      if (table.indexOf('.') <= 0 || table.contains(",")) {
        throw new IllegalArgumentException(
            "table '" + table + "' must be written schema.table (database.table on MariaDB/MySQL)");
      }
    }
  }

  /**
   * A builder with defaults: snapshot {@code initial}, 10 ms poll interval, offsets saved per
   * batch.
   */
  public static CaptureConfigBuilder builder(String source, CaptureDialect dialect) {
    return new CaptureConfigBuilder(source, dialect);
  }

  /** A builder with host, port, database and dialect taken from a JDBC URL. */
  public static CaptureConfigBuilder fromJdbcUrl(
      String source, String jdbcUrl, String user, String password) {
    CaptureDialect dialect = CaptureDialect.fromJdbcUrl(jdbcUrl);
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()).replaceFirst("[?;].*$", ""));
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "JDBC URL needs a host, as in jdbc:" + dialect.jdbcScheme() + "://host:port/database");
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (path.isEmpty()) {
      throw new IllegalArgumentException(
          "JDBC URL needs a database, as in jdbc:"
              + dialect.jdbcScheme()
              + "://host:port/database");
    }
    return builder(source, dialect)
        .host(uri.getHost())
        .port(uri.getPort() > 0 ? uri.getPort() : dialect.defaultPort())
        .database(path)
        .user(user)
        .password(password);
  }

  /** A JDBC URL for preflight checks and slot management. */
  public String jdbcUrl() {
    return "jdbc:" + dialect.jdbcScheme() + "://" + host + ":" + port + "/" + database;
  }

  /**
   * The source name reduced to lower-case letters, digits and underscores, prefixed {@code daas_}
   * and at most 63 characters: the PostgreSQL slot and publication name, and Debezium's topic
   * prefix.
   */
  public String captureName() {
    String cleaned = source.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    String name = "daas_" + cleaned;
    return name.length() > 63 ? name.substring(0, 63) : name;
  }

  @Override
  public String toString() {
    return "CaptureConfig[source="
        + source
        + ", dialect="
        + dialect
        + ", url="
        + jdbcUrl()
        + ", user="
        + user
        + ", password="
        + (password == null ? "<none>" : "<redacted>")
        + ", tables="
        + tables
        + ", snapshotMode="
        + snapshotMode
        + "]";
  }
}
