package dev.daas.connector.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.daas.model.connector.SourceConfig;
import java.time.Duration;

/** The connection pool of one source, configured so that a down database never fails startup. */
final class JdbcPool {
  static final long MIN_CONNECT_TIMEOUT_MS = 250;
  static final long VALIDATION_TIMEOUT_MS = 1_000;
  static final long KEEPALIVE_MS = Duration.ofMinutes(2).toMillis();

  private JdbcPool() {}

  static HikariDataSource create(SourceConfig config) {
    JdbcDialect dialect =
        JdbcDialects.forUrl(config.url())
            .orElseThrow(() -> new IllegalArgumentException("unsupported URL scheme"));
    return create(config, dialect);
  }

  static HikariDataSource create(SourceConfig config, JdbcDialect dialect) {
    return new HikariDataSource(config(config, dialect));
  }

  /**
   * The pool's settings. Driver options go in as data source properties, never spliced into the
   * URL: they carry the timeouts and the safe values that the URL policy relies on.
   */
  static HikariConfig config(SourceConfig config, JdbcDialect dialect) {
    HikariConfig hikari = new HikariConfig();
    hikari.setPoolName("daas-" + config.name());
    hikari.setJdbcUrl(config.url());
    if (config.user() != null) {
      hikari.setUsername(config.user());
    }
    if (config.password() != null) {
      hikari.setPassword(config.password());
    }
    hikari.setMaximumPoolSize(config.maxPoolSize());
    // One warm connection is enough to notice outages early; more are made on demand.
    hikari.setMinimumIdle(1);
    long connectTimeout = Math.max(MIN_CONNECT_TIMEOUT_MS, config.connectTimeout().toMillis());
    hikari.setConnectionTimeout(connectTimeout);
    hikari.setValidationTimeout(
        Math.max(MIN_CONNECT_TIMEOUT_MS, Math.min(VALIDATION_TIMEOUT_MS, connectTimeout)));
    // -1: build the pool even when the database is unreachable, connect later.
    hikari.setInitializationFailTimeout(-1);
    hikari.setKeepaliveTime(KEEPALIVE_MS);
    // The connector only reads: a read-only session is one more wall against a bad statement.
    hikari.setReadOnly(true);
    hikari.setAutoCommit(true);
    dialect.driverProperties(config).forEach(hikari::addDataSourceProperty);
    return hikari;
  }
}
